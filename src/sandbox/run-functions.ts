import { completeInvocation, pendingInvocations, type PendingInvocation, type Simulator } from '../engine/index.ts';
import { createBridge, resultOf, type Bridge, type SandboxOutcome } from './bridge.ts';

/** A step whose handler cannot run (function deleted meanwhile) fails as Lambda's invoke would, without a sandbox. */
function unavailable(invocation: PendingInvocation): SandboxOutcome | undefined {
  return invocation.unavailable === undefined ? undefined : { outcome: 'failed', errorType: 'ResourceNotFoundException', errorMessage: invocation.unavailable, logs: [] };
}

/** Runs one handler invocation in some sandbox; the bridge is its only way out. */
export type AsyncSandbox = (invocation: PendingInvocation, bridge: Bridge) => Promise<SandboxOutcome>;
export type SyncSandbox = (invocation: PendingInvocation, bridge: Bridge) => SandboxOutcome;

const waiting = (sim: Simulator) => () => pendingInvocations(sim.state).length > 0;

/** Runs every step now waiting for a learner's handler, one at a time, reporting each back to the engine. */
export async function runPendingInvocations(sim: Simulator, sandbox: AsyncSandbox): Promise<number> {
  let count = 0;
  for (let pending = pendingInvocations(sim.state); pending.length > 0; pending = pendingInvocations(sim.state)) {
    for (const invocation of pending) {
      const bridge = createBridge(sim, invocation);
      completeInvocation(sim, resultOf(invocation, bridge, unavailable(invocation) ?? (await sandbox(invocation, bridge))));
      count++;
    }
  }
  return count;
}

/**
 * Advances virtual time to `instant` as Simulator.advanceTo does, but stops wherever a rotation step is handed to a
 * learner's handler, runs it in the sandbox (virtual time stands still meanwhile, as it would for a handler that
 * takes no time), and goes on. Without this, such a step would wait forever.
 */
export async function advanceRunningFunctions(sim: Simulator, instant: number, sandbox: AsyncSandbox): Promise<void> {
  await runPendingInvocations(sim, sandbox);
  while (!sim.advanceTo(Math.max(instant, sim.now), waiting(sim))) await runPendingInvocations(sim, sandbox);
}

export function runPendingInvocationsSync(sim: Simulator, sandbox: SyncSandbox): number {
  let count = 0;
  for (let pending = pendingInvocations(sim.state); pending.length > 0; pending = pendingInvocations(sim.state)) {
    for (const invocation of pending) {
      const bridge = createBridge(sim, invocation);
      completeInvocation(sim, resultOf(invocation, bridge, unavailable(invocation) ?? sandbox(invocation, bridge)));
      count++;
    }
  }
  return count;
}

/** The synchronous form, for Node (node:vm runs a handler to completion inside one call). */
export function advanceRunningFunctionsSync(sim: Simulator, instant: number, sandbox: SyncSandbox): void {
  runPendingInvocationsSync(sim, sandbox);
  while (!sim.advanceTo(Math.max(instant, sim.now), waiting(sim))) runPendingInvocationsSync(sim, sandbox);
}
