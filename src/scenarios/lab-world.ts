import { addApplication, createDatabase, createSimulator, deployRotationFunction, setDatabaseUser, setFunctionNetwork, type Simulator, type World } from '../engine/index.ts';
import { runAction, simulatorPath, type ActionOutcome, type ActionRunner, type CallPath } from './actions.ts';
import { changePath, type ChangePath } from './changes.ts';
import type { Lab, LabAction } from './schema.ts';
import type { Variables } from './variables.ts';

export class LabSetupError extends Error {}

/**
 * The lab's starting world: a new seeded world with the set-up applied, so every start is identical (same ids,
 * same keys, same clock). A set-up call that fails as not intended means the lab itself is broken.
 */
export function buildLabWorld(lab: Pick<Lab, 'id' | 'seed' | 'setup'>): Simulator {
  const simulator = createSimulator({ seed: lab.seed });
  const runner: ActionRunner = { call: simulatorPath(simulator), advance: (ms) => simulator.advance(ms), control: (name, args) => runControl(simulator, name, args) };
  const variables: Variables = {};
  lab.setup.forEach((action, index) => {
    const outcome = runAction(action, runner, variables);
    if (outcome.kind === 'call' && !outcome.ok && !outcome.expected) {
      throw new LabSetupError(`${lab.id}: set-up action ${index + 1} failed: ${outcome.errorCode}: ${outcome.message}`);
    }
  });
  return simulator;
}

/** The engine's controls a set-up may use; arguments are as the engine's functions take them (after the simulator). */
function runControl(simulator: Simulator, name: string, args: unknown[]): unknown {
  const controls: Record<string, (...rest: never[]) => unknown> = {
    createDatabase: (spec: Parameters<typeof createDatabase>[1]) => createDatabase(simulator, spec),
    setDatabaseUser: (databaseId: string, username: string, password: string) => setDatabaseUser(simulator, databaseId, username, password),
    deployRotationFunction: (spec: Parameters<typeof deployRotationFunction>[1]) => deployRotationFunction(simulator, spec),
    setFunctionNetwork: (arn: string, network: Parameters<typeof setFunctionNetwork>[2]) => setFunctionNetwork(simulator, arn, network),
    addApplication: (spec: Parameters<typeof addApplication>[1]) => addApplication(simulator, spec),
  };
  const control = controls[name];
  if (!control) throw new LabSetupError(`Unknown control ${name}`);
  return (control as (...rest: unknown[]) => unknown)(...args);
}

export function labSnapshot(lab: Pick<Lab, 'id' | 'seed' | 'setup'>): World {
  return buildLabWorld(lab).snapshot();
}

export interface SolutionStep {
  index: number;
  action: LabAction;
  outcome: ActionOutcome;
}

/**
 * Runs the reference solution one action at a time (a generator, so the app can pause between steps and show each
 * call landing in the console). Stops at the first call that fails unexpectedly and yields it, so "show me" says
 * where the learner's world diverged from what the solution assumes.
 */
export function* runSolution(solution: readonly LabAction[], call: CallPath, advance: (ms: number) => void, change?: ChangePath): Generator<SolutionStep, Variables> {
  const variables: Variables = {};
  for (const [index, action] of solution.entries()) {
    const outcome = runAction(action, { call, advance, ...(change ? { change } : {}) }, variables);
    yield { index, action, outcome };
    if (outcome.kind === 'call' && !outcome.ok && !outcome.expected) break;
  }
  return variables;
}

/** The whole solution against a simulator; the failing step when one fails. */
export function applySolution(lab: Pick<Lab, 'solution'>, simulator: Simulator): SolutionStep | undefined {
  for (const step of runSolution(lab.solution, simulatorPath(simulator), (ms) => simulator.advance(ms), changePath(simulator))) {
    if (step.outcome.kind === 'call' && !step.outcome.ok && !step.outcome.expected) return step;
  }
  return undefined;
}
