import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator } from '../../../../src/engine/index.ts';
import { passwordAlphabet, passwordClasses, PASSWORD_CLASSES } from '../../../../src/engine/secrets/operations/get-random-password.ts';

/** GetRandomPassword remembers each request's character types; these tests hold the kept ones to the plain build. */
describe('GetRandomPassword alphabets', () => {
  it('are the character types built afresh, for any options and exclusions, asked once or again (property)', () => {
    const all = Object.values(PASSWORD_CLASSES).join('');
    const options = fc.record(
      {
        excludeCharacters: fc.string({ unit: fc.constantFrom(...all, 'é'), maxLength: 40 }),
        excludeNumbers: fc.boolean(),
        excludePunctuation: fc.boolean(),
        excludeUppercase: fc.boolean(),
        excludeLowercase: fc.boolean(),
        includeSpace: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(options, { minLength: 1, maxLength: 20 }), (requests) => {
        for (const request of [...requests, ...requests]) {
          const kept = passwordAlphabet(request);
          const plain = passwordClasses(request);
          expect(kept.usable).toEqual(plain);
          expect(kept.alphabet).toBe(plain.join(''));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('give the same passwords for the same seed, whatever was asked before in the process', () => {
    const draw = () => {
      const sim = createSimulator({ seed: 'passwords' });
      return ['', '/@"\'\\', 'abc'].map((excludeCharacters) => {
        const result = sim.call<{ randomPassword: string }>({ service: 'secretsmanager', operation: 'GetRandomPassword', input: { excludeCharacters } });
        return result.ok ? result.output.randomPassword : result.error.code;
      });
    };
    const first = draw();
    expect(draw()).toEqual(first);
    for (const password of first) expect(password).toHaveLength(32);
    expect(first[1]).not.toMatch(/[/@"'\\]/);
  });
});
