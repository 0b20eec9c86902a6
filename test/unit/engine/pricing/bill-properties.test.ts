import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID, HOUR, pricing, type Simulator } from '../../../../src/engine/index.ts';
import { prices } from './price-files.ts';

/**
 * Invariants of billing over random histories: a bill is additive over accounts (one account's activity never moves
 * another's bill) and over splits of time (storage billed for the parts of a month adds up to the month), and
 * proration over any partition of a month sums to the monthly price.
 */

const START = Date.UTC(2026, 0, 1);
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const NAMES = ['db', 'api', 'cache'];

type Step =
  | { kind: 'call'; account: 0 | 1; service: string; operation: string; input: Record<string, unknown>; region?: string }
  | { kind: 'advance'; hours: number };

const account = fc.constantFrom<0 | 1>(0, 1);
const name = fc.constantFrom(...NAMES);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ account, name, replicate: fc.boolean() }).map(({ account, name, replicate }) => ({
    kind: 'call' as const, account, service: 'secretsmanager', operation: 'CreateSecret',
    input: { name, secretString: 'v', ...(replicate ? { addReplicaRegions: [{ region: 'eu-west-1' }] } : {}), tags: [{ key: 'team', value: name }] },
  })) },
  { weight: 3, arbitrary: fc.record({ account, name }).map(({ account, name }) => ({ kind: 'call' as const, account, service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: name } })) },
  fc.record({ account, name, days: fc.integer({ min: 7, max: 30 }), force: fc.boolean() }).map(({ account, name, days, force }) => ({
    kind: 'call' as const, account, service: 'secretsmanager', operation: 'DeleteSecret',
    input: force ? { secretId: name, forceDeleteWithoutRecovery: true } : { secretId: name, recoveryWindowInDays: days },
  })),
  fc.record({ account, name }).map(({ account, name }) => ({ kind: 'call' as const, account, service: 'secretsmanager', operation: 'RestoreSecret', input: { secretId: name } })),
  fc.record({ account, name }).map(({ account, name }) => ({ kind: 'call' as const, account, service: 'secretsmanager', operation: 'RemoveRegionsFromReplication', input: { secretId: name, removeReplicaRegions: ['eu-west-1'] } })),
  account.map((account) => ({ kind: 'call' as const, account, service: 'kms', operation: 'CreateKey', input: {} })),
  account.map((account) => ({ kind: 'call' as const, account, service: 'kms', operation: 'RotateKeyOnDemand', input: { keyId: 'FIRST_KEY' } })),
  account.map((account) => ({ kind: 'call' as const, account, service: 'kms', operation: 'ScheduleKeyDeletion', input: { keyId: 'FIRST_KEY', pendingWindowInDays: 7 } })),
  account.map((account) => ({ kind: 'call' as const, account, service: 'kms', operation: 'CancelKeyDeletion', input: { keyId: 'FIRST_KEY' } })),
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 24 * 12 }).map((hours) => ({ kind: 'advance' as const, hours })) },
);
const history = fc.array(step, { minLength: 1, maxLength: 30, size: 'max' });

const ACCOUNTS = [DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID] as const;

/** Runs the steps of the given accounts (all advances always), so a world with one account's steps can be compared. */
function run(steps: Step[], accounts: ReadonlySet<0 | 1>): Simulator {
  const sim = createSimulator({ startTime: START });
  const firstKey = new Map<number, string>();
  for (const s of steps) {
    if (s.kind === 'advance') {
      sim.advance(s.hours * HOUR);
      continue;
    }
    if (!accounts.has(s.account)) continue;
    const accountId = ACCOUNTS[s.account];
    const caller = { principalArn: sim.identity.defaultPrincipal(sim.state, accountId).arn };
    const input = s.input.keyId === 'FIRST_KEY' ? { ...s.input, keyId: firstKey.get(s.account) ?? 'missing-key-id-0000' } : s.input;
    const result = sim.call<{ keyMetadata?: { keyId: string } }>({ service: s.service, operation: s.operation, input, caller });
    if (result.ok && s.operation === 'CreateKey' && !firstKey.has(s.account)) firstKey.set(s.account, result.output.keyMetadata!.keyId);
  }
  sim.advanceTo(Math.max(sim.now, Date.UTC(2026, 3, 1)));
  return sim;
}

const storageLines = (bill: pricing.Bill) => bill.lineItems.filter((l) => !l.id.endsWith('requests') && !l.id.startsWith('lambda/'));
const exact = (amount: pricing.Money) => amount.toDecimalPlaces(25).toString();

describe('bill properties', () => {
  it('is additive over accounts: each account is billed exactly as if it were alone', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const both = run(steps, new Set([0, 1]));
        const alone = [run(steps, new Set([0])), run(steps, new Set([1]))];
        for (const month of MONTHS) {
          for (const freeTier of [true, false]) {
            let sumOfAlone = new pricing.Money(0);
            let sumOfBoth = new pricing.Money(0);
            ACCOUNTS.forEach((accountId, index) => {
              const together = pricing.computeBill(both.state, prices, { accountId, month, freeTier });
              const separate = pricing.computeBill(alone[index]!.state, prices, { accountId, month, freeTier });
              expect(together.total.toString()).toBe(separate.total.toString());
              sumOfBoth = sumOfBoth.plus(together.total);
              sumOfAlone = sumOfAlone.plus(separate.total);
            });
            expect(sumOfBoth.toString()).toBe(sumOfAlone.toString());
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('is additive over splits of time: storage billed for the parts of a month adds up to the month', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...MONTHS), fc.uniqueArray(fc.integer({ min: 1, max: 27 * 24 * 60 }), { maxLength: 5 }), (steps, month, cutMinutes) => {
        const sim = run(steps, new Set([0, 1]));
        const span = pricing.monthSpan(month);
        const cuts = [span.start, ...cutMinutes.sort((a, b) => a - b).map((m) => span.start + m * 60_000), span.end];
        for (const accountId of ACCOUNTS) {
          const whole = pricing.computeBill(sim.state, prices, { accountId, month, freeTier: false });
          let parts = new pricing.Money(0);
          for (let i = 0; i + 1 < cuts.length; i++) {
            const part = pricing.computeBill(sim.state, prices, { accountId, month, freeTier: false, storagePeriod: { from: cuts[i]!, to: cuts[i + 1]! } });
            parts = parts.plus(pricing.sum(storageLines(part).map((l) => l.amount)));
          }
          expect(exact(parts)).toBe(exact(pricing.sum(storageLines(whole).map((l) => l.amount))));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('prorates so that the parts of any month sum to the monthly price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2024, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 28 * 24 * 3600 - 1 }), { maxLength: 8 }),
        (year, monthNumber, cutSeconds) => {
          const month = `${year}-${String(monthNumber).padStart(2, '0')}`;
          const span = pricing.monthSpan(month);
          const sim = createSimulator({ startTime: span.start });
          sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'whole', secretString: 'x' } });
          sim.call({ service: 'kms', operation: 'CreateKey', input: {} });
          sim.advanceTo(span.end);
          const cuts = [span.start, ...cutSeconds.sort((a, b) => a - b).map((s) => span.start + s * 1000), span.end];
          let secret = new pricing.Money(0);
          let key = new pricing.Money(0);
          for (let i = 0; i + 1 < cuts.length; i++) {
            const part = pricing.computeBill(sim.state, prices, { accountId: DEFAULT_ACCOUNT_ID, month, storagePeriod: { from: cuts[i]!, to: cuts[i + 1]! } });
            secret = secret.plus(part.lineItems.find((l) => l.id === 'secretsmanager/secret/active/us-east-1')!.amount);
            key = key.plus(part.lineItems.find((l) => l.id === 'kms/key/billed/us-east-1')!.amount);
          }
          expect(exact(secret)).toBe('0.4');
          expect(exact(key)).toBe('1');
          expect(pricing.toCents(secret).toFixed(2)).toBe('0.40');
        },
      ),
      { numRuns: 60 },
    );
  });
});
