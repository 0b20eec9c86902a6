import { DAY, nextRotationWindow, parseRotationRules, rotationState, type RotationRun, type Simulator } from '../engine/index.ts';
import { durationMs } from './actions.ts';
import type { GoalCheck } from './schema.ts';

type RotationCheck = Extract<GoalCheck, { rotation: unknown }>['rotation'];
type Outcome = { passed: boolean; reason: string };

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
const rotations = (n: number, kind: string) => `${n} ${kind} ${n === 1 ? 'rotation' : 'rotations'}`;

interface Described {
  arn: string;
  name: string;
  rotationEnabled?: boolean;
  rotationRules?: { automaticallyAfterDays?: number; duration?: string; scheduleExpression?: string };
}

/** How many scheduled windows ahead the schedule check looks at (a year of monthly windows; a cron may vary). */
const WINDOWS_AHEAD = 13;

/**
 * Answers a rotation goal from the rotation engine's own record of the secret's runs (what Secrets Manager did and
 * which function it invoked), and from the secret's rotation rules as DescribeSecret returns them.
 */
export function evaluateRotation(check: RotationCheck, simulator: Simulator): Outcome {
  const described = simulator.call<Described>({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: check.secret } });
  if (!described.ok) return { passed: false, reason: `DescribeSecret failed: ${described.error.code}: ${described.error.message}` };
  const secret = described.output;
  const found: string[] = [];
  const since = check.withinLast ? simulator.now - durationMs(check.withinLast) : -Infinity;
  const stretch = check.withinLast ? ` in the last ${check.withinLast}` : '';
  const by = check.function ? ` with ${check.function}` : '';
  const runs = runsOf(simulator, secret.arn).filter((run) => run.mode === 'rotate' && (run.endedAt ?? -Infinity) > since && invoked(run, check.function));
  if (check.succeededAtLeast !== undefined) {
    const succeeded = runs.filter((run) => run.state === 'succeeded').length;
    if (succeeded < check.succeededAtLeast) {
      const last = runs.filter((run) => run.state === 'failed').at(-1);
      const lastFailure = last ? ` The last failed run stopped in ${last.failedStep ?? 'a step'}: ${last.cause ?? 'no cause recorded'}` : '';
      return { passed: false, reason: `${secret.name} rotated successfully ${times(succeeded)}${by}${stretch}; expected at least ${check.succeededAtLeast}.${lastFailure}` };
    }
    found.push(`${rotations(succeeded, 'successful')}${by}${stretch}`);
  }
  if (check.failedAtMost !== undefined) {
    const failed = runs.filter((run) => run.state === 'failed').length;
    if (failed > check.failedAtMost) return { passed: false, reason: `${secret.name} had ${rotations(failed, 'failed')}${by}${stretch}; at most ${check.failedAtMost} allowed.` };
    found.push(rotations(failed, 'failed'));
  }
  if (check.everyDaysAtMost !== undefined) {
    if (!secret.rotationEnabled || !secret.rotationRules) return { passed: false, reason: `${secret.name} does not have automatic rotation turned on.` };
    const days = longestGapDays(secret.rotationRules, simulator.now);
    const shown = secret.rotationRules.scheduleExpression ?? `AutomaticallyAfterDays ${secret.rotationRules.automaticallyAfterDays ?? 30}`;
    if (days > check.everyDaysAtMost) {
      return { passed: false, reason: `${secret.name}'s schedule (${shown}) leaves up to ${days} days between rotations; at most ${check.everyDaysAtMost} allowed.` };
    }
    found.push(`rotation every ${days} days at most (${shown})`);
  }
  return { passed: true, reason: `${secret.name}: ${found.join(', ')}.` };
}

/** The runs kept for the secret, oldest first, each once (the latest run may also be the newest archived one). */
function runsOf(simulator: Simulator, secretArn: string): RotationRun[] {
  const state = rotationState(simulator.state);
  const all = [...(state.history[secretArn] ?? []), ...(state.runs[secretArn] ? [state.runs[secretArn]] : [])];
  const seen = new Set<number>();
  return all.filter((run) => !seen.has(run.runId) && seen.add(run.runId));
}

function invoked(run: RotationRun, fn: string | undefined): boolean {
  if (fn === undefined) return true;
  return fn.startsWith('arn:') ? run.functionArn === fn : run.functionArn.endsWith(`:function:${fn}`);
}

/**
 * The longest stretch between two consecutive scheduled windows over the next year, in whole days (rounded up): a
 * rate gives its own interval, a cron expression whatever its calendar gives (the 1st of each month: up to 31).
 */
function longestGapDays(rules: NonNullable<Described['rotationRules']>, now: number): number {
  const rule = parseRotationRules(rules);
  let window = nextRotationWindow(rule, now, now);
  let longest = 0;
  for (let i = 0; i < WINDOWS_AHEAD; i++) {
    // Just after the window opened: a rate counts from it, a cron looks for its next occurrence after it.
    const next = nextRotationWindow(rule, window.start, window.start + 1);
    longest = Math.max(longest, next.start - window.start);
    window = next;
  }
  return Math.ceil(longest / DAY);
}
