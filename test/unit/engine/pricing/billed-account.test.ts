import { describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_ACCOUNT_ID, SECOND_ACCOUNT_ID, pricing } from '../../../../src/engine/index.ts';
import { finishRun, rotationLab, sm, token } from '../rotation/helpers.ts';
import { prices } from './price-files.ts';

/** Who pays: the caller's account for calls (KMS included), the owner for storage; rotation functions at Lambda rates. */

const OTHER = { principalArn: 'arn:aws:iam::444455556666:user/admin' };

describe('billed account', () => {
  it("bills a cross-account read and the KMS Decrypt made for it to the caller, the storage to the owner", () => {
    const sim = createSimulator();
    const call = (service: string, operation: string, input: unknown, caller?: typeof OTHER) => {
      const result = sim.call<Record<string, unknown>>({ service, operation, input, ...(caller ? { caller } : {}) });
      if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
      return result.output;
    };
    const keyId = (call('kms', 'CreateKey', {}).keyMetadata as { keyId: string }).keyId;
    call('kms', 'PutKeyPolicy', {
      keyId,
      policyName: 'default',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root` }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT_ID}:root` }, Action: 'kms:Decrypt', Resource: '*' },
        ],
      }),
    });
    const arn = call('secretsmanager', 'CreateSecret', { name: 'shared', secretString: 'v', kmsKeyId: keyId }).arn as string;
    call('secretsmanager', 'PutResourcePolicy', {
      secretId: 'shared',
      resourcePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT_ID}:root` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }),
    });
    for (let i = 0; i < 1000; i++) call('secretsmanager', 'GetSecretValue', { secretId: arn }, OTHER);
    sim.advanceTo(Date.UTC(2026, 1, 1));

    const owner = pricing.computeBill(sim.state, prices, { accountId: DEFAULT_ACCOUNT_ID, month: '2026-01', freeTier: false });
    const caller = pricing.computeBill(sim.state, prices, { accountId: SECOND_ACCOUNT_ID, month: '2026-01', freeTier: false });
    const usage = (bill: pricing.Bill, id: string) => bill.lineItems.find((l) => l.id === id)?.usage.toNumber() ?? 0;
    // The caller: 1,000 GetSecretValue calls and the 1,000 Decrypts Secrets Manager made for them; no storage.
    expect(usage(caller, 'secretsmanager/api-requests')).toBe(1000);
    expect(usage(caller, 'kms/requests')).toBe(1000);
    expect(caller.lineItems.every((l) => l.id.endsWith('requests'))).toBe(true);
    // $0.005 + $0.003 in the exam view.
    expect(caller.total.toString()).toBe('0.008');
    // The owner: the secret and the key all month, its own two Secrets Manager calls and three KMS requests
    // (CreateKey, PutKeyPolicy, GenerateDataKey for the new secret), none of the caller's reads.
    expect(usage(owner, 'secretsmanager/api-requests')).toBe(2);
    expect(usage(owner, 'kms/requests')).toBe(3);
    expect(owner.totalDue.toFixed(2)).toBe('1.40');
  });

  it('bills a rotation function at Lambda rates, from the requests and MB-ms the rotation metered', () => {
    const lab = rotationLab();
    sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, clientRequestToken: token(2) });
    finishRun(lab.sim, lab.secretArn);
    const month = pricing.monthOf(lab.sim.now);
    const meters = lab.sim.state.usage[month]![DEFAULT_ACCOUNT_ID]!;
    const exam = pricing.computeBill(lab.sim.state, prices, { accountId: DEFAULT_ACCOUNT_ID, month, freeTier: false });
    const real = pricing.computeBill(lab.sim.state, prices, { accountId: DEFAULT_ACCOUNT_ID, month });
    const line = (bill: pricing.Bill, id: string) => bill.lineItems.find((l) => l.id === id)!;
    // Four steps, four invocations: 4 × $0.20 / 1,000,000.
    expect(line(exam, 'lambda/requests').usage.toNumber()).toBe(4);
    expect(line(exam, 'lambda/requests').amount.toString()).toBe('8e-7');
    // GB-seconds = MB-ms / 1,024 / 1,000, at $0.0000166667 each.
    const gbSeconds = new pricing.Money(meters['lambda:MbMs']!).div(1024 * 1000);
    expect(line(exam, 'lambda/duration-gb-second').usage.toString()).toBe(gbSeconds.toString());
    expect(line(exam, 'lambda/duration-gb-second').amount.toString()).toBe(gbSeconds.times('0.0000166667').toString());
    // The always-free tier (1 M requests, 400,000 GB-s) covers a rotation entirely.
    expect(line(real, 'lambda/requests').amount.isZero()).toBe(true);
    expect(line(real, 'lambda/duration-gb-second').amount.isZero()).toBe(true);
  });
});
