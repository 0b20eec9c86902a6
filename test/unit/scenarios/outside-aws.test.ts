import { describe, expect, it } from 'vitest';
import { addApplication, createDatabase, createSimulator, setDatabaseUser, targetsState, type Simulator } from '../../../src/engine/index.ts';
import { applySolution, changePath, evaluateGoals, labFileSchema, runSolution, simulatorPath, type LabGoal } from '../../../src/scenarios/index.ts';
import { priceBook } from '../../content/labs-files.ts';

/** A database, its secret, and an application of `clients` reading it every `intervalMs` (no cache). */
function world(clients: number, intervalMs: number): { sim: Simulator; secretArn: string } {
  const sim = createSimulator({ seed: 'outside-aws' });
  const db = createDatabase(sim, { engine: 'mysql', name: 'shop', masterUsername: 'admin', masterPassword: 'Pw1234567890abcd' });
  setDatabaseUser(sim, db.id, 'shop_app', 'Ap1234567890abcd');
  const created = sim.call<{ arn: string }>({
    service: 'secretsmanager',
    operation: 'CreateSecret',
    input: { name: 'shop/db', secretString: JSON.stringify({ username: 'shop_app', password: 'Ap1234567890abcd', host: db.host }) },
  });
  if (!created.ok) throw created.error;
  addApplication(sim, { name: 'shop', secretArn: created.output.arn, databaseId: db.id, clients, connectionIntervalMs: intervalMs });
  return { sim, secretArn: created.output.arn };
}

const goal = (application: Record<string, unknown>): LabGoal[] => [{ id: 'g', description: 'the application', check: { application: { name: 'shop', ...application } } as LabGoal['check'] }];

describe('changes outside AWS', () => {
  it('a solution may hold a change with its explanation; a set-up may not', () => {
    const change = { change: { control: 'useCachingClient', args: ['shop', { cache: true }] }, explain: 'the code reads through a cache' };
    const base = { goals: goal({ failedAtMost: 0 }), steps: [{ title: 'Do it', instructions: 'Do it.' }], debrief: { whatHappened: 'xxx', why: 'xxx', examAngle: 'xxx', topics: ['rotation'] } };
    expect(labFileSchema.safeParse({ ...base, solution: [change] }).success).toBe(true);
    expect(labFileSchema.safeParse({ ...base, solution: [{ change: change.change }] }).success).toBe(false);
    expect(labFileSchema.safeParse({ ...base, solution: [{ ...change, change: { control: 'deleteEverything', args: [] } }] }).success).toBe(false);
    expect(labFileSchema.safeParse({ ...base, setup: [change], solution: [{ advance: '1h' }] }).success).toBe(false);
  });

  it('turning on the caching client settles the traffic before it, then reads far less', () => {
    const { sim } = world(10, 1000);
    sim.advance(60_000);
    const app = () => Object.values(targetsState(sim.state).applications)[0]!;
    changePath(sim)('useCachingClient', ['shop', { cache: true }]);
    // The minute before the change was settled without a cache: ten clients, one read per connection.
    expect(app().totals.reads).toBe(600);
    expect(app().cacheTtlMs).toBe(3_600_000);
    sim.advance(60_000);
    changePath(sim)('useCachingClient', ['shop', { cache: false }]);
    expect(app().totals.reads).toBe(610);
    expect(app().cacheTtlMs).toBeNull();
  });

  it('an unknown change or application is an error, not a silent no-op', () => {
    const { sim } = world(1, 1000);
    expect(() => changePath(sim)('useCachingClient', ['nobody', { cache: true }])).toThrow(/nobody/);
    expect(() => changePath(sim)('openAllPorts', [])).toThrow(/Unknown change/);
  });

  it('runSolution reports a change step as such and needs the change path to run it', () => {
    const { sim } = world(1, 1000);
    const solution = [{ change: { control: 'useCachingClient' as const, args: ['shop', { cache: true }] }, explain: 'cache it' }];
    const steps = [...runSolution(solution, simulatorPath(sim), (ms) => sim.advance(ms), changePath(sim))];
    expect(steps[0]!.outcome).toEqual({ kind: 'change', control: 'useCachingClient', explain: 'cache it' });
    expect(() => [...runSolution(solution, simulatorPath(sim), (ms) => sim.advance(ms))]).toThrow(/needs the simulator's controls/);
    expect(applySolution({ solution }, world(1, 1000).sim)).toBeUndefined();
  });
});

describe('application goals', () => {
  it('throttled share: the clients read rate against the GetSecretValue quota of the price table', () => {
    const { sim } = world(1000, 50); // 20,000 calls a second against 10,000
    const [throttled] = evaluateGoals(goal({ throttledShareAtMost: '0' }), sim, { priceBook: priceBook() });
    expect(throttled).toMatchObject({ passed: false });
    expect(throttled!.reason).toContain('20000 GetSecretValue calls per second against a quota of 10000: 50% are throttled');
    expect(evaluateGoals(goal({ throttledShareAtMost: '0.5' }), sim, { priceBook: priceBook() })[0]!.passed).toBe(true);
    expect(evaluateGoals(goal({ throttledShareAtMost: '0' }), sim)[0]!.reason).toMatch(/No price table/);
    changePath(sim)('useCachingClient', ['shop', { cache: 300_000 }]);
    expect(evaluateGoals(goal({ throttledShareAtMost: '0' }), sim, { priceBook: priceBook() })[0]!.passed).toBe(true);
  });

  it('failed connections count only inside the window; connections and rotations need enough of them', () => {
    const { sim } = world(2, 60_000);
    sim.advance(3_600_000);
    // Break the login: the database user's password no longer matches the secret.
    const db = Object.values(targetsState(sim.state).databases)[0]!;
    const app = Object.values(targetsState(sim.state).applications)[0]!;
    changePath(sim)('useCachingClient', ['shop', { cache: false }]); // settles the healthy hour
    setDatabaseUser(sim, db.id, 'shop_app', 'changed-behind-its-back');
    sim.advance(600_000);
    changePath(sim)('useCachingClient', ['shop', { cache: false }]); // settles ten failing minutes
    setDatabaseUser(sim, db.id, 'shop_app', 'Ap1234567890abcd');
    expect(app.totals.failed).toBe(20);
    expect(evaluateGoals(goal({ failedAtMost: 0 }), sim)[0]!.reason).toBe('shop had 20 failed connections; at most 0 allowed.');
    sim.advance(2 * 3_600_000);
    expect(evaluateGoals(goal({ withinLast: '1h', failedAtMost: 0 }), sim)[0]).toMatchObject({ passed: true, reason: 'shop: 0 failed connections in the last 1h.' });
    expect(evaluateGoals(goal({ withinLast: '1h', connectionsAtLeast: 1000 }), sim)[0]!.passed).toBe(false);
    expect(evaluateGoals(goal({ rotationsAtLeast: 1 }), sim)[0]!.reason).toMatch(/rotated successfully 0 times/);
    expect(evaluateGoals([{ id: 'g', description: 'x', check: { application: { name: 'ghost', failedAtMost: 0 } } }], sim)[0]!.reason).toMatch(/no application named ghost/);
  });
});
