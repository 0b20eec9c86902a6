/**
 * evaluatePolicy keeps, per parsed policy and action, which statements the action skips (their whole results) and the
 * last evaluation, handed out again when every statement comes out the same. Neither may ever change an answer: on
 * random policies and a random stream of requests (repeats, other actions in between, other callers, boundaries),
 * each evaluation equals the one built statement by statement with evaluateStatement, and a repeated request gets the
 * same trace as its first evaluation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContextKeys,
  describeCaller,
  evaluatePolicy,
  evaluateStatement,
  policyFromDocument,
  variablesEnabled,
  withPrincipalKeys,
} from '../../../../../src/engine/iam/policy/index.ts';
import type { EvaluationOptions, EvaluationRequest, ParsedPolicy, PolicyEvaluation } from '../../../../../src/engine/iam/policy/index.ts';

const A = '111111111111';
const B = '222222222222';
const secret = (account: string, name: string) => `arn:aws:secretsmanager:us-east-1:${account}:secret:${name}`;

const statementArb = fc
  .record({
    effect: fc.constantFrom('Allow', 'Deny'),
    not: fc.boolean(),
    action: fc.constantFrom<string | string[]>(
      'secretsmanager:GetSecretValue',
      'secretsmanager:get*',
      ['kms:Decrypt', 'secretsmanager:DescribeSecret'],
      'kms:*',
      '*',
    ),
    resource: fc.constantFrom<string | string[]>('*', secret('*', 'prod/*'), [secret(A, 'dev/${aws:username}/*'), 'arn:aws:kms:*:*:key/*']),
    principal: fc.constantFrom<unknown>(undefined, '*', { AWS: A }, { AWS: `arn:aws:iam::${A}:user/alice` }, { AWS: `arn:aws:iam::${A}:role/App` }),
    condition: fc.constantFrom<unknown>(
      undefined,
      { StringEquals: { 'aws:PrincipalTag/team': 'orders' } },
      { StringLike: { 'aws:PrincipalTag/team': '${aws:username}*' } },
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['admin', 'env'] } },
      { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, BoolIfExists: { 'aws:SecureTransport': 'true' } },
    ),
  })
  .map(({ effect, not, action, resource, principal, condition }) => ({
    Effect: effect,
    [not ? 'NotAction' : 'Action']: action,
    Resource: resource,
    ...(principal === undefined ? {} : { Principal: principal }),
    ...(condition === undefined ? {} : { Condition: condition }),
  }));

const policyArb = fc.record({
  version: fc.constantFrom('2012-10-17', '2008-10-17'),
  statements: fc.array(statementArb, { minLength: 1, maxLength: 6 }),
});

const requestArb = fc.record({
  principal: fc.constantFrom(`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:user/bob`, `arn:aws:sts::${A}:assumed-role/App/s1`, `arn:aws:iam::${B}:root`),
  action: fc.constantFrom('secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'kms:Decrypt', 'secretsmanager:ListSecrets'),
  resource: fc.constantFrom(secret(A, 'prod/db-AbCdEf'), secret(A, 'dev/alice/x-1'), `arn:aws:kms:us-east-1:${A}:key/k1`, '*'),
  context: fc.record(
    {
      'aws:PrincipalTag/team': fc.constantFrom('orders', 'alice-team', 'ops'),
      'aws:TagKeys': fc.constantFrom<string | string[]>([], ['env'], ['admin', 'env']),
      'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.1'),
      'aws:SecureTransport': fc.constantFrom('true', 'false'),
    },
    { requiredKeys: [] },
  ),
  boundary: fc.boolean(),
  principalRequired: fc.boolean(),
});

type RequestSpec = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

// Callers come back as the same object for the same ARN, as the authorizer's memoized callers do.
const callers = new Map<string, ReturnType<typeof describeCaller>>();

function evaluationRequest(spec: RequestSpec): { request: EvaluationRequest; options: EvaluationOptions } {
  let caller = callers.get(spec.principal);
  if (!caller) callers.set(spec.principal, (caller = describeCaller(spec.principal)));
  return {
    request: {
      caller,
      action: spec.action,
      resource: spec.resource,
      context: withPrincipalKeys(caller, new ContextKeys(spec.context)),
      hasPermissionsBoundary: spec.boundary,
    },
    options: { principalRequired: spec.principalRequired },
  };
}

/** The plain evaluation: statement by statement, no plan, no reuse of a previous evaluation. */
function plainEvaluation(policy: ParsedPolicy, request: EvaluationRequest, options: EvaluationOptions): PolicyEvaluation {
  const statements = policy.statements.map((statement) => evaluateStatement(statement, request, options, variablesEnabled(policy)));
  return {
    statements,
    allows: statements.filter((s) => s.applies && s.effect === 'Allow'),
    denies: statements.filter((s) => s.applies && s.effect === 'Deny'),
  };
}

describe('action plans and reused evaluations', () => {
  it('give exactly the statement-by-statement evaluation, for every request of a random stream', () => {
    fc.assert(
      fc.property(policyArb, fc.array(requestArb, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(11), { maxLength: 12 }), (doc, specs, repeats) => {
        const policy = policyFromDocument({ Version: doc.version, Statement: doc.statements });
        // The stream: each request, then some earlier ones again (so reuse is tried after other actions and callers).
        const stream = [...specs, ...repeats.map((i) => specs[i % specs.length] as RequestSpec)];
        const firstTrace = new Map<RequestSpec, PolicyEvaluation>();
        for (const spec of stream) {
          const { request, options } = evaluationRequest(spec);
          const planned = evaluatePolicy(policy, request, options);
          expect(planned).toEqual(plainEvaluation(policy, request, options));
          const first = firstTrace.get(spec);
          if (first) expect(planned).toEqual(first);
          else firstTrace.set(spec, planned);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hand the same evaluation back for a repeated request, and a new one when any statement differs', () => {
    const policy = policyFromDocument({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secret(A, 'prod/*') },
        { Sid: 'Kms', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
        {
          Sid: 'Team',
          Effect: 'Deny',
          Action: 'secretsmanager:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
        },
      ],
    });
    const spec = (team: string, action = 'secretsmanager:GetSecretValue'): RequestSpec => ({
      principal: `arn:aws:iam::${A}:user/alice`,
      action,
      resource: secret(A, 'prod/db-AbCdEf'),
      context: { 'aws:PrincipalTag/team': team },
      boundary: false,
      principalRequired: false,
    });
    const evaluate = (s: RequestSpec) => {
      const { request, options } = evaluationRequest(s);
      return evaluatePolicy(policy, request, options);
    };
    const first = evaluate(spec('orders'));
    evaluate(spec('orders', 'kms:Decrypt'));
    expect(evaluate(spec('orders'))).toBe(first);
    const denied = evaluate(spec('ops'));
    expect(denied).not.toBe(first);
    expect(denied.denies.map((s) => s.label)).toEqual(['Team']);
    // The unchanged statements are the very same results; the changed one is new.
    expect(denied.statements[0]).toBe(first.statements[0]);
    expect(denied.statements[1]).toBe(first.statements[1]);
    expect(denied.statements[2]).not.toBe(first.statements[2]);
    expect(first.allows.map((s) => s.label)).toEqual(['Read']);
  });
});
