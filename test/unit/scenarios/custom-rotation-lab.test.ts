import { describe, expect, it } from 'vitest';
import { activeKeys, partnerApis, rotationState, type RotationRun, type Simulator } from '../../../src/engine/index.ts';
import { applySolution, buildLabWorld, changePath, evaluateGoals, parseLab, type Lab, type LabAction } from '../../../src/scenarios/index.ts';
import { labSources, nodeClock } from '../../content/labs-files.ts';

/**
 * Lab 08 tells a story about a handler the learner writes. These tests run handlers in the Node sandbox (node:vm)
 * through the lab's own set-up and goals, and check that each mistake the lab warns about fails the goal it names,
 * for the reason it gives.
 */
const source = labSources().find((s) => s.folder === '08-custom-rotation')!;
const lab: Lab = parseLab(source);
const REFERENCE = source.files!['solution/index.js']!;
const HOST = 'api.orbitalfreight.example';
const SECRET = 'prod/shipping/orbital-freight';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:rotate-orbital-key';
const INITIAL_KEY = 'ofk_live_7Hq2Vn9Lx4Rt8Kw3Mz6Pb1Yc';

/** The reference handler with one passage replaced (the passage must be there, or the test would prove nothing). */
function variant(from: string, to: string): string {
  expect(REFERENCE).toContain(from);
  return REFERENCE.replace(from, to);
}
const REVOKE_LOOP = `  for (const key of keys) {
    if (key.keyId === me.keyId) continue;
    await orbital.revokeKey({ apiKey: current.apiKey, keyId: key.keyId });
    console.log('setSecret: revoked', key.keyId, 'ending in', key.last4);
  }
`;
/** Forgets the vendor's limit: adds each new key and never retires one. */
const NEVER_REVOKES = variant(REVOKE_LOOP, '');
/** Retires every other key, the current one included, as soon as the new key is registered. */
const REVOKES_CURRENT = variant(
  `  const added = await orbital.addKey({ apiKey: current.apiKey, newKey: pending.apiKey });`,
  `  const added = await orbital.addKey({ apiKey: current.apiKey, newKey: pending.apiKey });
  const all = await orbital.listKeys({ apiKey: pending.apiKey });
  for (const key of all.keys) if (key.keyId !== added.keyId) await orbital.revokeKey({ apiKey: pending.apiKey, keyId: key.keyId });`,
);
const CREATE_CHECK = `  try {
    await read(SecretId, 'AWSPENDING', token);
    return;
  } catch (error) {
    if (error.name !== 'ResourceNotFoundException') throw error;
  }
`;
/** createSecret that makes a new key every time it runs, even when the token's version already holds one. */
const CREATES_AGAIN = variant(CREATE_CHECK, '');
/** setSecret left as the generic template has it: the vendor never hears of the new key. */
const NEVER_REGISTERS = variant(`else if (Step === 'setSecret') await setSecret(SecretId, token);`, `else if (Step === 'setSecret') return;`);

const solutionCall = lab.solution.find((a): a is Extract<LabAction, { call: unknown }> => 'call' in a)!;
const rotateOn = (sim: Simulator) => expect(applySolution({ solution: [solutionCall] }, sim, nodeClock(sim))).toBeUndefined();

/** The lab's starting world with `handler` deployed (undefined: the template's own code) and rotation turned on. */
function rotatedWith(handler: string | undefined, days: number): Simulator {
  const sim = buildLabWorld(lab, nodeClock);
  if (handler !== undefined) changePath(sim)('deployFunctionCode', [FUNCTION_ARN, handler]);
  rotateOn(sim);
  nodeClock(sim)(days * 86_400_000);
  return sim;
}

const failing = (sim: Simulator) => evaluateGoals(lab.goals, sim).filter((g) => !g.passed).map((g) => g.id);
const reason = (sim: Simulator, id: string) => evaluateGoals(lab.goals, sim).find((g) => g.id === id)!.reason;
const vendor = (sim: Simulator) => partnerApis(sim.state)[HOST]!;
function runs(sim: Simulator): RotationRun[] {
  const state = rotationState(sim.state);
  const arn = Object.keys(state.runs)[0]!;
  const seen = new Set<number>();
  return [...(state.history[arn] ?? []), state.runs[arn]!].filter((run) => !seen.has(run.runId) && seen.add(run.runId));
}
function secretValue(sim: Simulator, stage: string): string {
  const out = sim.call<{ secretString: string }>({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: SECRET, versionStage: stage } });
  if (!out.ok) throw out.error;
  return out.output.secretString;
}
function cloudTrail(sim: Simulator, eventName: string): number {
  const out = sim.call<{ events: unknown[] }>({ service: 'cloudtrail', operation: 'LookupEvents', input: { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: eventName }] } });
  if (!out.ok) throw out.error;
  return out.output.events.length;
}

describe('lab 08: custom rotation for a third-party API key', () => {
  it('starts with the generic template deployed, rotation off, and one key at the vendor', () => {
    const sim = buildLabWorld(lab, nodeClock);
    expect(failing(sim)).toEqual(['own-handler', 'three-rotations', 'previous-key-works', 'every-30-days']);
    expect(reason(sim, 'own-handler')).toMatch(/Runtime is "python3\.12"/);
    expect(activeKeys(vendor(sim)).map((k) => k.value)).toEqual([INITIAL_KEY]);
  });

  it('the reference handler rotates three times; the vendor keeps exactly the current and previous keys', () => {
    const sim = buildLabWorld(lab, nodeClock);
    expect(applySolution(lab, sim, nodeClock(sim))).toBeUndefined();
    expect(failing(sim)).toEqual([]);
    expect(runs(sim).map((r) => [r.state, r.trigger])).toEqual([
      ['succeeded', 'RotateSecret'],
      ['succeeded', 'schedule'],
      ['succeeded', 'schedule'],
    ]);
    const current = JSON.parse(secretValue(sim, 'AWSCURRENT')).apiKey as string;
    const previous = JSON.parse(secretValue(sim, 'AWSPREVIOUS')).apiKey as string;
    expect(current).toMatch(/^ofk_live_[A-Za-z0-9]{32}$/);
    expect(activeKeys(vendor(sim)).map((k) => k.value).sort()).toEqual([current, previous].sort());
    expect(vendor(sim).keys.find((k) => k.value === INITIAL_KEY)?.revokedAt).toBeDefined();
    // The step log keeps what the handler printed and the vendor calls it made.
    const setSecret = runs(sim)[2]!.steps.find((s) => s.step === 'setSecret')!;
    expect(setSecret.calls.filter((c) => c.service === HOST).map((c) => c.operation)).toEqual(['whoAmI', 'whoAmI', 'listKeys', 'revokeKey', 'addKey']);
    expect(setSecret.logs).toContain('setSecret: registered the pending key as key-4');
    expect(cloudTrail(sim, 'RotationSucceeded')).toBe(3);
    expect(reason(sim, 'previous-key-works')).toBe('Orbital Freight accepts the keys in AWSPREVIOUS (2 active keys).');
  });

  it("the template as deployed stops at setSecret with NotImplementedError at every attempt: AWSCURRENT keeps the good key, a bare string waits as AWSPENDING", () => {
    const sim = rotatedWith(undefined, 61);
    const attempts = runs(sim);
    expect(attempts.length).toBeGreaterThan(1);
    for (const attempt of attempts) {
      expect(attempt.state).toBe('failed');
      // Each scheduled window reattempts the same rotation: the same token, the same version.
      expect(attempt.token).toBe(attempts[0]!.token);
      expect(attempt.steps.map((step) => [step.step, step.outcome])).toEqual([
        ['createSecret', 'succeeded'],
        ['setSecret', 'failed'],
      ]);
      expect(attempt.steps[1]!.cause).toMatch(/^NotImplementedError/);
    }
    expect(failing(sim)).toEqual(['own-handler', 'three-rotations', 'previous-key-works']);
    expect(JSON.parse(secretValue(sim, 'AWSCURRENT'))).toEqual({ apiKey: INITIAL_KEY });
    expect(() => JSON.parse(secretValue(sim, 'AWSPENDING'))).toThrow();
    expect(activeKeys(vendor(sim)).map((k) => k.value)).toEqual([INITIAL_KEY]);
  });

  it("the first hint's recovery: take AWSPENDING off the bare-string version, deploy the handler, and the lab passes", () => {
    const sim = buildLabWorld(lab, nodeClock);
    rotateOn(sim);
    nodeClock(sim)(3_600_000);
    const listed = sim.call<{ versions: { versionId: string; versionStages?: string[] }[] }>({ service: 'secretsmanager', operation: 'ListSecretVersionIds', input: { secretId: SECRET } });
    if (!listed.ok) throw listed.error;
    const holding = (stage: string) => listed.output.versions.find((v) => v.versionStages?.includes(stage))?.versionId;
    const bare = holding('AWSPENDING')!;
    expect(bare).not.toBe(holding('AWSCURRENT'));
    // While AWSPENDING sits on a version that is not AWSCURRENT, RotateSecret takes it for a rotation in progress.
    const refused = applySolution({ solution: [solutionCall] }, sim, nodeClock(sim));
    expect(refused?.outcome).toMatchObject({ errorCode: 'InvalidRequestException', message: "A previous rotation isn't complete. That rotation will be reattempted." });
    const unstaged = sim.call({ service: 'secretsmanager', operation: 'UpdateSecretVersionStage', input: { secretId: SECRET, versionStage: 'AWSPENDING', removeFromVersionId: bare } });
    expect(unstaged.ok).toBe(true);
    expect(JSON.parse(secretValue(sim, 'AWSCURRENT'))).toEqual({ apiKey: INITIAL_KEY });
    expect(applySolution(lab, sim, nodeClock(sim))).toBeUndefined();
    expect(failing(sim)).toEqual([]);
  });

  it('a handler that never retires a key hits the vendor limit at the second rotation: RotationFailed, KeyLimitExceeded', () => {
    const sim = rotatedWith(NEVER_REVOKES, 61);
    const [first, ...rest] = runs(sim);
    expect(first!.state).toBe('succeeded');
    // The second rotation and its reattempt at the next window both stop in setSecret.
    expect(rest.map((r) => [r.state, r.failedStep])).toEqual([
      ['failed', 'setSecret'],
      ['failed', 'setSecret'],
    ]);
    const step = rest[0]!.steps.find((s) => s.step === 'setSecret')!;
    expect(step.calls.at(-1)).toMatchObject({ service: HOST, operation: 'addKey', errorCode: 'KeyLimitExceeded' });
    expect(step.cause).toBe('PartnerApiError: An account may hold at most 2 active keys: revoke one first.');
    expect(cloudTrail(sim, 'RotationFailed')).toBe(2);
    // The keys clients hold still work (AWSCURRENT never moved to a key the vendor refused); only the rotation count fails.
    expect(failing(sim)).toEqual(['three-rotations']);
    expect(reason(sim, 'three-rotations')).toContain('rotated successfully once with rotate-orbital-key; expected at least 3. The last failed run stopped in setSecret: PartnerApiError');
  });

  it('after the fix, the stuck rotation is reattempted with the same AWSPENDING version and the lab passes', () => {
    const sim = rotatedWith(NEVER_REVOKES, 31);
    const stuck = runs(sim).at(-1)!;
    expect(stuck.state).toBe('failed');
    changePath(sim)('deployFunctionCode', [FUNCTION_ARN, REFERENCE]);
    nodeClock(sim)(61 * 86_400_000);
    const after = runs(sim);
    // The reattempt keeps the failed run's token: createSecret finds AWSPENDING already there and keeps it.
    expect(after.find((r) => r.runId > stuck.runId)).toMatchObject({ token: stuck.token, state: 'succeeded' });
    expect(failing(sim)).toEqual([]);
  });

  it('a createSecret that is not safe to repeat cannot resume a stuck rotation: the token already holds another key', () => {
    const sim = rotatedWith(NEVER_REVOKES.replace(CREATE_CHECK, ''), 31);
    const stuck = runs(sim).at(-1)!;
    expect(stuck).toMatchObject({ state: 'failed', failedStep: 'setSecret' });
    // setSecret fixed, createSecret still not idempotent: the reattempt stops at its very first step, for good.
    changePath(sim)('deployFunctionCode', [FUNCTION_ARN, CREATES_AGAIN]);
    nodeClock(sim)(61 * 86_400_000);
    const retries = runs(sim).filter((r) => r.runId > stuck.runId);
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) {
      expect(retry).toMatchObject({ token: stuck.token, state: 'failed', failedStep: 'createSecret' });
      expect(retry.steps[0]!.calls.at(-1)).toMatchObject({ operation: 'PutSecretValue', errorCode: 'ResourceExistsException' });
    }
    expect(failing(sim)).toEqual(['three-rotations']);
  });

  it('a handler that revokes the current key succeeds every time, and locks out every client still holding it', () => {
    const sim = rotatedWith(REVOKES_CURRENT, 61);
    expect(runs(sim).map((r) => r.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(failing(sim)).toEqual(['previous-key-works']);
    expect(reason(sim, 'previous-key-works')).toMatch(/^Orbital Freight refuses the key ending in .{4} \(AWSPREVIOUS of prod\/shipping\/orbital-freight\): it is not one of its active keys\.$/);
    expect(activeKeys(vendor(sim))).toHaveLength(1);
  });

  it('a handler that never registers the key is stopped by testSecret: AWSCURRENT never moves to a refused key', () => {
    const sim = rotatedWith(NEVER_REGISTERS, 1);
    const [run] = runs(sim);
    expect(run).toMatchObject({ state: 'failed', failedStep: 'testSecret' });
    expect(run!.steps.at(-1)!.calls.at(-1)).toMatchObject({ service: HOST, operation: 'whoAmI', errorCode: 'Unauthorized' });
    expect(JSON.parse(secretValue(sim, 'AWSCURRENT'))).toEqual({ apiKey: INITIAL_KEY });
    expect(failing(sim)).toEqual(['three-rotations', 'previous-key-works']);
  });
});
