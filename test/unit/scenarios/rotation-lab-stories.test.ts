import { describe, expect, it } from 'vitest';
import { rotationState, settleTraffic, targetsState, type Simulator } from '../../../src/engine/index.ts';
import { applySolution, buildLabWorld, evaluateGoals, parseLab, type Lab, type LabAction } from '../../../src/scenarios/index.ts';
import { labSources, priceBook } from '../../content/labs-files.ts';

/**
 * Labs 07, 09 and 15 tell a story that needs a change outside AWS as well as API calls. These tests check that the
 * engine agrees with each story, and that half a fix is not enough where the lab says so.
 */
const labs = new Map(labSources().map((source) => [source.folder, parseLab(source)]));
const lab = (id: string): Lab => labs.get(id) ?? (() => { throw new Error(`no lab ${id}`); })();
const failed = (id: string, sim: Simulator) => evaluateGoals(lab(id).goals, sim, { priceBook: priceBook() }).filter((g) => !g.passed).map((g) => g.id);

function withSolution(id: string, keep: (action: LabAction) => boolean): Simulator {
  const world = buildLabWorld(lab(id));
  expect(applySolution({ solution: lab(id).solution.filter(keep) }, world)).toBeUndefined();
  return world;
}
const isChange = (action: LabAction) => 'change' in action;
const app = (sim: Simulator, name: string) => Object.values(targetsState(sim.state).applications).find((a) => a.name === name)!;

describe('rotation and throughput lab stories', () => {
  it('07: single-user rotation locks out the service that holds the password; the step log shows a successful run', () => {
    const sim = buildLabWorld(lab('07-rds-rotation'));
    settleTraffic(sim);
    const run = Object.values(rotationState(sim.state).runs)[0]!;
    expect(run.state).toBe('succeeded');
    expect(app(sim, 'orders-api').totals.failed).toBeGreaterThan(0);
    expect(failed('07-rds-rotation', sim)).toEqual(['no-dropped-connections']);
  });

  it('07: alternating users alone is not enough for a service that reads once; the cache alone is not either', () => {
    // Two rotations later the user the service still holds gets a new password.
    expect(failed('07-rds-rotation', withSolution('07-rds-rotation', (a) => !isChange(a)))).toEqual(['no-dropped-connections']);
    // Single-user rotation with a one-hour cache still fails for up to an hour after every rotation.
    expect(failed('07-rds-rotation', withSolution('07-rds-rotation', (a) => !('call' in a)))).toEqual(['no-dropped-connections']);
    expect(failed('07-rds-rotation', withSolution('07-rds-rotation', () => true))).toEqual([]);
  });

  it('09: the run times out in createSecret for want of a route; without the endpoint the retry fails again and the alarm fires', () => {
    const sim = buildLabWorld(lab('09-rotation-timeout'));
    const run = Object.values(rotationState(sim.state).runs)[0]!;
    expect(run).toMatchObject({ state: 'failed', failedStep: 'createSecret' });
    expect(run.cause).toMatch(/timed out after 30\.00 seconds.*no route from the function to Secrets Manager/);
    const noEndpoint = withSolution('09-rotation-timeout', (a) => !isChange(a));
    // The alarm did its job (ALARM at the failed retry; back to OK once no data is treated as not breaching), but
    // the secret has still not rotated, so the lab is not done.
    expect(failed('09-rotation-timeout', noEndpoint)).toEqual(['rotated']);
    const history = noEndpoint.call<{ alarmHistoryItems: { newState?: string }[] }>({ service: 'monitoring', operation: 'DescribeAlarmHistory', input: {} });
    expect(history.ok && history.output.alarmHistoryItems.some((item) => item.newState === 'ALARM')).toBe(true);
    const fixed = withSolution('09-rotation-timeout', () => true);
    const fixedHistory = fixed.call<{ alarmHistoryItems: { newState?: string }[] }>({ service: 'monitoring', operation: 'DescribeAlarmHistory', input: {} });
    expect(fixedHistory.ok && fixedHistory.output.alarmHistoryItems.some((item) => item.newState === 'ALARM')).toBe(false);
  });

  it('15: a read per invocation is throttled at the quota; the cache makes February cost a few dollars', () => {
    const start = buildLabWorld(lab('15-throughput'));
    expect(failed('15-throughput', start)).toEqual(['not-throttled', 'monthly-cost']);
    const [throttled] = evaluateGoals(lab('15-throughput').goals, start, { priceBook: priceBook() });
    expect(throttled!.reason).toContain('12500 GetSecretValue calls per second against a quota of 10000: 20% are throttled');
    const [, , cost] = evaluateGoals(lab('15-throughput').goals, start, { priceBook: priceBook() });
    expect(cost!.reason).toMatch(/projected to cost \$[\d,]{6,}\.\d\d a month/);
    const fixed = withSolution('15-throughput', () => true);
    const [, , fixedCost] = evaluateGoals(lab('15-throughput').goals, fixed, { priceBook: priceBook() });
    expect(fixedCost!.reason).toMatch(/projected to cost \$[0-9]\.\d\d a month/);
    // The clock alone does not help.
    const unfixed = withSolution('15-throughput', (a) => !isChange(a));
    expect(failed('15-throughput', unfixed)).toEqual(['not-throttled', 'monthly-cost']);
  });
});
