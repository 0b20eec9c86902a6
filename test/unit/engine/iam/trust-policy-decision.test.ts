import { describe, expect, it } from 'vitest';
import { createSimulator, iamPolicy } from '../../../../src/engine/index.ts';

// A role's trust policy is decided as a trust policy (it must allow, like a key policy), and explained as one.
function decide(trust: unknown, principalArn = 'arn:aws:iam::111122223333:user/admin') {
  const sim = createSimulator();
  const principal = sim.identify({ principalArn })!;
  const decision = sim.authorize({
    principal,
    action: 'sts:AssumeRole',
    resourceArn: 'arn:aws:iam::111122223333:role/App',
    resourceAccountId: '111122223333',
    region: 'us-east-1',
    context: {},
    resourcePolicy: { type: 'trust', document: JSON.stringify(trust) },
  });
  return decision as typeof decision & { trace: { reasons: { code: string; message: string; policyType?: string }[]; explanation: string } };
}

describe('trust policies in the decision', () => {
  it('refuse an administrator the role does not trust, and say it was the trust policy', () => {
    const decision = decide({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(decision.allowed).toBe(false);
    const codes = decision.trace.reasons.map((r) => r.code);
    expect(codes).toContain('TRUST_POLICY_NO_ALLOW');
    expect(codes).not.toContain('KEY_POLICY_NO_ALLOW');
    expect(decision.trace.explanation).not.toMatch(/key policy/);
  });

  it('delegate to IAM policies when they trust the account', () => {
    const decision = decide({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] });
    expect(decision.allowed).toBe(true);
    expect(decision.trace.reasons.map((r) => r.code)).toContain('TRUST_POLICY_ENABLES_IAM');
  });
});

describe('public access in a key policy', () => {
  it('does not call the AWS managed key policy public: kms:CallerAccount confines the wildcard principal', () => {
    const confined = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }],
    });
    expect(iamPolicy.validatePolicy(confined, 'key').findings.map((f) => f.code)).not.toContain('PUBLIC_ACCESS');
    const open = confined.replace(/,"Condition":\{[^}]*\}\}/, '');
    expect(iamPolicy.validatePolicy(open, 'key').findings.map((f) => f.code)).toContain('PUBLIC_ACCESS');
  });
});
