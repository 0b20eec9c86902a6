/**
 * Properties of the decision procedure (spec 4.5): order never matters, a Deny never creates an Allow, an
 * Allow never overrides an explicit deny, and an applicable Deny anywhere wins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, policyFromDocument } from '../../../../../src/engine/iam/policy/index.ts';
import type { AuthorizationInput, NamedPolicy } from '../../../../../src/engine/iam/policy/index.ts';

const A = '111111111111';
const SECRET = `arn:aws:secretsmanager:us-east-1:${A}:secret:prod/db-AbCdEf`;
const PRINCIPALS = [
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:sts::${A}:assumed-role/App/run-1`,
  'arn:aws:sts::222222222222:assumed-role/Reader/s1',
  `arn:aws:iam::${A}:root`,
];

type Statement = Record<string, unknown>;

const actionArb = fc.constantFrom('secretsmanager:GetSecretValue', 'secretsmanager:*', 'secretsmanager:Get*', 'kms:Decrypt', '*', 'secretsmanager:DescribeSecret');
const resourceArb = fc.constantFrom('*', SECRET, 'arn:aws:secretsmanager:*:*:secret:prod/*', 'arn:aws:secretsmanager:*:*:secret:dev/*');
const conditionArb = fc.option(
  fc.constantFrom(
    { StringEquals: { 'aws:PrincipalTag/team': 'dev' } },
    { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } },
    { Bool: { 'aws:SecureTransport': 'true' } },
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } },
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  ),
  { nil: undefined },
);
const principalArb = fc.constantFrom<unknown>('*', { AWS: A }, { AWS: PRINCIPALS[0] }, { AWS: `arn:aws:iam::${A}:role/App` }, { AWS: '222222222222' });

function statementArb(withPrincipal: boolean): fc.Arbitrary<Statement> {
  return fc.record({ effect: fc.constantFrom('Allow', 'Deny'), action: actionArb, resource: resourceArb, condition: conditionArb, principal: principalArb }).map(
    ({ effect, action, resource, condition, principal }) => ({
      Effect: effect,
      ...(withPrincipal ? { Principal: principal } : {}),
      Action: action,
      Resource: resource,
      ...(condition ? { Condition: condition } : {}),
    }),
  );
}

interface Scenario {
  principal: string;
  action: string;
  context: Record<string, string | string[]>;
  identity: Statement[][];
  resource: Statement[] | undefined;
  boundary: Statement[] | undefined;
  scp: Statement[] | undefined;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  principal: fc.constantFrom(...PRINCIPALS),
  action: fc.constantFrom('secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'),
  context: fc.record({ 'aws:PrincipalTag/team': fc.constantFrom('dev', 'ops'), 'aws:SecureTransport': fc.constantFrom('true', 'false') }, { requiredKeys: [] }),
  identity: fc.array(fc.array(statementArb(false), { minLength: 1, maxLength: 4 }), { maxLength: 2 }),
  resource: fc.option(fc.array(statementArb(true), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  boundary: fc.option(fc.array(statementArb(false), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  scp: fc.option(fc.array(statementArb(false), { minLength: 1, maxLength: 2 }), { nil: undefined }),
});

const named = (name: string, statements: Statement[]): NamedPolicy => ({ name, policy: policyFromDocument({ Version: '2012-10-17', Statement: statements }) });

function toInput(s: Scenario): AuthorizationInput {
  return {
    request: { principal: s.principal, action: s.action, resource: SECRET, resourceAccount: A, context: s.context },
    policies: {
      identity: s.identity.map((statements, i) => named(`identity-${i}`, statements)),
      resource: s.resource ? named('resource', s.resource) : null,
      boundary: s.boundary ? named('boundary', s.boundary) : null,
      scp: s.scp ? [{ level: 'root', policies: [named('scp', s.scp)] }] : [],
    },
  };
}

const decide = (s: Scenario) => authorize(toInput(s)).decision;
const reverse = <T>(items: T[] | undefined): T[] | undefined => (items ? [...items].reverse() : undefined);

describe('decision properties', () => {
  it('statement and policy order never change the decision', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const reordered: Scenario = {
          ...s,
          identity: [...s.identity].reverse().map((statements) => [...statements].reverse()),
          resource: reverse(s.resource),
          boundary: reverse(s.boundary),
          scp: reverse(s.scp),
        };
        expect(decide(reordered)).toBe(decide(s));
      }),
      { numRuns: 300 },
    );
  });

  it('adding a Deny statement never turns a denial into Allow', () => {
    fc.assert(
      fc.property(scenarioArb, statementArb(false), fc.nat(), (s, extra, where) => {
        const before = decide(s);
        fc.pre(before !== 'Allow');
        const deny = { ...extra, Effect: 'Deny' };
        const identity = s.identity.length === 0 ? [[deny]] : s.identity.map((statements, i) => (i === where % s.identity.length ? [...statements, deny] : statements));
        expect(decide({ ...s, identity })).not.toBe('Allow');
      }),
      { numRuns: 300 },
    );
  });

  it('adding an Allow statement never turns ExplicitDeny into anything else', () => {
    fc.assert(
      fc.property(scenarioArb, statementArb(true), fc.constantFrom('identity', 'resource', 'boundary'), (s, extra, where) => {
        fc.pre(decide(s) === 'ExplicitDeny');
        const allow: Statement = { ...extra, Effect: 'Allow' };
        const { Principal: _principal, ...identityAllow } = allow;
        const next: Scenario =
          where === 'identity'
            ? { ...s, identity: [...s.identity, [identityAllow]] }
            : where === 'resource'
              ? { ...s, resource: [...(s.resource ?? []), allow] }
              : { ...s, boundary: [...(s.boundary ?? []), identityAllow] };
        expect(decide(next)).toBe('ExplicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('an applicable Deny in any policy type wins', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('identity', 'resource', 'boundary', 'scp'), (s, where) => {
        const deny = { Effect: 'Deny', Action: s.action, Resource: '*' };
        const next: Scenario =
          where === 'identity'
            ? { ...s, identity: [...s.identity, [deny]] }
            : where === 'resource'
              ? { ...s, resource: [...(s.resource ?? []), { ...deny, Principal: '*' }] }
              : where === 'boundary'
                ? { ...s, boundary: [...(s.boundary ?? []), deny] }
                : { ...s, scp: [...(s.scp ?? []), deny] };
        const result = authorize(toInput(next));
        expect(result.decision).toBe('ExplicitDeny');
        expect(result.denial?.kind).toBe('explicit');
        expect(result.message).toContain('with an explicit deny in');
      }),
      { numRuns: 300 },
    );
  });

  it('every denial carries an AWS-style message and every Allow none', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = authorize(toInput(s));
        if (result.decision === 'Allow') expect(result.message).toBeUndefined();
        else expect(result.message).toMatch(new RegExp(`^User: ${s.principal.replace(/[/.]/g, '\\$&')} is not authorized to perform: ${s.action} on resource: `));
      }),
      { numRuns: 200 },
    );
  });
});
