import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/engine/index.ts';
import { NOT_FOUND, create, fails, newSim, ok, sm, token } from './helpers.ts';

describe('BatchGetSecretValue', () => {
  it('by SecretIdList: one entry per readable secret, like GetSecretValue; the failures in Errors; the call succeeds', () => {
    const sim = newSim();
    const a = create(sim, 'a', 'va', { clientRequestToken: token(1) });
    create(sim, 'b', 'vb');
    const out = ok(sm(sim, 'BatchGetSecretValue', { secretIdList: ['a', 'missing', a.arn, 'b'] }));
    expect(out.secretValues).toHaveLength(3);
    expect(out.secretValues[0]).toEqual(ok(sm(sim, 'GetSecretValue', { secretId: 'a' })));
    expect(out.secretValues.map((v: { secretString: string }) => v.secretString)).toEqual(['va', 'va', 'vb']);
    expect(out.errors).toEqual([{ secretId: 'missing', errorCode: 'ResourceNotFoundException', message: NOT_FOUND }]);
  });

  it('by Filters, paged with MaxResults and NextToken', () => {
    const sim = newSim();
    for (let i = 0; i < 5; i++) {
      create(sim, `team/s${i}`, `v${i}`);
      sim.advance({ seconds: 1 });
    }
    create(sim, 'other', 'x');
    const filters = [{ key: 'name', values: ['team/'] }];
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const out = ok(sm(sim, 'BatchGetSecretValue', { filters, maxResults: 2, ...(nextToken ? { nextToken } : {}) }));
      expect(out.secretValues.length).toBeLessThanOrEqual(2);
      seen.push(...out.secretValues.map((v: { secretString: string }) => v.secretString));
      nextToken = out.nextToken;
      pages++;
    } while (nextToken && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
  });

  it('SecretIdList and Filters together, or MaxResults without Filters: InvalidParameterException', () => {
    const sim = newSim();
    create(sim, 'a');
    fails(sm(sim, 'BatchGetSecretValue', { secretIdList: ['a'], filters: [{ key: 'name', values: ['a'] }] }), 'InvalidParameterException');
    fails(sm(sim, 'BatchGetSecretValue', { secretIdList: ['a'], maxResults: 5 }), 'InvalidParameterException');
  });

  it('more than 20 ids fails model validation', () => {
    const sim = newSim();
    fails(sm(sim, 'BatchGetSecretValue', { secretIdList: Array.from({ length: 21 }, (_, i) => `s${i}`) }), 'ValidationException');
  });

  it('a secret without a value is an error entry', () => {
    const sim = newSim();
    create(sim, 'empty', null);
    const out = ok(sm(sim, 'BatchGetSecretValue', { secretIdList: ['empty'] }));
    expect(out.secretValues).toEqual([]);
    expect(out.errors).toEqual([{ secretId: 'empty', errorCode: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT" }]);
  });
});

const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /[0-9]/;
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const DEFAULT_SET = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/;

function password(sim: ReturnType<typeof newSim>, input: Record<string, unknown> = {}): string {
  return ok(sm(sim, 'GetRandomPassword', input)).randomPassword as string;
}

describe('GetRandomPassword', () => {
  it('defaults to 32 characters of letters, digits and the 32 punctuation characters, with no space', () => {
    const sim = newSim();
    for (let i = 0; i < 50; i++) {
      const p = password(sim);
      expect(p).toHaveLength(32);
      expect(p).toMatch(DEFAULT_SET);
    }
  });

  it('the default alphabet covers all 94 characters (letters, digits, every punctuation character)', () => {
    const sim = newSim();
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) for (const c of password(sim, { passwordLength: 4096 })) seen.add(c);
    expect(seen.size).toBe(94);
  });

  it('RequireEachIncludedType (default true) puts at least one of each included type in every password', () => {
    const sim = newSim();
    for (let i = 0; i < 200; i++) {
      const p = password(sim, { passwordLength: 4 });
      for (const re of [LOWER, UPPER, DIGIT, PUNCT]) expect(p).toMatch(re);
    }
    for (let i = 0; i < 100; i++) expect(password(sim, { passwordLength: 5, includeSpace: true })).toContain(' ');
  });

  it('RequireEachIncludedType=false allows a password shorter than the number of types', () => {
    const sim = newSim();
    expect(password(sim, { passwordLength: 1, requireEachIncludedType: false })).toHaveLength(1);
  });

  it('a length shorter than the required types is InvalidParameterException', () => {
    const sim = newSim();
    fails(sm(sim, 'GetRandomPassword', { passwordLength: 3 }), 'InvalidParameterException');
  });

  it('the Exclude* options remove whole classes', () => {
    const sim = newSim();
    for (let i = 0; i < 30; i++) {
      expect(password(sim, { excludeNumbers: true })).not.toMatch(DIGIT);
      expect(password(sim, { excludePunctuation: true })).toMatch(/^[A-Za-z0-9]+$/);
      expect(password(sim, { excludeUppercase: true })).not.toMatch(UPPER);
      expect(password(sim, { excludeLowercase: true })).not.toMatch(LOWER);
      expect(password(sim, { excludeLowercase: true, excludeUppercase: true, excludePunctuation: true })).toMatch(/^[0-9]{32}$/);
    }
  });

  it('ExcludeCharacters removes exactly the characters listed', () => {
    const sim = newSim();
    const excluded = 'abcXYZ019!@#';
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) for (const c of password(sim, { passwordLength: 4096, excludeCharacters: excluded })) seen.add(c);
    for (const c of excluded) expect(seen.has(c)).toBe(false);
    expect(seen.size).toBe(94 - excluded.length);
  });

  it('IncludeSpace adds the space character', () => {
    const sim = newSim();
    const p = password(sim, { passwordLength: 4096, includeSpace: true });
    expect(p).toContain(' ');
  });

  it('PasswordLength outside 1..4096 fails model validation', () => {
    const sim = newSim();
    fails(
      sm(sim, 'GetRandomPassword', { passwordLength: 4097 }),
      'ValidationException',
      "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
    );
    fails(sm(sim, 'GetRandomPassword', { passwordLength: 0 }), 'ValidationException');
  });

  it('the password never reaches the audit log', () => {
    const sim = newSim();
    const p = password(sim, { passwordLength: 40 });
    expect(JSON.stringify(sim.snapshot())).not.toContain(p);
  });

  it('is drawn from the seeded RNG: the same seed replays the same password', () => {
    const a = createSimulator({ seed: 'replay' });
    const b = createSimulator({ seed: 'replay' });
    expect(password(a)).toBe(password(b));
  });
});
