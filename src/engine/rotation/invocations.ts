import type { OperationContext, World } from '../kernel/index.ts';
import { functionByArn, type LambdaFunction } from '../lambda/index.ts';
import { uuid } from '../ids/index.ts';
import type { RotationStep } from './rotation.machine.ts';
import { isFinal } from './machine-driver.ts';
import { roleSessionArn } from './invoke.ts';
import { stepCallSchema, type RotationRun, type StepCall, type StepLog } from './state.ts';
import { rotationState } from './store.ts';
import { z } from 'zod';

export const COMPLETE_TASK = 'secretsmanager.rotation.complete';

/**
 * A step Secrets Manager handed to a learner-written function. The engine cannot run that code (it is pure and
 * synchronous; the code runs in a Web Worker or node:vm), so the run waits here until the host runs the handler with
 * `event` and reports back through completeInvocation. Everything the host needs is in this record.
 */
export interface PendingInvocation {
  secretArn: string;
  runId: number;
  step: RotationStep;
  requestedAt: number;
  functionArn: string;
  functionName: string;
  accountId: string;
  region: string;
  /** Who the function's calls are made as: its execution role's session. */
  principalArn: string;
  source: string;
  timeoutSeconds: number;
  memorySize: number;
  /** The invocation event, as Secrets Manager sends it. */
  event: { Step: RotationStep; SecretId: string; ClientRequestToken: string; RotationToken: string };
  /** Where the function's network lets it go: Secrets Manager (endpoint or NAT), and the internet (NAT, or no VPC). */
  routes: { secretsManager: boolean; internet: boolean };
  /** Why the handler cannot run at all (the function was deleted or its code taken away while the step waited). */
  unavailable?: string;
}

function orphan(run: RotationRun, step: RotationStep, requestedAt: number, fn: LambdaFunction | undefined): PendingInvocation {
  return {
    secretArn: run.secretArn,
    runId: run.runId,
    step,
    requestedAt,
    functionArn: run.functionArn,
    functionName: fn?.functionName ?? run.functionArn.split(':').pop() ?? '',
    accountId: run.accountId,
    region: run.region,
    principalArn: '',
    source: '',
    timeoutSeconds: fn?.timeout ?? 3,
    memorySize: fn?.memorySize ?? 128,
    event: { Step: step, SecretId: run.secretArn, ClientRequestToken: run.token, RotationToken: run.rotationToken ?? run.token },
    routes: { secretsManager: false, internet: false },
    unavailable: fn ? `The function ${fn.functionName} no longer has code deployed from the editor` : `Function not found: ${run.functionArn}`,
  };
}

/** Whether a step of this run goes to learner-written code rather than a template. */
export function runsLearnerCode(fn: LambdaFunction | undefined): fn is LambdaFunction & { source: string } {
  return fn?.source !== undefined;
}

/** Hands the step to the host; no time passes in the engine until the host reports back. */
export function requestInvocation(ctx: OperationContext, run: RotationRun, step: RotationStep): void {
  run.rotationToken ??= uuid(ctx.rng);
  run.awaiting = { step, requestedAt: ctx.now };
}

export function pendingInvocations(world: World): PendingInvocation[] {
  const out: PendingInvocation[] = [];
  const runs = rotationState(world).runs;
  for (const arn in runs) {
    const run = runs[arn]!;
    if (!run.awaiting || isFinal(run.state)) continue;
    const fn = functionByArn(world, run.functionArn);
    if (!runsLearnerCode(fn)) {
      // Deleted, or put back to its template, while the step waited: the invocation cannot find the handler.
      out.push(orphan(run, run.awaiting.step, run.awaiting.requestedAt, fn));
      continue;
    }
    const route = fn.network.secretsManagerRoute;
    out.push({
      secretArn: run.secretArn,
      runId: run.runId,
      step: run.awaiting.step,
      requestedAt: run.awaiting.requestedAt,
      functionArn: fn.functionArn,
      functionName: fn.functionName,
      accountId: fn.accountId,
      region: fn.region,
      principalArn: roleSessionArn(fn),
      source: fn.source,
      timeoutSeconds: fn.timeout,
      memorySize: fn.memorySize,
      event: { Step: run.awaiting.step, SecretId: run.secretArn, ClientRequestToken: run.token, RotationToken: run.rotationToken ?? run.token },
      routes: { secretsManager: route !== 'none', internet: !fn.vpcConfig || route === 'nat' },
    });
  }
  return out;
}

/** What the host reports when the handler returned, threw, or ran out of time. */
export const invocationResultSchema = z.object({
  secretArn: z.string(),
  runId: z.number().int(),
  step: z.string(),
  outcome: z.enum(['succeeded', 'failed', 'timedOut']),
  /** Lambda's errorType and errorMessage when the handler threw. */
  errorType: z.string().optional(),
  errorMessage: z.string().optional(),
  calls: z.array(stepCallSchema),
  logs: z.array(z.string()),
});
export type InvocationResult = z.infer<typeof invocationResultSchema>;

/** Virtual time a learner's handler takes: start-up, then each request's round trip (deterministic, for the bill). */
const HANDLER_START_MS = 120;
const SECRETS_MANAGER_CALL_MS = 35;
const THIRD_PARTY_CALL_MS = 90;
const MAX_LOG_LINES = 50;
const MAX_LOG_CHARS = 500;

function durationOf(calls: readonly StepCall[]): number {
  return calls.reduce((ms, call) => ms + (call.service ? THIRD_PARTY_CALL_MS : SECRETS_MANAGER_CALL_MS), HANDLER_START_MS);
}

/**
 * The step's log from the host's report: the handler's calls, its printed lines, and how long it ran on virtual time.
 * A handler that would have run past the function's Timeout timed out, however fast the sandbox was.
 */
export function stepLogOf(result: InvocationResult, requestedAt: number, timeoutSeconds: number): StepLog {
  const timeoutMs = timeoutSeconds * 1000;
  let outcome = result.outcome;
  let durationMs = outcome === 'timedOut' ? timeoutMs : durationOf(result.calls);
  if (durationMs > timeoutMs) {
    outcome = 'timedOut';
    durationMs = timeoutMs;
  }
  let cause: string | undefined;
  if (outcome === 'timedOut') cause = `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
  else if (outcome === 'failed') cause = `${result.errorType ?? 'Error'}: ${result.errorMessage ?? ''}`.trim();
  const logs = result.logs.slice(0, MAX_LOG_LINES).map((line) => (line.length > MAX_LOG_CHARS ? `${line.slice(0, MAX_LOG_CHARS)}…` : line));
  return {
    step: result.step as RotationStep,
    startedAt: requestedAt,
    endedAt: requestedAt + durationMs,
    outcome,
    ...(cause !== undefined ? { cause } : {}),
    calls: result.calls,
    logs,
  };
}
