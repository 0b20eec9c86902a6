import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { injectFault, targetsState, type World } from '../../../../src/engine/index.ts';
import { MULTI, rotationLab, sm, smResult } from './helpers.ts';

const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;
const KINDS = ['wrongPassword', 'timeout', 'databaseUnreachable', 'permissionDenied'] as const;

type Action =
  | { type: 'rotate' }
  | { type: 'advance'; ms: number }
  | { type: 'fault'; step: (typeof STEPS)[number]; kind: (typeof KINDS)[number]; probability?: number }
  | { type: 'clearFaults' }
  | { type: 'manualPut' }
  | { type: 'cancel' }
  | { type: 'reenable' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: 'rotate' as const }) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 40_000 }).map((ms) => ({ type: 'advance' as const, ms })) },
  {
    weight: 2,
    arbitrary: fc.record({ step: fc.constantFrom(...STEPS), kind: fc.constantFrom(...KINDS), probability: fc.option(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { nil: undefined }) }).map(
      (f) => ({ type: 'fault' as const, step: f.step, kind: f.kind, ...(f.probability !== undefined ? { probability: f.probability } : {}) }),
    ),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'clearFaults' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'manualPut' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'cancel' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'reenable' as const }) },
);

describe('rotation invariants under faults, manual puts and cancellations (alternating users)', () => {
  it('exactly one version holds AWSCURRENT, its value opens the database, and no stored value is lost or changed', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), fc.string({ minLength: 1, maxLength: 6 }), (actions, seed) => {
        const lab = rotationLab(MULTI, { seed });
        const { sim, secretArn, functionArn } = lab;
        const seen = new Map<string, string>();
        let puts = 0;
        sm(sim, 'RotateSecret', { secretId: secretArn, rotationLambdaARN: functionArn, rotationRules: { scheduleExpression: 'rate(4 hours)' }, rotateImmediately: false });
        for (const a of actions) {
          if (a.type === 'rotate') smResult(sim, 'RotateSecret', { secretId: secretArn });
          else if (a.type === 'advance') sim.advance(a.ms);
          else if (a.type === 'fault') injectFault(sim, functionArn, a.step, { kind: a.kind, ...(a.probability !== undefined ? { probability: a.probability } : {}) });
          else if (a.type === 'clearFaults') for (const step of STEPS) injectFault(sim, functionArn, step, undefined);
          else if (a.type === 'cancel') sm(sim, 'CancelRotateSecret', { secretId: secretArn });
          else if (a.type === 'reenable') smResult(sim, 'RotateSecret', { secretId: secretArn, rotateImmediately: false });
          else {
            // An operator re-puts the working credentials by hand (with a note), which abandons any rotation in flight.
            const current = JSON.parse(sm(sim, 'GetSecretValue', { secretId: secretArn }).secretString as string) as Record<string, unknown>;
            sm(sim, 'PutSecretValue', { secretId: secretArn, secretString: JSON.stringify({ ...current, note: `manual ${++puts}` }) });
          }

          const listed = sm(sim, 'ListSecretVersionIds', { secretId: secretArn, includeDeprecated: true }).versions as { versionId: string; versionStages?: string[] }[];
          const holders = listed.filter((v) => v.versionStages?.includes('AWSCURRENT'));
          expect(holders).toHaveLength(1);
          expect(listed.filter((v) => v.versionStages?.includes('AWSPENDING')).length).toBeLessThanOrEqual(1);
          expect(listed.filter((v) => v.versionStages?.includes('AWSPREVIOUS')).length).toBeLessThanOrEqual(1);

          const current = JSON.parse(sm(sim, 'GetSecretValue', { secretId: secretArn }).secretString as string) as { username: string; password: string };
          const db = targetsState(sim.state as World).databases[lab.db.id]!;
          expect(db.users[current.username]?.password).toBe(current.password);

          for (const v of listed) {
            const read = smResult(sim, 'GetSecretValue', { secretId: secretArn, versionId: v.versionId });
            if (read.ok) {
              const before = seen.get(v.versionId);
              if (before !== undefined) expect(read.output.secretString).toBe(before);
              seen.set(v.versionId, read.output.secretString as string);
            }
          }
          const ids = new Set(listed.map((v) => v.versionId));
          for (const id of seen.keys()) expect(ids.has(id), `version ${id} vanished`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
