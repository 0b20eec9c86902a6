import { createContext, runInContext } from 'node:vm';
import type { PendingInvocation } from '../engine/index.ts';
import { contextJson, type Bridge, type SandboxOutcome } from '../sandbox/bridge.ts';
import { HANDLER_RUNTIME_SOURCE } from '../sandbox/handler-runtime.ts';
import type { SyncSandbox } from '../sandbox/run-functions.ts';

/** Real time a handler may take in the sandbox (virtual time is counted by the engine from the calls it makes). */
export const DEFAULT_WALL_LIMIT_MS = 2000;

/**
 * Runs a learner's handler in a fresh node:vm context: no `process`, no Node `require`, no timers, no network; only
 * the runtime's two modules and its bridge. Microtasks run inside the evaluation (`afterEvaluate`), so an async
 * handler whose requests answer synchronously finishes within the one call, and the wall-clock limit covers it all.
 * node:vm is not a security boundary against hostile code (Node's documentation says so); it keeps a learner's own
 * code, on their own machine, from touching anything but the simulator.
 */
export function nodeSandbox(options: { wallLimitMs?: number } = {}): SyncSandbox {
  const wallLimitMs = options.wallLimitMs ?? DEFAULT_WALL_LIMIT_MS;
  return (invocation: PendingInvocation, bridge: Bridge): SandboxOutcome => {
    const context = createContext({}, { microtaskMode: 'afterEvaluate', codeGeneration: { strings: true, wasm: false } });
    // Lines printed before a timeout are kept, as CloudWatch Logs keeps them for a Lambda that times out.
    const printed: string[] = [];
    const host = {
      answer: (json: string) => bridge.answer(String(json)),
      log: (line: string) => void printed.push(String(line)),
      source: invocation.source,
      event: JSON.stringify(invocation.event),
      context: contextJson(invocation),
    };
    (context as Record<string, unknown>).__secretslabHost = host;
    try {
      runInContext(
        `(() => {
          const host = globalThis.__secretslabHost;
          delete globalThis.__secretslabHost;
          const answer = host.answer;
          const log = host.log;
          const run = (${HANDLER_RUNTIME_SOURCE})((json) => answer(json), (line) => log(line));
          run(host.source, host.event, host.context).then((outcome) => { globalThis.__secretslabOutcome = outcome; });
        })()`,
        context,
        { timeout: wallLimitMs, filename: 'secretslab-runtime.js' },
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { outcome: 'timedOut', logs: printed };
      return { outcome: 'failed', errorType: 'Runtime.Error', errorMessage: String(error), logs: printed };
    }
    const outcome = (context as Record<string, unknown>).__secretslabOutcome;
    // No outcome: the handler is still waiting on something that never answers (a hung request, a promise left open).
    if (typeof outcome !== 'string') return { outcome: 'timedOut', logs: printed };
    return JSON.parse(outcome) as SandboxOutcome;
  };
}
