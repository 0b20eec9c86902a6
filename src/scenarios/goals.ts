import * as jmespath from 'jmespath';
import { loadSimulator, pricing, settleTraffic, type Simulator, type World } from '../engine/index.ts';
import { evaluateApplication } from './application-goal.ts';
import { evaluatePartnerApi } from './partner-api-goal.ts';
import { evaluateRotation } from './rotation-goal.ts';
import { prepareCall, saveOutputs, simulatorPath } from './actions.ts';
import type { FieldExpectation, GoalCheck, LabGoal } from './schema.ts';
import { MissingVariableError, type Variables } from './variables.ts';
import { toAwsOutput } from './wire-names.ts';

export interface GoalResult {
  id: string;
  description: string;
  passed: boolean;
  /** Why: the error AWS gave, or the value found where another was expected. */
  reason: string;
}

/**
 * Evaluates a lab's goals against the engine's state, never against what the learner clicked: each goal runs its
 * calls on its own clone of the world (so a check's reads leave no trace in the learner's call log, CloudTrail
 * history or bill, and one goal's saved values cannot leak into another's).
 */
export interface GoalContext {
  /** Needed by bill goals; the app bundles content/pricing, tests read it from disk. */
  priceBook?: pricing.PriceBook;
}

export function evaluateGoals(goals: readonly LabGoal[], world: World | Simulator, context: GoalContext = {}): GoalResult[] {
  const snapshot = JSON.stringify('snapshot' in world ? world.snapshot() : world);
  return goals.map((goal) => {
    const clone = loadSimulator(JSON.parse(snapshot));
    // Applications' traffic is settled lazily; a bill or a call check must see it up to now.
    settleTraffic(clone);
    try {
      const outcome = evaluateCheck(goal.check, clone, {}, context);
      return { id: goal.id, description: goal.description, ...outcome };
    } catch (error) {
      if (error instanceof MissingVariableError) return { id: goal.id, description: goal.description, passed: false, reason: error.message };
      throw error;
    }
  });
}

type Outcome = { passed: boolean; reason: string };

function evaluateCheck(check: GoalCheck, simulator: Simulator, variables: Variables, context: GoalContext): Outcome {
  if ('all' in check) {
    const passed: string[] = [];
    for (const part of check.all) {
      const outcome = evaluateCheck(part, simulator, variables, context);
      if (!outcome.passed) return outcome;
      passed.push(outcome.reason);
    }
    return { passed: true, reason: passed.join(' ') };
  }
  if ('any' in check) {
    const reasons: string[] = [];
    for (const part of check.any) {
      const outcome = evaluateCheck(part, simulator, { ...variables }, context);
      if (outcome.passed) return outcome;
      reasons.push(outcome.reason);
    }
    return { passed: false, reason: reasons.join(' Or: ') };
  }
  if ('bill' in check) return evaluateBill(check.bill, simulator, context);
  if ('application' in check) return evaluateApplication(check.application, simulator, context.priceBook);
  if ('rotation' in check) return evaluateRotation(check.rotation, simulator);
  if ('partnerApi' in check) return evaluatePartnerApi(check.partnerApi, simulator);
  const prepared = prepareCall(check.call, variables);
  const result = simulatorPath(simulator)(prepared);
  const who = check.call.as ? ` as ${check.call.as.replace(/^arn:aws:(iam|sts)::/, '')}` : '';
  const what = `${check.call.operation}${who}`;
  if (check.expect !== 'success') {
    const expected = check.expect;
    if (result.ok) return { passed: false, reason: `${what} succeeded; it should fail with ${expected.error}.` };
    if (result.error.code !== expected.error) {
      return { passed: false, reason: `${what} failed with ${result.error.code} (${result.error.message}); expected ${expected.error}.` };
    }
    if (expected.message && !result.error.message.includes(expected.message)) {
      return { passed: false, reason: `${what} failed with ${result.error.code} but said "${result.error.message}".` };
    }
    return { passed: true, reason: `${what} is refused: ${result.error.code}.` };
  }
  if (!result.ok) return { passed: false, reason: `${what} failed: ${result.error.code}: ${result.error.message}` };
  const aws = toAwsOutput(check.call.service, result.output);
  for (const expectation of check.where ?? []) {
    const failure = checkField(aws, expectation);
    if (failure) return { passed: false, reason: `${what}: ${failure}` };
  }
  saveOutputs(check.call.service, result.output, check.save, variables);
  return { passed: true, reason: `${what} succeeds${check.where?.length ? ' with the expected values' : ''}.` };
}

function evaluateBill(bill: Extract<GoalCheck, { bill: unknown }>['bill'], simulator: Simulator, context: GoalContext): Outcome {
  if (!context.priceBook) return { passed: false, reason: 'No price table was given to check the bill.' };
  const span = pricing.monthSpan(bill.month);
  if (simulator.now < span.end) return { passed: false, reason: `${bill.month} has not ended yet in this world: move the clock past its last day.` };
  const accountId = bill.accountId ?? simulator.state.defaultAccountId;
  const computed = pricing.computeBill(simulator.state, context.priceBook, { accountId, month: bill.month, freeTier: bill.freeTier });
  const found = pricing.formatUsd(computed.totalDue);
  if (computed.totalDue.greaterThan(bill.atMost)) return { passed: false, reason: `The ${bill.month} bill is ${found}; the target is at most $${bill.atMost}.` };
  return { passed: true, reason: `The ${bill.month} bill is ${found} (target: at most $${bill.atMost}).` };
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Returns why the expectation fails, or undefined when it holds. */
export function checkField(output: unknown, expectation: FieldExpectation): string | undefined {
  const found: unknown = jmespath.search(output, expectation.query);
  const at = `${expectation.query} is ${show(found)}`;
  const present = found !== null && found !== undefined && !(Array.isArray(found) && found.length === 0);
  if (expectation.exists !== undefined && present !== expectation.exists) return `${at}; expected ${expectation.exists ? 'a value' : 'none'}.`;
  if ('equals' in expectation && expectation.equals !== undefined && !sameValue(found, expectation.equals)) return `${at}; expected ${show(expectation.equals)}.`;
  if ('notEquals' in expectation && expectation.notEquals !== undefined && sameValue(found, expectation.notEquals)) return `${at}; it must differ.`;
  const text = typeof found === 'string' ? found : JSON.stringify(found ?? null);
  if (expectation.matches !== undefined && !new RegExp(expectation.matches).test(text)) return `${at}; expected it to match ${expectation.matches}.`;
  if (expectation.notMatches !== undefined && new RegExp(expectation.notMatches).test(text)) return `${at}; it must not match ${expectation.notMatches}.`;
  if (expectation.atMost !== undefined && !(typeof found === 'number' && found <= expectation.atMost)) return `${at}; expected at most ${expectation.atMost}.`;
  if (expectation.atLeast !== undefined && !(typeof found === 'number' && found >= expectation.atLeast)) return `${at}; expected at least ${expectation.atLeast}.`;
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
