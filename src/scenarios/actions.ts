import * as jmespath from 'jmespath';
import { DAY, HOUR, MINUTE, SECOND, type CallResult, type Simulator } from '../engine/index.ts';
import { DURATION_PATTERN, type ApiCall, type LabAction, type SetupAction } from './schema.ts';
import { isLabFileArgument } from './lab-files.ts';
import { substitute, type Variables } from './variables.ts';
import { toAwsOutput, toEngineInput } from './wire-names.ts';

/** A request ready for the engine: members in its camelCase, placeholders filled. */
export interface PreparedCall {
  service: string;
  operation: string;
  input: unknown;
  principalArn?: string;
  region?: string;
}

/**
 * How a lab's calls reach the engine. Tests and goal checks call the simulator directly; the app passes its own
 * call path so "show me" is recorded like a learner's click (call log, undo).
 */
export type CallPath = (call: PreparedCall) => CallResult<unknown>;

export function simulatorPath(simulator: Simulator): CallPath {
  return (call) =>
    simulator.call({
      service: call.service,
      operation: call.operation,
      input: call.input,
      userAgent: 'secretslab-lab',
      ...(call.region ? { region: call.region } : {}),
      ...(call.principalArn ? { caller: { principalArn: call.principalArn } } : {}),
    });
}

/** Policy documents are strings in AWS's APIs; a lab may write them as YAML objects for readability. */
function isDocumentMember(name: string): boolean {
  return /Policy(Document)?$/.test(name);
}

export function prepareCall(call: ApiCall, variables: Variables): PreparedCall {
  const filled = substitute(call.input, variables) as Record<string, unknown>;
  const awsInput = Object.fromEntries(
    Object.entries(filled).map(([name, value]) => [name, isDocumentMember(name) && value !== null && typeof value === 'object' ? JSON.stringify(value) : value]),
  );
  return {
    service: call.service,
    operation: call.operation,
    input: toEngineInput(call.service, awsInput),
    ...(call.as ? { principalArn: substitute(call.as, variables) as string } : {}),
    ...(call.region ? { region: call.region } : {}),
  };
}

export function durationMs(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (!match) throw new Error(`Not a duration: ${text}`);
  const unit = { d: DAY, h: HOUR, m: MINUTE, s: SECOND }[match[2] as 'd' | 'h' | 'm' | 's'];
  return Number(match[1]) * unit;
}

/** Reads saved values out of a successful output, in AWS's member names. */
export function saveOutputs(service: string, output: unknown, save: Record<string, string> | undefined, variables: Variables): void {
  if (!save) return;
  const aws = toAwsOutput(service, output);
  for (const [name, expression] of Object.entries(save)) variables[name] = jmespath.search(aws, expression) as unknown;
}

export type ActionOutcome =
  | { kind: 'call'; ok: true; output: unknown; note?: string }
  | { kind: 'call'; ok: false; errorCode: string; message: string; expected: boolean; note?: string }
  | { kind: 'advance'; ms: number; note?: string }
  | { kind: 'change'; control: string; explain: string; note?: string };

export interface ActionRunner {
  call: CallPath;
  advance(ms: number): void;
  /** Only the lab-world builder has the simulator's controls (set-up actions). */
  control?(name: string, args: unknown[]): unknown;
  /** Changes outside AWS (the application's code, the network) that a solution and the learner may make. */
  change?(name: string, args: unknown[]): void;
}

/**
 * Runs one set-up or solution action. A call that fails unexpectedly is reported (not thrown): the solution runner
 * stops there and says why, and the set-up builder treats it as a broken lab.
 */
export function runAction(action: SetupAction | LabAction, runner: ActionRunner, variables: Variables): ActionOutcome {
  if ('control' in action) {
    if (!runner.control) throw new Error(`The control ${action.control} is only available while building a lab's world.`);
    const value = runner.control(action.control, substitute(action.args, variables) as unknown[]);
    for (const [name, expression] of Object.entries(action.save ?? {})) variables[name] = jmespath.search(value, expression) as unknown;
    return { kind: 'advance', ms: 0, ...(action.note ? { note: action.note } : {}) };
  }
  if ('change' in action) {
    if (!runner.change) throw new Error(`The change ${action.change.control} needs the simulator's controls.`);
    // A file's text is code, not a lab request: its `${...}` stay as written.
    const args = action.change.args.map((arg) => (isLabFileArgument(arg) ? arg : substitute(arg, variables)));
    runner.change(action.change.control, args);
    return { kind: 'change', control: action.change.control, explain: action.explain, ...(action.note ? { note: action.note } : {}) };
  }
  if ('advance' in action) {
    const ms = durationMs(action.advance);
    runner.advance(ms);
    return { kind: 'advance', ms, ...(action.note ? { note: action.note } : {}) };
  }
  const note = action.note ? { note: action.note } : {};
  const prepared = prepareCall(action.call, variables);
  const result = runner.call(prepared);
  if (result.ok) {
    if (action.expectError) return { kind: 'call', ok: false, errorCode: '(none)', message: `Expected ${action.expectError} but the call succeeded.`, expected: false, ...note };
    saveOutputs(action.call.service, result.output, action.save, variables);
    return { kind: 'call', ok: true, output: result.output, ...note };
  }
  return {
    kind: 'call',
    ok: false,
    errorCode: result.error.code,
    message: result.error.message,
    expected: action.expectError === result.error.code,
    ...note,
  };
}
