import { beforeAll, describe, expect, it } from 'vitest';
import { guardCodeGeneration } from '../../../src/sandbox/global-lockdown.ts';

// guardCodeGeneration changes this realm's intrinsics (as it does the worker's): vitest runs each test file in its
// own isolated context, and nothing else here depends on them.
const global = globalThis as unknown as Record<string, unknown>;
const NODE_SCHEME_ERROR = "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'";

beforeAll(() => guardCodeGeneration(global));

describe('guardCodeGeneration', () => {
  it('routes the Function constructor, however reached, through the import guard', async () => {
    // Reached the way a handler would, after the guard is in place.
    const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as (...args: string[]) => () => Promise<unknown>;
    const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as (...args: string[]) => () => Generator;
    await expect((global.Function as (body: string) => () => Promise<unknown>)("return import('https://example.com/a.js')")()).rejects.toThrow(NODE_SCHEME_ERROR);
    await expect((function () {}).constructor("return import('https://example.com/b.js')")()).rejects.toThrow(NODE_SCHEME_ERROR);
    await expect(AsyncFunction("return await import('https://example.com/c.js')")()).rejects.toThrow(NODE_SCHEME_ERROR);
    const generator = GeneratorFunction("yield import('https://example.com/d.js')")();
    await expect(generator.next().value as Promise<unknown>).rejects.toThrow(NODE_SCHEME_ERROR);
  });

  it('and eval, indirect', async () => {
    await expect((global.eval as (code: string) => Promise<unknown>)("import('https://example.com/e.js')")).rejects.toThrow(NODE_SCHEME_ERROR);
    expect((global.eval as (code: unknown) => unknown)(42)).toBe(42);
  });

  it('keeps functions working as before: parameters, bodies, instanceof, new', () => {
    const add = new (global.Function as new (...args: string[]) => (a: number, b: number) => number)('a', 'b', 'return a + b');
    expect(add(2, 3)).toBe(5);
    expect(add).toBeInstanceOf(Function);
    expect((function () {}).constructor).toBe(global.Function);
  });

  it('refuses timers given a string of code, and still runs timers given a function', async () => {
    expect(() => (global.setTimeout as (code: string) => unknown)("fetch('https://example.com')")).toThrow(TypeError);
    await new Promise<void>((resolve) => (global.setTimeout as (fn: () => void, ms: number) => unknown)(resolve, 0));
  });
});
