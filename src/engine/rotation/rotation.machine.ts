import { setup } from 'xstate';

/** The four steps Secrets Manager invokes a rotation function with, in order (User Guide, "Rotation function"). */
export const ROTATION_STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

/** `rotate`: a full run. `test`: RotateImmediately=false, where only testSecret runs to check the configuration. */
export type RunMode = 'rotate' | 'test';

export type RotationEvent =
  | { type: 'step.succeeded' }
  | { type: 'step.failed' }
  | { type: 'rotation.abandoned' }
  | { type: 'rotation.cancelled' };

/**
 * One rotation run as a statechart: each step state invokes the rotation function once with that Step and the
 * run's ClientRequestToken; a failure or timeout ends the run in `failed` (the AWSPENDING version stays where AWS
 * leaves it); a manual new current version ends it in `abandoned`; CancelRotateSecret in `cancelled`. The
 * implementations are named and supplied by the engine (machine-driver.ts); the view draws this same definition.
 */
export const rotationMachine = setup({
  types: {
    context: {} as { mode: RunMode },
    input: {} as { mode: RunMode },
    events: {} as RotationEvent,
  },
  actions: {
    // Named here, carried out by the engine: they act on the world, which the machine does not hold.
    invokeStep: (_args, _params: { step: RotationStep }) => {},
    recordOutcome: (_args, _params: { outcome: 'succeeded' | 'failed' | 'abandoned' | 'cancelled' | 'tested' }) => {},
  },
  guards: {
    testOnly: ({ context }) => context.mode === 'test',
  },
}).createMachine({
  id: 'rotation',
  initial: 'starting',
  context: ({ input }) => ({ mode: input.mode }),
  on: {
    'rotation.abandoned': '.abandoned',
    'rotation.cancelled': '.cancelled',
  },
  states: {
    starting: {
      always: [{ guard: 'testOnly', target: 'testSecret' }, { target: 'createSecret' }],
    },
    createSecret: {
      entry: { type: 'invokeStep', params: { step: 'createSecret' } },
      on: { 'step.succeeded': 'setSecret', 'step.failed': 'failed' },
    },
    setSecret: {
      entry: { type: 'invokeStep', params: { step: 'setSecret' } },
      on: { 'step.succeeded': 'testSecret', 'step.failed': 'failed' },
    },
    testSecret: {
      entry: { type: 'invokeStep', params: { step: 'testSecret' } },
      on: { 'step.succeeded': [{ guard: 'testOnly', target: 'tested' }, { target: 'finishSecret' }], 'step.failed': 'failed' },
    },
    finishSecret: {
      entry: { type: 'invokeStep', params: { step: 'finishSecret' } },
      on: { 'step.succeeded': 'succeeded', 'step.failed': 'failed' },
    },
    succeeded: { type: 'final', entry: { type: 'recordOutcome', params: { outcome: 'succeeded' } } },
    tested: { type: 'final', entry: { type: 'recordOutcome', params: { outcome: 'tested' } } },
    failed: { type: 'final', entry: { type: 'recordOutcome', params: { outcome: 'failed' } } },
    abandoned: { type: 'final', entry: { type: 'recordOutcome', params: { outcome: 'abandoned' } } },
    cancelled: { type: 'final', entry: { type: 'recordOutcome', params: { outcome: 'cancelled' } } },
  },
});

export type RunStateName = 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret' | 'succeeded' | 'tested' | 'failed' | 'abandoned' | 'cancelled';
