import { HANDLER_RUNTIME_SOURCE } from '../../../src/sandbox/handler-runtime.ts';
import type { WorkerLike } from '../../../src/sandbox/worker-sandbox.ts';

type Install = (bridge: (json: string) => Promise<string>, onLog: (line: string) => void) => (source: string, eventJson: string, contextJson: string) => Promise<string>;

/**
 * A stand-in for src/sandbox/function-worker.ts in Node: the same runtime and the same message protocol, run in this
 * process (no lockdown: that is the worker's own part, tested in the browser). Messages go out asynchronously, as a
 * real worker's do. `terminated` and the posted messages let a test see what the sandbox did.
 */
export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = 0;
  readonly received: { type: string }[] = [];
  private readonly waiting = new Map<number, (json: string) => void>();
  private nextId = 0;

  postMessage(message: unknown): void {
    const data = message as { type: string; id?: number; json?: string; source?: string; event?: string; context?: string };
    this.received.push(data);
    if (data.type === 'answer') {
      const resolve = this.waiting.get(data.id!);
      this.waiting.delete(data.id!);
      resolve?.(data.json!);
      return;
    }
    if (data.type !== 'run') return;
    const install = new Function(`return ${HANDLER_RUNTIME_SOURCE}`)() as Install;
    const run = install(
      (json) =>
        new Promise((resolve) => {
          const id = ++this.nextId;
          this.waiting.set(id, resolve);
          this.send({ type: 'request', id, json });
        }),
      (line) => this.send({ type: 'log', line }),
    );
    void run(data.source!, data.event!, data.context!).then((json) => this.send({ type: 'done', json }));
  }

  terminate(): void {
    this.terminated++;
    this.onmessage = null;
  }

  private send(data: unknown): void {
    queueMicrotask(() => this.onmessage?.({ data } as MessageEvent));
  }
}
