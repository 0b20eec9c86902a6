import { initialTransition, transition } from 'xstate';
import { rotationMachine, type RotationEvent, type RotationStep, type RunMode, type RunStateName } from './rotation.machine.ts';

/** What the engine must do after a transition, read from the machine's returned actions. */
export type RunAction = { type: 'invokeStep'; step: RotationStep } | { type: 'recordOutcome'; outcome: string };

export interface RunTransition {
  state: RunStateName;
  actions: readonly RunAction[];
}

/**
 * XState's pure transition functions drive a run whose state is data in the world (state name plus mode). The
 * machine's answer depends on nothing else, so each (mode, state, event) is asked once and remembered: a year of
 * daily rotations for a thousand secrets would otherwise spend most of its time rebuilding XState snapshots.
 */
const memo = new Map<string, RunTransition>();

function readActions(actions: readonly { type: string; params?: unknown }[]): RunAction[] {
  const out: RunAction[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, string>;
    if (action.type === 'invokeStep') out.push({ type: 'invokeStep', step: params.step as RotationStep });
    if (action.type === 'recordOutcome') out.push({ type: 'recordOutcome', outcome: params.outcome! });
  }
  return out;
}

export function startRun(mode: RunMode): RunTransition {
  const key = `${mode}|start`;
  let known = memo.get(key);
  if (!known) {
    const [snapshot, actions] = initialTransition(rotationMachine, { mode });
    known = { state: snapshot.value as RunStateName, actions: readActions(actions) };
    memo.set(key, known);
  }
  return known;
}

export function advanceRun(mode: RunMode, state: RunStateName, event: RotationEvent['type']): RunTransition {
  const key = `${mode}|${state}|${event}`;
  let known = memo.get(key);
  if (!known) {
    const snapshot = rotationMachine.resolveState({ value: state, context: { mode } });
    const [next, actions] = transition(rotationMachine, snapshot, { type: event } as RotationEvent);
    known = { state: next.value as RunStateName, actions: readActions(actions) };
    memo.set(key, known);
  }
  return known;
}

export function isFinal(state: RunStateName): boolean {
  return state === 'succeeded' || state === 'tested' || state === 'failed' || state === 'abandoned' || state === 'cancelled';
}
