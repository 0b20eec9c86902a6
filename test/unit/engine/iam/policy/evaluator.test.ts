import { describe, expect, it } from 'vitest';
import { arnMatch, authorize, ContextKeys, describeCaller, evaluatePolicy, globMatch, policyFromDocument, withPrincipalKeys } from '../../../../../src/engine/iam/policy/index.ts';
import type { EvaluationRequest } from '../../../../../src/engine/iam/policy/index.ts';

const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-AbCdEf';

function request(overrides: Partial<EvaluationRequest> = {}, context: Record<string, string | string[]> = {}): EvaluationRequest {
  const caller = describeCaller('arn:aws:iam::111111111111:user/alice');
  return {
    caller,
    action: 'secretsmanager:GetSecretValue',
    resource: SECRET,
    context: withPrincipalKeys(caller, new ContextKeys(context)),
    hasPermissionsBoundary: false,
    ...overrides,
  };
}

describe('glob and ARN matching', () => {
  it.each([
    ['*', 'anything:at/all', true],
    ['a*c', 'abbbc', true],
    ['a?c', 'abc', true],
    ['a?c', 'abbc', false],
    ['a.c', 'abc', false],
    ['secret:prod/*', 'secret:prod/a/b', true],
    ['(x)[y]+', '(x)[y]+', true],
  ])('globMatch(%s, %s) = %s', (pattern, value, expected) => {
    expect(globMatch(pattern, value)).toBe(expected);
  });

  it('matches case-insensitively only when asked', () => {
    expect(globMatch('SecretsManager:Get*', 'secretsmanager:GetSecretValue', true)).toBe(true);
    expect(globMatch('SecretsManager:Get*', 'secretsmanager:GetSecretValue')).toBe(false);
  });

  it('matches ARNs component by component', () => {
    expect(arnMatch('arn:aws:secretsmanager:*:111111111111:secret:*', SECRET)).toBe(true);
    expect(arnMatch('arn:aws:secretsmanager:*:*:secret:prod/db-??????', SECRET)).toBe(true);
    // A wildcard in the region component cannot absorb the account component.
    expect(arnMatch('arn:aws:secretsmanager:*:secret:prod/*', SECRET)).toBe(false);
    expect(arnMatch('arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/*', '*')).toBe(false);
  });
});

describe('describeCaller', () => {
  it('derives the caller kind and the role ARN of a session', () => {
    expect(describeCaller('arn:aws:iam::111111111111:root').kind).toBe('root');
    expect(describeCaller('arn:aws:sts::222222222222:assumed-role/Reader/s1')).toMatchObject({ kind: 'assumed-role', account: '222222222222', roleArn: 'arn:aws:iam::222222222222:role/Reader' });
    expect(describeCaller('lambda.amazonaws.com').kind).toBe('service');
    expect(() => describeCaller('arn:aws:s3:::bucket')).toThrow(/not a caller ARN/);
  });

  it('adds the principal context keys', () => {
    const session = describeCaller('arn:aws:sts::222222222222:assumed-role/Reader/s1');
    const keys = withPrincipalKeys(session, new ContextKeys({}));
    expect(keys.single('aws:PrincipalArn')).toBe('arn:aws:iam::222222222222:role/Reader');
    expect(keys.single('aws:principaltype')).toBe('AssumedRole');
    expect(keys.has('aws:username')).toBe(false);
    const user = withPrincipalKeys(describeCaller('arn:aws:iam::111111111111:user/team/alice'), new ContextKeys({ 'aws:PrincipalAccount': 'given' }));
    expect(user.single('aws:username')).toBe('alice');
    expect(user.single('aws:PrincipalAccount')).toBe('given');
  });
});

describe('evaluatePolicy trace', () => {
  const policy = policyFromDocument({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'OtherService', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
      { Sid: 'WrongResource', Effect: 'Allow', Action: 'secretsmanager:*', Resource: 'arn:aws:secretsmanager:*:*:secret:dev/*' },
      {
        Sid: 'Conditional',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:PrincipalTag/team': 'payments' },
          StringNotEquals: { 'secretsmanager:VersionStage': 'AWSPENDING' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] },
          BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' },
        },
      },
      { Effect: 'Deny', NotAction: 'secretsmanager:*', Resource: '*' },
    ],
  });

  it('says which element failed and why, per statement', () => {
    const result = evaluatePolicy(policy, request(), { principalRequired: false });
    const [other, wrongResource, conditional, notAction] = result.statements;
    expect(other).toMatchObject({ label: 'OtherService', applies: false, failed: ['Action'], resource: { evaluated: false } });
    expect(wrongResource).toMatchObject({ applies: false, failed: ['Resource'], action: { matched: true, entry: { value: 'secretsmanager:*' } } });
    expect(wrongResource?.resource.note).toContain('no Resource entry matches');
    expect(conditional?.failed).toEqual(['Condition']);
    expect(conditional?.conditions.map((c) => [c.operator, c.matched, c.outcome])).toEqual([
      ['StringEquals', false, 'key-absent'],
      ['StringNotEquals', true, 'key-absent-negated-operator'],
      ['ForAllValues:StringEquals', true, 'for-all-values-empty-set'],
      ['BoolIfExists', true, 'key-absent-if-exists'],
    ]);
    expect(notAction).toMatchObject({ label: 'Statement[3]', applies: false, failed: ['NotAction'] });
    expect(notAction?.action.note).toContain('excludes');
    expect(result.allows).toEqual([]);
    expect(result.denies).toEqual([]);
  });

  it('reports matching statements and condition values', () => {
    const result = evaluatePolicy(policy, request({}, { 'aws:PrincipalTag/team': 'payments' }), { principalRequired: false });
    expect(result.allows.map((s) => s.label)).toEqual(['Conditional']);
    expect(result.statements[2]?.conditions[0]).toMatchObject({ matched: true, outcome: 'values-matched', requestValues: ['payments'], policyValues: ['payments'] });
    const denied = evaluatePolicy(policy, request({ action: 'kms:Decrypt' }), { principalRequired: false });
    expect(denied.denies.map((s) => s.label)).toEqual(['Statement[3]']);
  });

  it('records unresolved variables', () => {
    const withVariable = policyFromDocument({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'secretsmanager:ResourceTag/owner': '${aws:PrincipalTag/owner}' } } }],
    });
    const result = evaluatePolicy(withVariable, request({}, { 'secretsmanager:ResourceTag/owner': 'alice' }), { principalRequired: false });
    expect(result.statements[0]?.conditions[0]).toMatchObject({ matched: false, unresolvedVariables: ['aws:PrincipalTag/owner'] });
  });

  it('reports the principal match kind in resource policies', () => {
    const resourcePolicy = policyFromDocument({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ['111111111111', 'arn:aws:iam::111111111111:user/alice'] }, Action: '*', Resource: '*' }],
    });
    const result = evaluatePolicy(resourcePolicy, request(), { principalRequired: true });
    expect(result.statements[0]?.principal).toMatchObject({ matched: true, kind: 'direct-user', entry: { value: 'arn:aws:iam::111111111111:user/alice' } });
  });
});

describe('authorize result', () => {
  it('carries an explanation, per-policy outcomes and statement ranges', () => {
    const identity = policyFromDocument('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "Read", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}\n  ]\n}');
    const result = authorize({
      request: { principal: 'arn:aws:iam::111111111111:user/alice', action: 'secretsmanager:GetSecretValue', resource: SECRET, resourceAccount: '111111111111' },
      policies: { identity: [{ name: 'ReadSecrets', policy: identity }], boundary: { name: 'Boundary', policy: policyFromDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) } },
    });
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.policies.map((p) => [p.policyType, p.name, p.outcome])).toEqual([
      ['identity', 'ReadSecrets', 'allows'],
      ['boundary', 'Boundary', 'does-not-apply'],
    ]);
    expect(result.reasons.map((r) => r.code)).toEqual(['IDENTITY_POLICY_ALLOWS', 'BOUNDARY_NO_ALLOW']);
    expect(result.reasons[0]?.statements[0]).toMatchObject({ label: 'Read', policyName: 'ReadSecrets', range: { line: 4, column: 5 } });
    expect(result.explanation).toBe(
      `secretsmanager:GetSecretValue on ${SECRET} is implicitly denied. An identity-based policy allows the action. The permissions boundary does not allow the action.`,
    );
  });
});
