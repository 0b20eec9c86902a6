import { describe, expect, it } from 'vitest';
import { addApplication, settleTraffic, targetsState, type RotationRun, type World } from '../../../../src/engine/index.ts';
import { MULTI, SINGLE, rotationLab, run, sm } from './helpers.ts';

const HOUR = 3_600_000;
const TTL = HOUR;
const INTERVAL = 60_000;

/**
 * 100 scheduled rotations (rate(4 hours), one-hour windows) with an application of three clients connecting once a
 * minute. Returns the finished runs and the application's record.
 */
function hundredRotations(template: typeof SINGLE, app: { cache: boolean; refreshOnAuthFailure?: boolean }) {
  const lab = rotationLab(template);
  const appId = addApplication(lab.sim, { name: 'orders-api', secretArn: lab.secretArn, databaseId: lab.db.id, clients: 3, connectionIntervalMs: INTERVAL, ...app });
  sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, rotationRules: { scheduleExpression: 'rate(4 hours)' }, rotateImmediately: false });
  const runs = new Map<number, RotationRun>();
  while (runs.size < 100) {
    lab.sim.advance(HOUR);
    const r = run(lab.sim, lab.secretArn)!;
    if (r.mode === 'rotate' && ['succeeded', 'failed'].includes(r.state)) runs.set(r.runId, structuredClone(r));
  }
  settleTraffic(lab.sim);
  const application = targetsState(lab.sim.state as World).applications[appId]!;
  return { lab, runs: [...runs.values()], application };
}

describe('applications across 100 scheduled rotations', () => {
  it('alternating users with caching clients: every rotation succeeds and not one connection fails', () => {
    const { runs, application } = hundredRotations(MULTI, { cache: true });
    expect(runs).toHaveLength(100);
    expect(runs.every((r) => r.state === 'succeeded' && r.trigger === 'schedule')).toBe(true);
    expect(application.totals.failed).toBe(0);
    // 3 clients, one connection a minute each, over the whole run.
    expect(application.totals.ok).toBeGreaterThan(100 * 4 * 60 * 3 * 0.95);
    // The cache refreshes about once an hour per client, not once per connection.
    expect(application.totals.reads).toBeLessThan(application.totals.ok / 30);
  });

  it('single user with caching clients: failures happen, are counted, and only between setSecret and a cache refresh after finishSecret', () => {
    const { runs, application } = hundredRotations(SINGLE, { cache: true });
    expect(runs.every((r) => r.state === 'succeeded')).toBe(true);
    expect(application.totals.failed).toBeGreaterThan(0);
    const failing = application.segments.filter((s) => s.failed > 0);
    expect(failing.reduce((n, s) => n + s.failed, 0)).toBe(application.totals.failed);
    const windows = runs.map((r) => {
      const set = r.steps.find((s) => s.step === 'setSecret')!;
      const finish = r.steps.find((s) => s.step === 'finishSecret')!;
      // The password changes when setSecret runs; clients hold the old value until their first refresh after
      // finishSecret moved AWSCURRENT, at most one TTL (plus one connection interval) later.
      return { from: set.startedAt, to: finish.endedAt + TTL + INTERVAL };
    });
    for (const segment of failing) {
      const inside = windows.some((w) => segment.firstFailedAt! >= w.from && segment.lastFailedAt! <= w.to);
      expect(inside, `failures ${new Date(segment.firstFailedAt!).toISOString()}..${new Date(segment.lastFailedAt!).toISOString()}`).toBe(true);
    }
  });

  it('single user with refresh on authentication failure: failures are confined to setSecret..finishSecret', () => {
    const { runs, application } = hundredRotations(SINGLE, { cache: true, refreshOnAuthFailure: true });
    const withCache = hundredRotations(SINGLE, { cache: true }).application.totals.failed;
    expect(application.totals.failed).toBeLessThan(withCache);
    for (const segment of application.segments.filter((s) => s.failed > 0)) {
      const inside = runs.some((r) => {
        const set = r.steps.find((s) => s.step === 'setSecret')!;
        const finish = r.steps.find((s) => s.step === 'finishSecret')!;
        return segment.firstFailedAt! >= set.startedAt && segment.lastFailedAt! <= finish.endedAt;
      });
      expect(inside).toBe(true);
    }
  });

  it('the applications\' reads are billed: one through the pipeline per stretch, the rest metered alike', () => {
    const lab = rotationLab(MULTI);
    const appId = addApplication(lab.sim, { name: 'reader', secretArn: lab.secretArn, databaseId: lab.db.id, clients: 2, connectionIntervalMs: INTERVAL, cache: false });
    const meter = () => Object.values(lab.sim.state.usage).reduce((n, m) => n + (m['111122223333']?.['secretsmanager:GetSecretValue'] ?? 0), 0);
    const before = meter();
    lab.sim.advance(HOUR);
    settleTraffic(lab.sim);
    const app = targetsState(lab.sim.state as World).applications[appId]!;
    expect(app.totals.reads).toBe(120);
    expect(app.totals.ok).toBe(120);
    expect(meter() - before).toBe(120);
  });
});
