import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode, utf8Length } from '../../../src/engine/encoding/index.ts';

describe('engine encodings (no host APIs)', () => {
  it('base64 round-trips any bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('utf8 matches TextEncoder for any string, and the byte length agrees', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(utf8Encode(text)).toEqual(bytes);
        expect(utf8Decode(bytes)).toBe(text);
        expect(utf8Length(text)).toBe(bytes.length);
      }),
    );
  });

  it('rejects text that is not base64', () => {
    expect(base64ToBytes('no*pe')).toBeUndefined();
    expect(base64ToBytes('abcde')).toBeUndefined();
  });
});
