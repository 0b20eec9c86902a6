import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator, loadSimulator, resourceState, type Simulator } from '../../../src/engine/index.ts';
import { secretsState } from '../../../src/engine/secrets/index.ts';

// Invariants of the Secrets Manager model, checked over random sequences of calls, valid and invalid alike.
const NAMES = ['app/db', 'app/api', 'billing', 'bad name!'];
const LABELS = ['AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING', 'CUSTOM1', 'CUSTOM2'];
const MARK = 'SECRET-VALUE-';

const name = fc.constantFrom(...NAMES);
const secretValue = fc.string({ maxLength: 12 }).map((s) => `${MARK}${s}`);
const label = fc.constantFrom(...LABELS);

type Step = { kind: 'call'; operation: string; input: Record<string, unknown> } | { kind: 'advance'; days: number };

const call = (operation: string, input: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Step> =>
  input.map((i) => ({ kind: 'call' as const, operation, input: i }));

/** Version ids are drawn by index into the secret's versions at run time, so moves can name real versions. */
const versionRef = fc.option(fc.nat(6), { nil: undefined });

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: call('CreateSecret', fc.record({ name, secretString: fc.option(secretValue, { nil: undefined, freq: 4 }) })), weight: 3 },
  call('PutSecretValue', fc.record({ secretId: name, secretString: secretValue, versionStages: fc.option(fc.uniqueArray(label, { minLength: 1, maxLength: 3 }), { nil: undefined }) })),
  call('UpdateSecret', fc.record({ secretId: name, secretString: fc.option(secretValue, { nil: undefined }), description: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) })),
  call('UpdateSecretVersionStage', fc.record({ secretId: name, versionStage: label, moveToVersionId: versionRef, removeFromVersionId: versionRef })),
  { arbitrary: call('GetSecretValue', fc.record({ secretId: name, versionStage: fc.option(label, { nil: undefined }) })), weight: 3 },
  call('DeleteSecret', fc.record({ secretId: name, recoveryWindowInDays: fc.option(fc.integer({ min: 5, max: 32 }), { nil: undefined }), forceDeleteWithoutRecovery: fc.option(fc.boolean(), { nil: undefined }) })),
  call('RestoreSecret', fc.record({ secretId: name })),
  call('TagResource', fc.record({ secretId: name, tags: fc.array(fc.record({ key: fc.constantFrom('env', 'team', 'aws:x'), value: fc.string({ maxLength: 4 }) }), { maxLength: 2 }) })),
  call('UntagResource', fc.record({ secretId: name, tagKeys: fc.array(fc.constantFrom('env', 'team'), { maxLength: 2 }) })),
  call('DescribeSecret', fc.record({ secretId: name })),
  call('ListSecretVersionIds', fc.record({ secretId: name, includeDeprecated: fc.boolean() })),
  fc.integer({ min: 1, max: 40 }).map((days) => ({ kind: 'advance' as const, days })),
);

/** Sequences long enough to reach deep states (fast-check's default size keeps arrays short). */
const steps = fc.array(step, { minLength: 1, maxLength: 40, size: 'max' });

function resolveVersionRefs(sim: Simulator, input: Record<string, unknown>): Record<string, unknown> {
  const resolved = { ...input };
  for (const key of ['moveToVersionId', 'removeFromVersionId']) {
    const index = resolved[key];
    if (typeof index !== 'number') continue;
    const secret = Object.values(secretsState(sim.state as never).regions).flatMap((r) => Object.values(r.secrets)).find((s) => s.name === input.secretId);
    const ids = secret ? Object.keys(secret.versions) : [];
    resolved[key] = ids.length > 0 ? ids[index % ids.length] : '00000000-0000-4000-8000-000000000000';
  }
  return resolved;
}

function assertLabelInvariants(sim: Simulator) {
  for (const region of Object.values(secretsState(sim.state as never).regions)) {
    for (const secret of Object.values(region.secrets)) {
      const versions = Object.values(secret.versions);
      for (const labelName of LABELS) {
        expect(versions.filter((v) => v.stages.includes(labelName)).length, `${labelName} on ${secret.name}`).toBeLessThanOrEqual(1);
      }
      const withValue = versions.filter((v) => v.value !== undefined);
      if (withValue.length > 0) {
        expect(versions.filter((v) => v.stages.includes('AWSCURRENT')).length, `AWSCURRENT on ${secret.name}`).toBe(1);
      }
      for (const version of versions) expect(new Set(version.stages).size).toBe(version.stages.length);
    }
  }
}

function run(sim: Simulator, sequence: Step[], check: (before: string, ok: boolean) => void) {
  for (const s of sequence) {
    const before = JSON.stringify(resourceState(sim.snapshot()));
    if (s.kind === 'advance') {
      sim.advance({ days: s.days });
      check(before, true);
      continue;
    }
    const result = sim.call({ service: 'secretsmanager', operation: s.operation, input: resolveVersionRefs(sim, s.input) });
    check(before, result.ok);
  }
}

describe('Secrets Manager invariants over random call sequences', () => {
  it('exactly one version has AWSCURRENT and a label sits on at most one version', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const sim = createSimulator();
        run(sim, sequence, () => assertLabelInvariants(sim));
      }),
      { numRuns: 150 },
    );
  });

  it('a rejected call leaves every resource unchanged', () => {
    let rejected = 0;
    fc.assert(
      fc.property(steps, (sequence) => {
        const sim = createSimulator();
        run(sim, sequence, (before, ok) => {
          if (ok) return;
          rejected++;
          expect(JSON.stringify(resourceState(sim.snapshot()))).toBe(before);
        });
      }),
      { numRuns: 150 },
    );
    // The generator must actually produce refusals, or this property proves nothing.
    expect(rejected).toBeGreaterThan(100);
  });

  it('a snapshot round trip is the identity, and the loaded world behaves the same', () => {
    fc.assert(
      fc.property(steps, fc.array(step, { maxLength: 10 }), (sequence, more) => {
        const sim = createSimulator();
        run(sim, sequence, () => {});
        const snapshot = sim.snapshot();
        const loaded = loadSimulator(JSON.parse(JSON.stringify(snapshot)));
        expect(JSON.stringify(loaded.snapshot())).toBe(JSON.stringify(snapshot));
        run(sim, more, () => {});
        run(loaded, more, () => {});
        expect(JSON.stringify(loaded.snapshot())).toBe(JSON.stringify(sim.snapshot()));
      }),
      { numRuns: 100 },
    );
  });

  it('no secret value ever appears in the audit log', () => {
    let successfulReads = 0;
    fc.assert(
      fc.property(steps, (sequence) => {
        const sim = createSimulator();
        run(sim, sequence, () => {});
        successfulReads += sim.state.log.entries.filter((e) => e.kind === 'call' && e.operation === 'GetSecretValue' && !e.errorCode).length;
        expect(JSON.stringify(sim.state.log.entries)).not.toContain(MARK);
      }),
      { numRuns: 150 },
    );
    // Values were really read (and written) in these runs, so their absence from the log means something.
    expect(successfulReads).toBeGreaterThan(20);
  });
});
