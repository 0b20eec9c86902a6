import { describe, expect, it } from 'vitest';
import { getNextTransitions, initialTransition, transition } from 'xstate';
import { rotationMachine } from '../../../../src/engine/index.ts';
import { advanceRun, startRun } from '../../../../src/engine/rotation/machine-driver.ts';

const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;

describe('the rotation statechart (rotation.machine.ts)', () => {
  it('a full run starts at createSecret and invokes the function for it', () => {
    const start = startRun('rotate');
    expect(start.state).toBe('createSecret');
    expect(start.actions).toEqual([{ type: 'invokeStep', step: 'createSecret' }]);
  });

  it('RotateImmediately=false (test mode) starts at testSecret', () => {
    const start = startRun('test');
    expect(start.state).toBe('testSecret');
    expect(start.actions).toEqual([{ type: 'invokeStep', step: 'testSecret' }]);
  });

  it('each step that succeeds invokes the next; finishSecret succeeding ends the run in succeeded', () => {
    let state = startRun('rotate').state;
    const seen: string[] = [state];
    for (let i = 0; i < 4; i++) {
      const next = advanceRun('rotate', state, 'step.succeeded');
      state = next.state;
      seen.push(state);
      if (i < 3) expect(next.actions).toEqual([{ type: 'invokeStep', step: STEPS[i + 1] }]);
      else expect(next.actions).toEqual([{ type: 'recordOutcome', outcome: 'succeeded' }]);
    }
    expect(seen).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret', 'succeeded']);
  });

  it('in test mode a passing testSecret ends the run in tested, without finishSecret', () => {
    const next = advanceRun('test', 'testSecret', 'step.succeeded');
    expect(next).toEqual({ state: 'tested', actions: [{ type: 'recordOutcome', outcome: 'tested' }] });
  });

  for (const step of STEPS) {
    it(`a failure at ${step} ends the run in failed, invoking nothing more`, () => {
      const next = advanceRun('rotate', step, 'step.failed');
      expect(next).toEqual({ state: 'failed', actions: [{ type: 'recordOutcome', outcome: 'failed' }] });
    });

    it(`abandonment and cancellation during ${step} end the run`, () => {
      expect(advanceRun('rotate', step, 'rotation.abandoned').state).toBe('abandoned');
      expect(advanceRun('rotate', step, 'rotation.cancelled')).toEqual({ state: 'cancelled', actions: [{ type: 'recordOutcome', outcome: 'cancelled' }] });
    });
  }

  it('final states accept no further step events', () => {
    for (const final of ['succeeded', 'failed', 'abandoned', 'cancelled', 'tested'] as const) {
      const snapshot = rotationMachine.resolveState({ value: final, context: { mode: 'rotate' } });
      expect(snapshot.status).toBe('done');
      const [after] = transition(rotationMachine, snapshot, { type: 'step.succeeded' });
      expect(after.value).toBe(final);
    }
  });

  it('the remembered transitions are exactly what XState computes (the driver adds nothing of its own)', () => {
    const [initial] = initialTransition(rotationMachine, { mode: 'rotate' });
    expect(initial.value).toBe(startRun('rotate').state);
    for (const step of STEPS) {
      for (const event of ['step.succeeded', 'step.failed', 'rotation.abandoned', 'rotation.cancelled'] as const) {
        const snapshot = rotationMachine.resolveState({ value: step, context: { mode: 'rotate' } });
        const [next] = transition(rotationMachine, snapshot, { type: event });
        expect(advanceRun('rotate', step, event).state).toBe(next.value);
      }
    }
  });

  it('every step state offers exactly the four events the engine sends', () => {
    for (const step of STEPS) {
      const snapshot = rotationMachine.resolveState({ value: step, context: { mode: 'rotate' } });
      const events = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
      expect([...events].sort()).toEqual(['rotation.abandoned', 'rotation.cancelled', 'step.failed', 'step.succeeded']);
    }
  });
});
