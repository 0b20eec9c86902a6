import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { KEPT_GLOBALS, removeGlobals } from '../../../src/sandbox/global-lockdown.ts';

/** A worker-shaped global: APIs on the object itself and on two prototypes, as WebIDL lays them out. */
function fakeWorkerGlobal() {
  const eventTarget = Object.create(Object.prototype, { addEventListener: { value: () => {}, configurable: true }, dispatchEvent: { value: () => true, configurable: true } });
  const workerScope = Object.create(eventTarget, {
    importScripts: { value: () => {}, configurable: true },
    self: { get: () => global, configurable: true },
    crypto: { get: () => ({ getRandomValues: () => {} }), configurable: true },
  });
  const dedicated = Object.create(workerScope, {
    postMessage: { value: () => {}, configurable: true },
    onmessage: { get: () => null, set: () => {}, configurable: true },
  });
  const global = Object.create(dedicated, {
    fetch: { value: () => {}, configurable: true, writable: true },
    XMLHttpRequest: { value: class {}, configurable: true, writable: true },
    [Symbol.toStringTag]: { value: 'DedicatedWorkerGlobalScope', configurable: true },
    Array: { value: Array, configurable: true, writable: true },
    JSON: { value: JSON, configurable: true, writable: true },
    TextEncoder: { value: TextEncoder, configurable: true, writable: true },
    undefined: { value: undefined },
    // A property that cannot be deleted but can be written: it is made to read undefined.
    legacy: { value: 'x', writable: true, configurable: false },
    // One that can be neither: reported.
    frozen: { value: 'y', writable: false, configurable: false },
  }) as Record<string | symbol, unknown>;
  return { global, workerScope, eventTarget };
}

describe('removeGlobals', () => {
  it('removes every API that is not kept, on the global and along its prototype chain, and reports what stuck', () => {
    const { global } = fakeWorkerGlobal();
    const stuck = removeGlobals(global);
    expect(stuck).toEqual(['frozen']);
    for (const name of ['fetch', 'XMLHttpRequest', 'importScripts', 'self', 'postMessage', 'onmessage', 'addEventListener', 'dispatchEvent', 'legacy']) {
      expect(global[name], name).toBeUndefined();
    }
    expect(global.Array).toBe(Array);
    expect(global.JSON).toBe(JSON);
    expect(global.TextEncoder).toBe(TextEncoder);
    expect(global.crypto).toBeDefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'toString')).toBe(true);
  });

  it('keeps whatever a node:vm context offers, so a handler sees at least what the Node sandbox gives it', () => {
    // Except console (the runtime hands the handler its own, which keeps lines for the step log) and WebAssembly
    // (the Node sandbox turns off its code generation).
    const vmGlobals = runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[];
    expect(vmGlobals.filter((name) => !KEPT_GLOBALS.has(name) && name !== 'console' && name !== 'WebAssembly')).toEqual([]);
  });

  it('keeps nothing that reaches outside the worker', () => {
    const ways = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'SharedWorker', 'navigator', 'RTCPeerConnection', 'postMessage', 'self', 'location', 'WebAssembly', 'Blob', 'MessageChannel'];
    expect(ways.filter((name) => KEPT_GLOBALS.has(name))).toEqual([]);
  });
});
