import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, HOUR, pricing, type Simulator } from '../../../../src/engine/index.ts';
import { prices } from './price-files.ts';

/**
 * Worked examples, each reproduced to the cent by running the simulation and billing what it did. The reasoning
 * behind every figure is in the comment above it: list prices are us-east-1's from content/pricing (secret $0.40 a
 * month, Secrets Manager calls $0.05 per 10,000, KMS key $1 a month, KMS requests $0.03 per 10,000 with 20,000 free a
 * month). Worlds start at midnight UTC on the first of a month, so a full month of storage is exact.
 */

const APRIL = Date.UTC(2026, 3, 1); // 30 days: 720 hours
const ACCOUNT = '111122223333';

function world(startTime = Date.UTC(2026, 0, 1)): Simulator {
  return createSimulator({ startTime });
}

function ok<T = Record<string, unknown>>(sim: Simulator, service: string, operation: string, input: unknown, region?: string): T {
  const result = sim.call<T>({ service, operation, input, ...(region ? { region } : {}) });
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.output;
}

function bill(sim: Simulator, month: string, freeTier = true) {
  return pricing.computeBill(sim.state, prices, { accountId: ACCOUNT, month, freeTier });
}

function line(b: pricing.Bill, id: string) {
  const found = b.lineItems.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id} in ${b.lineItems.map((l) => l.id).join(', ')}`);
  return found;
}

describe('worked examples, to the cent', () => {
  it("the study guide's example: 10 secrets, 100,000 API requests, one customer managed key", () => {
    const sim = world();
    const key = ok<{ keyMetadata: { keyId: string } }>(sim, 'kms', 'CreateKey', {}).keyMetadata.keyId;
    for (let i = 0; i < 10; i++) ok(sim, 'secretsmanager', 'CreateSecret', { name: `app/${i}`, secretString: 's3cret', kmsKeyId: key });
    // 10 CreateSecret calls so far; 99,990 reads make 100,000 Secrets Manager calls in all.
    for (let i = 0; i < 99_990; i++) ok(sim, 'secretsmanager', 'GetSecretValue', { secretId: `app/${i % 10}` });
    sim.advanceTo(Date.UTC(2026, 1, 1));

    // Exam view: 10 × $0.40 = $4.00 storage; 100,000 / 10,000 × $0.05 = $0.50 calls; $1.00 for the key;
    // KMS requests: every read is a Decrypt and every new secret a GenerateDataKey (100,000), plus CreateKey itself
    // (100,001) × $0.03 / 10,000 = $0.300003. Total $5.800003: $5.80, the guide's figure.
    const exam = bill(sim, '2026-01', false);
    expect(line(exam, 'secretsmanager/api-requests').usage.toNumber()).toBe(100_000);
    expect(line(exam, 'kms/requests').usage.toNumber()).toBe(100_001);
    expect(line(exam, 'secretsmanager/api-requests').byOperation).toEqual({ GetSecretValue: 99_990, CreateSecret: 10 });
    expect(line(exam, 'kms/requests').explanation).toMatch(/^100,001 requests \(Decrypt 99,990, GenerateDataKey 10, CreateKey 1\)/);
    expect(exam.total.toString()).toBe('5.800003');
    expect(exam.totalDue.toFixed(2)).toBe('5.80');

    // With the free tier: the first 20,000 KMS requests are free, so 80,001 × $0.03 / 10,000 = $0.240003 and the
    // total is $5.740003: $5.74, six cents less.
    const real = bill(sim, '2026-01');
    expect(line(real, 'kms/requests').freeUsage.toNumber()).toBe(20_000);
    expect(real.total.toString()).toBe('5.740003');
    expect(real.totalDue.toFixed(2)).toBe('5.74');
    expect(real.freeTierSavings.toString()).toBe('0.06');
    const comparison = pricing.examComparison(sim.state, prices, { accountId: ACCOUNT, month: '2026-01' });
    expect(comparison.difference.toFixed(2)).toBe('0.06');
    expect(comparison.explanation).toMatch(/ignores the always-free tiers .*; here that adds \$0\.06\.$/);
  });

  it('proration for part of a month: 360 of 720 hours is half the monthly price', () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'half', secretString: 'x' });
    sim.advance({ hours: 360 });
    ok(sim, 'secretsmanager', 'DeleteSecret', { secretId: 'half', forceDeleteWithoutRecovery: true });
    sim.advanceTo(Date.UTC(2026, 4, 1));
    // $0.40 × 360 / 720 = $0.20 exactly; two API calls add $0.00001, which rounds away.
    const b = bill(sim, '2026-04', false);
    expect(line(b, 'secretsmanager/secret/active/us-east-1').amount.toString()).toBe('0.2');
    expect(b.totalDue.toFixed(2)).toBe('0.20');
  });

  it('proration in a 31-day month: a secret created at noon on the 16th', () => {
    const sim = world();
    sim.advance({ days: 15, hours: 12 });
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'late', secretString: 'x' });
    sim.advanceTo(Date.UTC(2026, 1, 1));
    // January has 744 hours; the secret existed for the last 372 of them: $0.40 × 372 / 744 = $0.20.
    const b = bill(sim, '2026-01');
    expect(line(b, 'secretsmanager/secret/active/us-east-1').usage.toNumber()).toBe(372);
    expect(b.totalDue.toFixed(2)).toBe('0.20');
  });

  it('a secret deleted mid-month is billed until its deletion is scheduled, not while it waits', () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'gone', secretString: 'x' });
    sim.advance({ days: 10 });
    ok(sim, 'secretsmanager', 'DeleteSecret', { secretId: 'gone', recoveryWindowInDays: 7 });
    sim.advanceTo(Date.UTC(2026, 4, 1));
    // Active 240 hours: $0.40 × 240 / 720 = $0.1333…; the 7-day recovery window (168 hours) is shown at $0, then the
    // secret is purged and costs nothing more. Total $0.13.
    const b = bill(sim, '2026-04');
    expect(line(b, 'secretsmanager/secret/active/us-east-1').usage.toNumber()).toBe(240);
    const waiting = line(b, 'secretsmanager/secret/pending-deletion/us-east-1');
    expect(waiting.usage.toNumber()).toBe(168);
    expect(waiting.amount.isZero()).toBe(true);
    expect(waiting.explanation).toMatch(/does not charge/);
    expect(b.totalDue.toFixed(2)).toBe('0.13');
  });

  it('replicas are billed as secrets of their own: a primary and two replicas cost $1.20 a month', () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', {
      name: 'global',
      secretString: 'x',
      addReplicaRegions: [{ region: 'eu-west-1' }, { region: 'ap-southeast-2' }],
    });
    sim.advanceTo(Date.UTC(2026, 4, 1));
    // $0.40 for the primary in us-east-1 and $0.40 for each replica (the table has only us-east-1 prices, and the bill
    // says so); one CreateSecret call, $0.000005.
    const b = bill(sim, '2026-04');
    expect(line(b, 'secretsmanager/secret/active/us-east-1').amount.toString()).toBe('0.4');
    expect(line(b, 'secretsmanager/secret/replica/eu-west-1').amount.toString()).toBe('0.4');
    const sydney = line(b, 'secretsmanager/secret/replica/ap-southeast-2');
    expect(sydney.explanation).toMatch(/billed as a secret of its own.*us-east-1's is used/);
    expect(b.totalDue.toFixed(2)).toBe('1.20');
  });

  it('a customer managed key rotated twice costs $1 more per rotation, prorated, and nothing for a third', () => {
    const sim = world();
    const keyId = ok<{ keyMetadata: { keyId: string } }>(sim, 'kms', 'CreateKey', {}).keyMetadata.keyId;
    sim.advance({ days: 10 });
    ok(sim, 'kms', 'RotateKeyOnDemand', { keyId });
    sim.advance({ days: 10 });
    ok(sim, 'kms', 'RotateKeyOnDemand', { keyId });
    sim.advanceTo(Date.UTC(2026, 1, 1));
    // January (31 days): $1.00 for the key; the first rotation adds $1 for the 21 days left, the second $1 for 11:
    // $1 × (21 + 11) / 31 = $1.0322580…; total $2.0322580…, $2.03. Three KMS requests, free.
    const january = bill(sim, '2026-01');
    expect(line(january, 'kms/key-rotation/us-east-1').amount.toDecimalPlaces(10).toString()).toBe('1.0322580645');
    expect(january.totalDue.toFixed(2)).toBe('2.03');

    sim.advance({ days: 5 });
    ok(sim, 'kms', 'RotateKeyOnDemand', { keyId });
    sim.advanceTo(Date.UTC(2026, 2, 1));
    // February: $1 + $1 + $1 = $3.00 all month; the third rotation on the 6th adds nothing (only the first two are billed).
    const february = bill(sim, '2026-02');
    expect(line(february, 'kms/key/billed/us-east-1').amount.toString()).toBe('1');
    expect(line(february, 'kms/key-rotation/us-east-1').amount.toString()).toBe('2');
    expect(february.totalDue.toFixed(2)).toBe('3.00');
  });

  it("the KMS free tier is one allowance across all Regions", () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'east', secretString: 'x' });
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'west', secretString: 'x' }, 'eu-west-1');
    for (let i = 0; i < 15_000; i++) {
      ok(sim, 'secretsmanager', 'GetSecretValue', { secretId: 'east' });
      ok(sim, 'secretsmanager', 'GetSecretValue', { secretId: 'west' }, 'eu-west-1');
    }
    sim.advanceTo(Date.UTC(2026, 4, 1));
    // KMS: 30,000 Decrypts + 2 GenerateDataKey = 30,002 requests to the (free to keep) aws/secretsmanager keys of two
    // Regions. One allowance of 20,000 covers both Regions, leaving 10,002 × $0.03 / 10,000 = $0.0300060.
    // Secrets Manager: 2 × $0.40 + 30,002 calls × $0.05 / 10,000 = $0.80 + $0.150010.
    // Total $0.980016 → $0.98; the exam view (no free tier) adds $0.06: $1.040016 → $1.04.
    const real = bill(sim, '2026-04');
    expect(line(real, 'kms/requests').usage.toNumber()).toBe(30_002);
    expect(line(real, 'kms/requests').amount.toString()).toBe('0.030006');
    expect(real.total.toString()).toBe('0.980016');
    expect(real.totalDue.toFixed(2)).toBe('0.98');
    expect(bill(sim, '2026-04', false).totalDue.toFixed(2)).toBe('1.04');
  });

  it('a secret restored during its recovery window is billed again from the restore', () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'back', secretString: 'x' });
    sim.advance({ days: 5 });
    ok(sim, 'secretsmanager', 'DeleteSecret', { secretId: 'back', recoveryWindowInDays: 30 });
    sim.advance({ days: 3 });
    ok(sim, 'secretsmanager', 'RestoreSecret', { secretId: 'back' });
    sim.advanceTo(Date.UTC(2026, 4, 1));
    // 30 days less the 3 spent waiting: 27 days = 648 hours, $0.40 × 648 / 720 = $0.36.
    const b = bill(sim, '2026-04');
    expect(line(b, 'secretsmanager/secret/active/us-east-1').usage.toNumber()).toBe(648);
    expect(b.totalDue.toFixed(2)).toBe('0.36');
  });

  it('a month still running is billed up to the virtual clock', () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'now', secretString: 'x' });
    sim.advance(6 * HOUR);
    const b = bill(sim, '2026-04');
    expect(b.periodEnd).toBe(APRIL + 6 * HOUR);
    // 6 hours of 720: $0.40 × 6 / 720 = $0.00333…
    expect(line(b, 'secretsmanager/secret/active/us-east-1').usage.toNumber()).toBe(6);
    expect(b.totalDue.toFixed(2)).toBe('0.00');
    expect(bill(sim, '2026-05').lineItems).toEqual([]);
    void DAY;
  });

  it('allocates storage by tag, and says what cannot be allocated', () => {
    const sim = world(APRIL);
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'a', secretString: 'x', tags: [{ key: 'team', value: 'payments' }] });
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'b', secretString: 'x', tags: [{ key: 'team', value: 'search' }] });
    ok(sim, 'secretsmanager', 'CreateSecret', { name: 'c', secretString: 'x' });
    sim.advance({ days: 15 });
    ok(sim, 'secretsmanager', 'TagResource', { secretId: 'c', tags: [{ key: 'team', value: 'payments' }] });
    sim.advanceTo(Date.UTC(2026, 4, 1));
    const b = bill(sim, '2026-04');
    const team = b.allocation.find((a) => a.tagKey === 'team')!;
    // payments: a all month ($0.40) + c for the second half ($0.20); search: b ($0.40); untagged: c's first half.
    expect(team.byValue.payments!.toString()).toBe('0.6');
    expect(team.byValue.search!.toString()).toBe('0.4');
    expect(team.byValue['(untagged)']!.toString()).toBe('0.2');
    // The 4 API calls (3 CreateSecret, 1 TagResource: $0.00002) belong to no resource in this simulator.
    expect(b.unallocated.toString()).toBe('0.00002');
  });
});

describe('worked examples from described months (the table `secretslab bill --usage` prices)', () => {
  // Each row: what the month held, the exam-view total (no free tier) and the real bill's total, and why.
  const rows: { name: string; usage: pricing.UsageDescription; exam: string; real: string }[] = [
    // The study guide: $4.00 + $0.50 + $1.00 + 100,000 × $0.03 / 10,000 ($0.30) = $5.80; free tier takes 20,000
    // KMS requests off ($0.06): $5.74.
    { name: "the study guide's example", usage: { month: '2026-01', secrets: 10, secretsManagerCalls: 100_000, customerManagedKeys: 1, kmsRequests: 100_000 }, exam: '5.80', real: '5.74' },
    // One secret all month: $0.40 (reference, "our arithmetic").
    { name: 'one secret', usage: { month: '2026-04', secrets: 1 }, exam: '0.40', real: '0.40' },
    // A primary and two replicas: 3 × $0.40.
    { name: 'primary and two replicas', usage: { month: '2026-04', secrets: 1, replicas: 2 }, exam: '1.20', real: '1.20' },
    // 1,000,000 GetSecretValue calls: 100 × $0.05 = $5.00; with the AWS managed key the 1,000,000 Decrypts still cost
    // $3.00 in the exam view, $2.94 after the free tier.
    { name: 'a million reads', usage: { month: '2026-04', secretsManagerCalls: 1_000_000, kmsRequests: 1_000_000 }, exam: '8.00', real: '7.94' },
    // 100 secrets + 1 M calls: $40 + $5 = $45 (reference), KMS left out as the reference does.
    { name: '100 secrets and a million calls', usage: { month: '2026-04', secrets: 100, secretsManagerCalls: 1_000_000 }, exam: '45.00', real: '45.00' },
    // A key rotated five times: $1 + $1 + $1 (only two rotations billed) = $3.00.
    { name: 'a key rotated five times', usage: { month: '2026-04', customerManagedKeys: 1, keyRotations: 5 }, exam: '3.00', real: '3.00' },
    // 100 secrets rotated monthly at 128 MB, 1 s a step: 400 requests and 400 × 128 × 1000 MB-ms = 50 GB-s.
    // Exam view: 400 × $0.0000002 + 50 × $0.0000166667 = $0.00008 + $0.000833335 = $0.000913335 (the reference says
    // "≈ $0.00088", which drops part of the sum), $0.00 to the cent; inside the free tier either way.
    { name: 'rotation functions', usage: { month: '2026-04', lambdaRequests: 400, lambdaMbMs: 400 * 128 * 1000 }, exam: '0.00', real: '0.00' },
  ];

  it.each(rows)('$name', ({ usage, exam, real }) => {
    const described = pricing.describedWorld(usage);
    const request = { accountId: described.accountId, month: described.month };
    expect(pricing.computeBill(described.world, prices, { ...request, freeTier: false }).totalDue.toFixed(2)).toBe(exam);
    expect(pricing.computeBill(described.world, prices, request).totalDue.toFixed(2)).toBe(real);
  });

  it("keeps the rotation functions' exact cost below a cent", () => {
    const described = pricing.describedWorld({ month: '2026-04', lambdaRequests: 400, lambdaMbMs: 400 * 128 * 1000 });
    const exam = pricing.computeBill(described.world, prices, { accountId: described.accountId, month: described.month, freeTier: false });
    expect(exam.total.toString()).toBe('0.000913335');
  });
});
