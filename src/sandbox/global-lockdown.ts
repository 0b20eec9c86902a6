import { guardDynamicImport, IMPORT_HOOK, importFromSandbox } from './dynamic-import-guard.ts';

/**
 * What a learner's handler may see on the worker's global object: the ECMAScript built-ins (what a node:vm context
 * has, so the browser and Node sandboxes agree), plus the few web APIs Node 20 also puts on its global and that reach
 * nothing outside the worker. Everything else (fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport,
 * importScripts, indexedDB, caches, BroadcastChannel, Worker, navigator, postMessage, ...) is removed. An allowlist,
 * not a list of what to remove, so an API a browser adds later is removed too.
 */
export const KEPT_GLOBALS: ReadonlySet<string> = new Set([
  // ECMAScript (ECMA-262 section 19 and ECMA-402)
  'globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'AggregateError', 'Array', 'ArrayBuffer',
  'AsyncDisposableStack', 'Atomics', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date',
  'DisposableStack', 'Error', 'EvalError', 'FinalizationRegistry', 'Float16Array', 'Float32Array', 'Float64Array',
  'Function', 'Int8Array', 'Int16Array', 'Int32Array', 'Intl', 'Iterator', 'JSON', 'Map', 'Math', 'Number', 'Object',
  'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String',
  'SuppressedError', 'Symbol', 'SyntaxError', 'TypeError', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
  'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet',
  // Also on Node's global, and local to the worker
  'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'atob', 'btoa', 'structuredClone', 'crypto', 'queueMicrotask',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
]);

/**
 * Removes every property not in KEPT_GLOBALS from the global object and its prototype chain (up to, not including,
 * Object.prototype): WebIDL puts a worker's APIs partly on the global itself, partly on DedicatedWorkerGlobalScope,
 * WorkerGlobalScope and EventTarget prototypes. Returns the names it could not remove (none in current browsers).
 */
export function removeGlobals(global: object): string[] {
  const stuck: string[] = [];
  for (let target: object | null = global; target && target !== Object.prototype; target = Object.getPrototypeOf(target) as object | null) {
    for (const key of Reflect.ownKeys(target)) {
      if (typeof key === 'string' && KEPT_GLOBALS.has(key)) continue;
      if (Reflect.deleteProperty(target, key)) continue;
      // A non-configurable property: make it read as undefined if it can be redefined or written.
      const shadowed = Reflect.defineProperty(target, key, { value: undefined }) || Reflect.set(target, key, undefined);
      if (!shadowed || Reflect.get(target, key) !== undefined) stuck.push(String(key));
    }
  }
  return stuck;
}

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Routes every way of turning text into code through guardDynamicImport: the four function constructors (reachable
 * as `Function`, and as `(async () => {}).constructor` and the like), eval (indirect: code runs in global scope), and
 * the string form of setTimeout/setInterval (refused). Then defines the hook the rewritten code calls.
 */
export function guardCodeGeneration(global: Record<string, unknown>): void {
  const prototypes = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}) as object,
    Object.getPrototypeOf(function* () {}) as object,
    Object.getPrototypeOf(async function* () {}) as object,
  ];
  for (const prototype of prototypes) {
    const original = (prototype as { constructor: new (...args: string[]) => unknown }).constructor;
    const guarded = function (this: unknown, ...args: unknown[]) {
      return Reflect.construct(original, args.map((arg) => guardDynamicImport(String(arg))), original);
    };
    Object.defineProperty(guarded, 'name', { value: original.name });
    guarded.prototype = prototype;
    Object.defineProperty(prototype, 'constructor', { value: guarded, writable: false, configurable: false });
    if (prototype === Function.prototype) global.Function = guarded;
  }
  const evaluate = global.eval as (code: string) => unknown;
  global.eval = (code: unknown) => (typeof code === 'string' ? evaluate(guardDynamicImport(code)) : code);
  for (const name of ['setTimeout', 'setInterval']) {
    const schedule = global[name] as AnyFunction | undefined;
    if (typeof schedule !== 'function') continue;
    global[name] = (handler: unknown, ...rest: unknown[]) => {
      if (typeof handler !== 'function') throw new TypeError(`${name} takes a function in the SecretsLab sandbox, not a string of code`);
      return schedule.call(global, handler, ...rest);
    };
  }
  Object.defineProperty(global, IMPORT_HOOK, { value: importFromSandbox, writable: false, configurable: false, enumerable: false });
}
