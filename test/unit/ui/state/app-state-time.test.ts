import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulator, deployFunctionCode, deployRotationFunction, HOUR, MINUTE, pendingInvocations, rotationState, type World } from '../../../../src/engine/index.ts';
import type { AsyncSandbox } from '../../../../src/sandbox/run-functions.ts';
import { workerSandbox } from '../../../../src/sandbox/worker-sandbox.ts';
import { AppState } from '../../../../src/ui/state/app-state.svelte.ts';
import { GENERIC_HANDLER } from '../../../../src/ui/features/rotation/handler-skeletons.ts';
import { InProcessWorker } from '../../sandbox/in-process-worker.ts';

/** The in-process worker sandbox, held at a gate before each handler until the test opens it. */
function gatedSandbox() {
  const inner = workerSandbox({ createWorker: () => new InProcessWorker() });
  let open: () => void = () => {};
  let gate = new Promise<void>((resolve) => (open = resolve));
  const started: string[] = [];
  const sandbox: AsyncSandbox = async (invocation, bridge) => {
    started.push(invocation.step);
    await gate;
    return inner(invocation, bridge);
  };
  return {
    sandbox,
    started,
    openForGood() {
      open();
      gate = Promise.resolve();
    },
  };
}

function customRotationApp(sandbox: AsyncSandbox) {
  const sim = createSimulator({ seed: 'app-state-time' });
  const app = new AppState(sim, undefined, undefined, sandbox);
  const functionArn = deployRotationFunction(sim, { name: 'rotate-api-key', template: 'SecretsManagerRotationTemplate', inVpc: false, source: GENERIC_HANDLER });
  const created = app.call<{ arn: string }>('secretsmanager', 'CreateSecret', { name: 'partner/api-key', secretString: JSON.stringify({ apiKey: 'ak_initial_0123456789abcdefghij' }) });
  if (!created.ok) throw new Error(created.error.message);
  const rotated = app.call('secretsmanager', 'RotateSecret', { secretId: created.output.arn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 } });
  if (!rotated.ok) throw new Error(rotated.error.message);
  const run = () => rotationState(sim.state as World).runs[created.output.arn]!;
  return { sim, app, run };
}

afterEach(() => {
  vi.useRealTimers();
});

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('AppState: time moves through learner-written handlers', () => {
  it('runs waiting handlers while time moves, one move at a time, saying which handler runs, with no undo meanwhile', async () => {
    const gated = gatedSandbox();
    const { sim, app, run } = customRotationApp(gated.sandbox);
    const start = sim.now;

    const first = app.advance(MINUTE);
    const second = app.advance(HOUR);
    await tick();
    expect(app.busy).toBe(true);
    expect(app.running).toBe('Running rotate-api-key: createSecret…');
    expect(gated.started).toEqual(['createSecret']);
    // The second move waits its turn: the clock has not passed the first move's end.
    expect(sim.now).toBeLessThanOrEqual(start + MINUTE);
    const before = sim.snapshot();
    app.undo();
    expect(sim.snapshot()).toEqual(before);

    gated.openForGood();
    await first;
    await second;
    expect(app.busy).toBe(false);
    expect(app.running).toBeUndefined();
    expect(run().state).toBe('succeeded');
    expect(run().steps.map((s) => s.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(sim.now).toBe(start + MINUTE + HOUR);

    // One undo step per move: the hour, then the minute (and the whole run with it).
    app.undo();
    expect(sim.now).toBe(start + MINUTE);
    expect(run().state).toBe('succeeded');
    app.undo();
    expect(sim.now).toBe(start);
    expect(run().steps).toEqual([]);
    expect(pendingInvocations(sim.state)).toEqual([]);
  });

  it('moves in several hops are one undo step', async () => {
    const gated = gatedSandbox();
    gated.openForGood();
    const { sim, app } = customRotationApp(gated.sandbox);
    const start = sim.now;
    await app.moveTime(async (to) => {
      await to(start + MINUTE);
      await to(start + 2 * MINUTE);
      await to(start + 3 * MINUTE);
    });
    expect(sim.now).toBe(start + 3 * MINUTE);
    app.undo();
    expect(sim.now).toBe(start);
  });

  it('without a handler waiting, a move is done by the time the call returns (no sandbox is loaded)', () => {
    const sandbox: AsyncSandbox = () => Promise.reject(new Error('no handler should run'));
    const sim = createSimulator({ seed: 'plain' });
    const app = new AppState(sim, undefined, undefined, sandbox);
    const start = sim.now;
    void app.advance(HOUR);
    expect(sim.now).toBe(start + HOUR);
    void app.advanceTo(start);
    expect(sim.now).toBe(start + HOUR);
    expect(app.canUndo).toBe(true);
  });

  it('a change outside the API with calls inside it is one undo step; one that throws leaves none', () => {
    const sim = createSimulator({ seed: 'change' });
    const app = new AppState(sim);
    const empty = sim.snapshot();
    const arn = app.change(() => {
      const fnArn = deployRotationFunction(sim, { name: 'rotate-api-key', template: 'SecretsManagerRotationTemplate', inVpc: false, source: GENERIC_HANDLER });
      const created = app.call('secretsmanager', 'CreateSecret', { name: 'partner/api-key', secretString: '{"apiKey":"ak_initial_0123456789abcdefghij"}' });
      expect(created.ok).toBe(true);
      return fnArn;
    });
    expect(arn).toMatch(/^arn:aws:lambda:/);
    expect(() => app.change(() => deployFunctionCode(sim, `${arn}-missing`, 'exports.handler = async () => {};'))).toThrow(/Function not found/);
    app.undo();
    expect(sim.snapshot()).toEqual(empty);
    expect(app.canUndo).toBe(false);
  });

  it('play skips its ticks while a handler runs, so time does not pile up behind it; one undo returns to where play began', async () => {
    vi.useFakeTimers();
    const gated = gatedSandbox();
    const { sim, app, run } = customRotationApp(gated.sandbox);
    const start = sim.now;
    app.play(MINUTE); // a tick every 250 ms moves 15 virtual seconds
    await vi.advanceTimersByTimeAsync(2000);
    expect(gated.started).toEqual(['createSecret']);
    expect(app.running).toBe('Running rotate-api-key: createSecret…');
    expect(sim.now).toBeLessThanOrEqual(start + 15_000);

    gated.openForGood();
    // Once the handler is done, the tick that ran it ends where it was headed; no skipped tick is made up for.
    await vi.advanceTimersByTimeAsync(0);
    expect(sim.now).toBe(start + 15_000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(run().state).toBe('succeeded');
    expect(sim.now).toBeGreaterThan(start + 15_000);
    app.pause();
    await app.settled();
    app.undo();
    expect(sim.now).toBe(start);
  });

  it('a sandbox that fails stops time at the waiting step and says so; the step runs on the next move', async () => {
    let broken = true;
    const inner = workerSandbox({ createWorker: () => new InProcessWorker() });
    const sandbox: AsyncSandbox = (invocation, bridge) => (broken ? Promise.reject(new Error('the worker script did not load')) : inner(invocation, bridge));
    const { sim, app, run } = customRotationApp(sandbox);
    const start = sim.now;
    await app.advance(HOUR);
    expect(app.notice).toBe('Time stopped where a rotation function had to run: the worker script did not load');
    expect(app.busy).toBe(false);
    expect(sim.now).toBeLessThan(start + HOUR);
    expect(pendingInvocations(sim.state)).toHaveLength(1);
    broken = false;
    await app.advance(HOUR);
    expect(run().state).toBe('succeeded');
  });
});
