import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redact } from '../../../../src/engine/kernel/redact.ts';

/** The redaction as first written (Object.entries): the one every logged call now uses must give the same copy. */
function plainRedact(value: unknown, sensitive: readonly string[]): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object') return null;
  const object = (v: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(v)) {
      if (sensitive.includes(key) || member === undefined) continue;
      out[key] = plainMember(member);
    }
    return out;
  };
  const plainMember = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    if (Array.isArray(v)) return v.map(plainMember);
    if (v !== null && typeof v === 'object') return object(v as Record<string, unknown>);
    return v;
  };
  return object(value as Record<string, unknown>);
}

const KEYS = ['secretString', 'secretBinary', 'name', 'password', 'tags', 'key', '0', '10', 'value'];

const member: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.constant(undefined),
    fc.constant(null),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('redact', () => {
  it('copies a request as the plain redaction does: sensitive members dropped, bytes summarised, key order kept (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), member, { maxKeys: 6 }), fc.subarray(['secretString', 'secretBinary', 'password']), (input, sensitive) => {
        const redacted = redact(input, sensitive);
        expect(redacted).toEqual(plainRedact(input, sensitive));
        expect(JSON.stringify(redacted)).toBe(JSON.stringify(plainRedact(input, sensitive)));
      }),
      { numRuns: 300 },
    );
  });

  it('never keeps a sensitive member, however deep', () => {
    const out = redact({ name: 'a', nested: [{ secretString: 's', keep: new Uint8Array(3) }], secretString: 'x' }, ['secretString']);
    expect(out).toEqual({ name: 'a', nested: [{ keep: '<3 bytes>' }] });
  });
});
