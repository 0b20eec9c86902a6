/**
 * The Web Worker one learner-written handler runs in (one worker per invocation, terminated afterwards). Before the
 * handler's runtime is evaluated, the worker keeps private references to the two things it needs (posting to the
 * page, hearing its answers), then strips its global object down to the ECMAScript built-ins: no fetch, no
 * XMLHttpRequest, no WebSocket, no importScripts, no postMessage for the handler; and every path from text to code
 * goes through the dynamic-import guard. The page's bridge is the only way out.
 *
 * Protocol: page -> worker { type: 'run', source, event, context }; worker -> page { type: 'request', id, json } for
 * each SDK or third-party request, answered by page -> worker { type: 'answer', id, json }; finally worker -> page
 * { type: 'done', json } with the runtime's outcome JSON. Each console line is also sent as it is printed
 * ({ type: 'log', line }), so a handler ended early still shows what it printed.
 */
import { HANDLER_RUNTIME_SOURCE } from './handler-runtime.ts';
import { guardCodeGeneration, removeGlobals } from './global-lockdown.ts';

type Install = (bridge: (json: string) => Promise<string>, onLog: (line: string) => void) => (source: string, eventJson: string, contextJson: string) => Promise<string>;
type Inbound = { type: 'run'; source: string; event: string; context: string } | { type: 'answer'; id: number; json: string };

/** The worker's global, typed by what this file uses of it (the project's lib is the DOM's, not the worker's). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Inbound>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const makeFunction = Function;
const waiting = new Map<number, (json: string) => void>();
let nextId = 0;
let started = false;

function bridge(json: string): Promise<string> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ type: 'request', id, json });
  });
}

function start(message: Extract<Inbound, { type: 'run' }>): void {
  if (started) return;
  started = true;
  let run: ReturnType<Install>;
  try {
    const install = makeFunction(`return ${HANDLER_RUNTIME_SOURCE}`)() as Install;
    run = install(bridge, (line) => post({ type: 'log', line }));
  } catch (error) {
    post({ type: 'done', json: JSON.stringify({ outcome: 'failed', errorType: 'Runtime.Error', errorMessage: String(error), logs: [] }) });
    return;
  }
  run(message.source, message.event, message.context).then(
    (json) => post({ type: 'done', json }),
    (error: unknown) => post({ type: 'done', json: JSON.stringify({ outcome: 'failed', errorType: 'Runtime.Error', errorMessage: String(error), logs: [] }) }),
  );
}

scope.addEventListener('message', (event: MessageEvent<Inbound>) => {
  const message = event.data;
  if (message.type === 'run') start(message);
  else if (message.type === 'answer') {
    const resolve = waiting.get(message.id);
    waiting.delete(message.id);
    resolve?.(message.json);
  }
});

// From here on, the handler's view of the world.
const stuck = removeGlobals(scope);
guardCodeGeneration(scope as unknown as Record<string, unknown>);
if (stuck.length > 0) post({ type: 'warning', json: JSON.stringify(stuck) });
