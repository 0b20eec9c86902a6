/**
 * The evaluator remembers, per parsed statement, results that depend only on part of the request (the Action result
 * per action, the Resource result per resource, the Principal result per caller, a fixed condition's result per
 * request value). Remembering must never change an answer: a policy evaluated many times against varied requests
 * gives exactly the result (decision, reasons and the whole trace) that a freshly parsed copy gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  authorizeThroughKey,
  ContextKeys,
  describeCaller,
  globMatch,
  policyFromDocument,
  withPrincipalKeys,
} from '../../../../../src/engine/iam/policy/index.ts';
import { addPrincipalKeys } from '../../../../../src/engine/iam/policy/request-context.ts';
import type { AuthorizationInput, AuthorizationResult, KeyStep, NamedPolicy } from '../../../../../src/engine/iam/policy/index.ts';
import { compileGlob, testGlob } from '../../../../../src/engine/iam/policy/glob.ts';

const A = '111111111111';
const B = '222222222222';
const secret = (account: string, name: string) => `arn:aws:secretsmanager:us-east-1:${account}:secret:${name}`;
const KEY = `arn:aws:kms:us-east-1:${B}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const documents = {
  identity: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Read',
        Effect: 'Allow',
        Action: ['secretsmanager:Get*', 'secretsmanager:Describe*'],
        Resource: [secret('*', 'prod/*'), secret(A, 'dev/${aws:username}/*')],
      },
      {
        Sid: 'Office',
        Effect: 'Allow',
        Action: 'secretsmanager:*',
        Resource: '*',
        Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
      },
      {
        Sid: 'Team',
        Effect: 'Allow',
        Action: 'SecretsManager:GetSecretValue',
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalTag/team': ['orders*', 'pay?ents'] } },
      },
      {
        Sid: 'Tags',
        Effect: 'Deny',
        Action: 'secretsmanager:*',
        Resource: '*',
        Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['admin'] } },
      },
      {
        Sid: 'Late',
        Effect: 'Deny',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      },
      {
        Sid: 'NotTls',
        Effect: 'Deny',
        NotAction: 'kms:*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'Kms',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        NotResource: `arn:aws:kms:*:${A}:key/*`,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ],
  },
  resource: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Account',
        Effect: 'Allow',
        Principal: { AWS: A },
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      },
      {
        Sid: 'Role',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:role/App` },
        Action: 'secretsmanager:*',
        Resource: '*',
      },
      {
        Sid: 'NotMe',
        Effect: 'Deny',
        NotPrincipal: { AWS: [`arn:aws:iam::${A}:root`, `arn:aws:iam::${A}:user/alice`] },
        Action: 'secretsmanager:DeleteSecret',
        Resource: '*',
      },
      {
        Sid: 'Org',
        Effect: 'Deny',
        Principal: '*',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': [A, B] } },
      },
    ],
  },
  boundary: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['secretsmanager:*', 'kms:*'],
        Resource: '*',
        Condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
      },
    ],
  },
  key: {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Partner',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:root` },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringLike: { 'kms:EncryptionContext:SecretARN': secret(B, 'shared/*') } },
      },
    ],
  },
};

function policySet(withBoundary: boolean) {
  const named = (name: string, document: unknown): NamedPolicy => ({ name, policy: policyFromDocument(document) });
  return {
    identity: [named('identity', documents.identity)],
    resource: named('resource', documents.resource),
    boundary: withBoundary ? named('boundary', documents.boundary) : null,
    key: { keyArn: KEY, keyPolicy: named('key', documents.key) } satisfies KeyStep,
  };
}

const requestArb = fc.record({
  principal: fc.constantFrom(
    `arn:aws:iam::${A}:user/alice`,
    `arn:aws:iam::${A}:user/bob`,
    `arn:aws:sts::${A}:assumed-role/App/s1`,
    `arn:aws:iam::${A}:root`,
    `arn:aws:iam::333333333333:user/eve`,
  ),
  action: fc.constantFrom(
    'secretsmanager:GetSecretValue',
    'secretsmanager:getsecretvalue',
    'secretsmanager:DescribeSecret',
    'secretsmanager:DeleteSecret',
    'kms:Decrypt',
    'secretsmanager:ListSecrets',
  ),
  resource: fc.constantFrom(
    secret(A, 'prod/db-AbCdEf'),
    secret(A, 'dev/alice/x-1'),
    secret(A, 'dev/bob/x-1'),
    secret(B, 'shared/db-Zx81Qa'),
    '*',
    `arn:aws:kms:us-east-1:${A}:key/k1`,
  ),
  context: fc.record(
    {
      'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.1', '2001:db8::1', 'not-an-ip'),
      'aws:PrincipalTag/team': fc.constantFrom('orders-api', 'payments', 'paYments', 'ops'),
      'aws:TagKeys': fc.constantFrom<string | string[]>([], ['env'], ['admin', 'env'], 'admin'),
      'aws:CurrentTime': fc.constantFrom('2026-01-01T00:00:00Z', '2031-06-01T00:00:00Z'),
      'aws:SecureTransport': fc.constantFrom('true', 'false'),
      'aws:MultiFactorAuthAge': fc.constantFrom('60', '7200'),
    },
    { requiredKeys: [] },
  ),
  withBoundary: fc.boolean(),
  throughKey: fc.boolean(),
});

describe('remembered evaluation results', () => {
  // Long-lived policy sets: every request below warms their memos further.
  const warm = { true: policySet(true), false: policySet(false) };

  it('never change a decision or its trace', () => {
    fc.assert(
      fc.property(requestArb, ({ principal, action, resource, context, withBoundary, throughKey }) => {
        const decide = (set: ReturnType<typeof policySet>): AuthorizationResult & { steps?: AuthorizationResult[] } => {
          const input: AuthorizationInput = {
            request: { principal, action, resource, resourceAccount: resource.includes(B) ? B : A, context },
            policies: { identity: set.identity, resource: set.resource, boundary: set.boundary },
          };
          return throughKey ? authorizeThroughKey(input, set.key) : authorize(input);
        };
        const remembered = decide(warm[String(withBoundary) as 'true' | 'false']);
        const fresh = decide(policySet(withBoundary));
        expect(remembered).toEqual(fresh);
        // And each condition's trace shows the request's own values for its key (both runs share the memo code).
        // (The KMS step has a context of its own, so only the service call is checked.)
        const serviceCall = remembered.steps ? remembered.steps[0] : remembered;
        if (serviceCall) {
          for (const condition of serviceCall.policies.flatMap((p) => p.statements.flatMap((s) => s.conditions))) {
            if (!(condition.key in context)) continue;
            const given = context[condition.key as keyof typeof context] as string | string[];
            expect(condition.requestValues).toEqual(typeof given === 'string' ? [given] : given);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('compiled globs', () => {
  const alphabet = fc.constantFrom(
    'a',
    'A',
    'b',
    'z',
    'Z',
    '*',
    '?',
    ':',
    '/',
    '-',
    'é',
    'É',
    'K',
    'k',
    '\u212a',
    'ſ',
    's',
    'S',
    '.',
    '$',
  );
  const text = fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join(''));

  it('match exactly what globMatch matches, case-sensitive or not', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (pattern, value, ignoreCase) => {
        const matcher = compileGlob(pattern, ignoreCase);
        const compiled =
          typeof matcher === 'string' && ignoreCase ? testGlob(matcher, value.toLowerCase()) : testGlob(matcher, value);
        expect(compiled).toBe(globMatch(pattern, value, ignoreCase));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('principal keys kept beside the request context', () => {
  it('read, list and update as if they had been copied in after the request keys', () => {
    const caller = describeCaller(`arn:aws:iam::${A}:user/team/alice`);
    const context = addPrincipalKeys(
      caller,
      new ContextKeys({ 'AWS:PrincipalAccount': 'given', 'aws:SourceIp': '10.0.0.1' }),
    );
    expect(context.entries()).toEqual([
      ['AWS:PrincipalAccount', 'given'],
      ['aws:SourceIp', '10.0.0.1'],
      ['aws:PrincipalArn', `arn:aws:iam::${A}:user/team/alice`],
      ['aws:PrincipalType', 'User'],
      ['aws:username', 'alice'],
    ]);
    expect(context.get('aws:principalaccount')).toEqual(['given']);
    expect(context.single('AWS:USERNAME')).toBe('alice');
    expect(context.has('aws:PrincipalServiceName')).toBe(false);
    context.set('aws:principaltype', 'Changed');
    context.set('aws:Extra', ['a', 'b']);
    expect(context.entries()).toEqual([
      ['AWS:PrincipalAccount', 'given'],
      ['aws:SourceIp', '10.0.0.1'],
      ['aws:PrincipalArn', `arn:aws:iam::${A}:user/team/alice`],
      ['aws:principaltype', 'Changed'],
      ['aws:username', 'alice'],
      ['aws:Extra', ['a', 'b']],
    ]);
    // Another context of the same caller is unaffected.
    expect(withPrincipalKeys(caller, new ContextKeys()).get('aws:PrincipalType')).toEqual(['User']);
  });
});
