import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fails, kms, newKey, newSim, ok } from './helpers.ts';

const plaintext = fc.uint8Array({ minLength: 1, maxLength: 4096 });
const encryptionContext = fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 5 }), {
  nil: undefined,
});

describe('Encrypt / Decrypt (property)', () => {
  const sim = newSim();
  const { keyId, arn } = newKey(sim);

  it('round-trips arbitrary bytes with arbitrary encryption contexts', () => {
    fc.assert(
      fc.property(plaintext, encryptionContext, (data, context) => {
        const input = context === undefined ? { keyId, plaintext: data } : { keyId, plaintext: data, encryptionContext: context };
        const { ciphertextBlob } = ok(kms(sim, 'Encrypt', input));
        const decrypted = ok(kms(sim, 'Decrypt', context === undefined ? { ciphertextBlob } : { ciphertextBlob, encryptionContext: context }));
        expect(decrypted.keyId).toBe(arn);
        expect(decrypted.plaintext).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any other encryption context', () => {
    fc.assert(
      fc.property(
        plaintext,
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }), { minKeys: 1, maxKeys: 3 }),
        // "__proto__" in an object literal sets the prototype instead of adding a key, so it cannot alter a context.
        fc.string({ minLength: 1, maxLength: 10 }).filter((key) => key !== '__proto__'),
        (data, context, extraKey) => {
          const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: data, encryptionContext: context }));
          const altered = { ...context, [extraKey]: `${context[extraKey] ?? ''}!` };
          fails(kms(sim, 'Decrypt', { ciphertextBlob, encryptionContext: altered }), 'InvalidCiphertextException');
        },
      ),
      { numRuns: 100 },
    );
  });
});
