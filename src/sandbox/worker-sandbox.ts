import type { PendingInvocation } from '../engine/index.ts';
import { contextJson, type Bridge, type SandboxOutcome } from './bridge.ts';
import type { AsyncSandbox } from './run-functions.ts';

/** Real time a handler may take in the browser (virtual time is counted by the engine from its calls). */
export const DEFAULT_WALL_LIMIT_MS = 5000;

/** The part of a Worker the sandbox uses (a fake one in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WorkerSandboxOptions {
  wallLimitMs?: number;
  createWorker?: () => WorkerLike;
  /** Told when a handler starts and ends, for the app to show what runs. */
  onRun?: (invocation: PendingInvocation, running: boolean) => void;
}

function newFunctionWorker(): WorkerLike {
  return new Worker(new URL('./function-worker.ts', import.meta.url), { type: 'module', name: 'secretslab-function' });
}

/** The runtime's outcome JSON, checked: anything else is reported as a runtime error rather than trusted. */
export function parseOutcome(json: unknown): SandboxOutcome {
  try {
    const value = JSON.parse(String(json)) as Partial<{ outcome: string; errorType: unknown; errorMessage: unknown; logs: unknown }>;
    const logs = Array.isArray(value.logs) ? value.logs.map(String) : [];
    if (value.outcome === 'succeeded') return { outcome: 'succeeded', logs };
    if (value.outcome === 'failed') {
      return {
        outcome: 'failed',
        ...(value.errorType !== undefined ? { errorType: String(value.errorType) } : {}),
        ...(value.errorMessage !== undefined ? { errorMessage: String(value.errorMessage) } : {}),
        logs,
      };
    }
    if (value.outcome === 'timedOut') return { outcome: 'timedOut', logs };
  } catch {
    // falls through to the runtime error below
  }
  return { outcome: 'failed', errorType: 'Runtime.Error', errorMessage: 'The sandbox returned no outcome', logs: [] };
}

/**
 * The browser's sandbox: a fresh Web Worker per invocation (src/sandbox/function-worker.ts), whose requests come
 * back here and are answered synchronously by the bridge. A request with no network route, or a handler still busy
 * after min(Timeout, wallLimitMs) of real time (an endless loop), ends the worker: the step timed out.
 */
export function workerSandbox(options: WorkerSandboxOptions = {}): AsyncSandbox {
  const wallLimitMs = options.wallLimitMs ?? DEFAULT_WALL_LIMIT_MS;
  const createWorker = options.createWorker ?? newFunctionWorker;
  return (invocation: PendingInvocation, bridge: Bridge) =>
    new Promise<SandboxOutcome>((resolve) => {
      const worker = createWorker();
      // The lines printed so far: what a handler ended early (timed out) still reports.
      const printed: string[] = [];
      const timedOut = (): SandboxOutcome => ({ outcome: 'timedOut', logs: [...printed] });
      let settled = false;
      const finish = (outcome: SandboxOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
        options.onRun?.(invocation, false);
        resolve(outcome);
      };
      const timer = setTimeout(() => finish(timedOut()), Math.min(invocation.timeoutSeconds * 1000, wallLimitMs));
      worker.onmessage = (event: MessageEvent) => {
        const message = event.data as { type?: unknown; id?: unknown; json?: unknown } | null;
        if (message?.type === 'request') {
          let answer: string;
          try {
            answer = bridge.answer(String(message.json));
          } catch (error) {
            return finish({ outcome: 'failed', errorType: 'Runtime.Error', errorMessage: error instanceof Error ? error.message : String(error), logs: [] });
          }
          // No route: the request would never answer, so the handler would wait out its Timeout.
          if (bridge.hung) return finish(timedOut());
          worker.postMessage({ type: 'answer', id: message.id, json: answer });
        } else if (message?.type === 'log') {
          printed.push(String((message as { line?: unknown }).line));
        } else if (message?.type === 'done') {
          finish(parseOutcome(message.json));
        }
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        finish({ outcome: 'failed', errorType: 'Runtime.Error', errorMessage: event.message || 'The function worker failed to start', logs: [] });
      };
      options.onRun?.(invocation, true);
      worker.postMessage({ type: 'run', source: invocation.source, event: JSON.stringify(invocation.event), context: contextJson(invocation) });
    });
}
