import {
  addApplication,
  createDatabase,
  createPartnerApi,
  createSimulator,
  deployRotationFunction,
  setDatabaseUser,
  setFunctionNetwork,
  type Simulator,
  type World,
} from '../engine/index.ts';
import { runAction, simulatorPath, type ActionOutcome, type ActionRunner, type CallPath } from './actions.ts';
import { changePath, type ChangePath } from './changes.ts';
import type { Lab, LabAction } from './schema.ts';
import type { Variables } from './variables.ts';

export class LabSetupError extends Error {}

/**
 * How a lab's "advance" moves a world's clock. The engine alone cannot run a learner-written rotation function (its
 * steps wait for a host's sandbox), so a host that has one passes an advance that runs them: Node tests
 * `(ms) => advanceRunningFunctionsSync(sim, sim.now + ms, nodeSandbox())`; the default is the engine's own clock.
 */
export type AdvanceClock = (ms: number) => void;
export type AdvanceFor = (simulator: Simulator) => AdvanceClock;

const engineClock: AdvanceFor = (simulator) => (ms) => simulator.advance(ms);

/**
 * The lab's starting world: a new seeded world with the set-up applied, so every start is identical (same ids,
 * same keys, same clock). A set-up call that fails as not intended means the lab itself is broken.
 */
export function buildLabWorld(lab: Pick<Lab, 'id' | 'seed' | 'setup'>, advanceFor: AdvanceFor = engineClock): Simulator {
  const simulator = createSimulator({ seed: lab.seed });
  const runner: ActionRunner = { call: simulatorPath(simulator), advance: advanceFor(simulator), control: (name, args) => runControl(simulator, name, args) };
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
    createPartnerApi: (spec: Parameters<typeof createPartnerApi>[1]) => createPartnerApi(simulator, spec),
  };
  const control = controls[name];
  if (!control) throw new LabSetupError(`Unknown control ${name}`);
  return (control as (...rest: unknown[]) => unknown)(...args);
}

export function labSnapshot(lab: Pick<Lab, 'id' | 'seed' | 'setup'>, advanceFor: AdvanceFor = engineClock): World {
  return buildLabWorld(lab, advanceFor).snapshot();
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

/**
 * The whole solution against a simulator; the failing step when one fails. `advance` moves its clock (see
 * AdvanceClock: a lab with a learner-written function needs one that runs the function's steps).
 */
export function applySolution(lab: Pick<Lab, 'solution'>, simulator: Simulator, advance: AdvanceClock = engineClock(simulator)): SolutionStep | undefined {
  for (const step of runSolution(lab.solution, simulatorPath(simulator), advance, changePath(simulator))) {
    if (step.outcome.kind === 'call' && !step.outcome.ok && !step.outcome.expected) return step;
  }
  return undefined;
}
