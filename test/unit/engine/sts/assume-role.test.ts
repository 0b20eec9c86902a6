import { describe, expect, it } from 'vitest';
import { createSimulator, loadSimulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_ADMIN, allow, fails, iam, newSim, ok, policy, sm, sts, trust, userWithKey } from '../iam/helpers.ts';

const READER = `arn:aws:iam::${ACCOUNT}:role/Reader`;
const BOB = `arn:aws:iam::${OTHER_ACCOUNT}:user/bob`;

describe('GetCallerIdentity', () => {
  it('names users, role sessions and the root user', () => {
    const sim = newSim();
    const admin = ok(sts(sim, 'GetCallerIdentity'));
    expect(admin).toMatchObject({ account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/admin` });
    expect(admin.userId).toMatch(/^AIDA/);
    expect(ok(sts(sim, 'GetCallerIdentity', {}, { caller: { principalArn: `arn:aws:iam::${ACCOUNT}:root` } }))).toEqual({ userId: ACCOUNT, account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` });
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    const { credentials, assumedRoleUser } = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'me' }));
    expect(ok(sts(sim, 'GetCallerIdentity', {}, { caller: { accessKeyId: credentials.accessKeyId } }))).toEqual({
      userId: assumedRoleUser.assumedRoleId,
      account: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/me`,
    });
  });

  it('is never denied, not even by an explicit deny', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'deny', policyDocument: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) }));
    expect(ok(sts(sim, 'GetCallerIdentity', {}, { caller: bob })).arn).toBe(`arn:aws:iam::${ACCOUNT}:user/bob`);
  });
});

describe('AssumeRole', () => {
  it('issues ASIA credentials with an expiration, and the session acts with the role\'s permissions', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    const { arn } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    const out = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'job-1', durationSeconds: 900 }));
    expect(out.credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.credentials.secretAccessKey).toHaveLength(40);
    expect(out.credentials.sessionToken.length).toBeGreaterThan(100);
    expect(out.credentials.expiration).toBe(sim.now + 900_000);
    expect(out.assumedRoleUser.arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/Reader/job-1`);
    expect(out.assumedRoleUser.assumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:job-1$/);
    expect(out.packedPolicySize).toBeUndefined();
    const session = { accessKeyId: out.credentials.accessKeyId };
    expect(sim.identity.secretAccessKey(sim.state, session.accessKeyId)).toBe(out.credentials.secretAccessKey);
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: session }), 'AccessDeniedException', /assumed-role\/Reader\/job-1 is not authorized .* because no identity-based policy allows/);
    ok(iam(sim, 'PutRolePolicy', { roleName: 'Reader', policyName: 'read', policyDocument: policy(allow('secretsmanager:GetSecretValue')) }));
    expect(ok(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: session })).secretString).toBe('v');
    const log = JSON.stringify(sim.state.log.entries);
    expect(log).not.toContain(out.credentials.secretAccessKey);
    expect(log).not.toContain(out.credentials.sessionToken);
  });

  it('is denied by the trust policy, in STS wording (no policy type named)', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }, { caller: OTHER_ADMIN }));
    const bob = { principalArn: BOB };
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'assume', policyDocument: policy(allow('sts:AssumeRole', READER)) }, { caller: OTHER_ADMIN }));
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust('arn:aws:iam::999999999999:root') }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: bob }), 'AccessDenied', `User: ${BOB} is not authorized to perform: sts:AssumeRole on resource: ${READER}`);
    ok(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'Reader', policyDocument: trust(BOB) }));
    ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: bob }));
  });

  it("is denied by the caller's identity policy when the trust policy only names the account", () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }, { caller: OTHER_ADMIN }));
    const bob = { principalArn: BOB };
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${OTHER_ACCOUNT}:root`) }));
    const denied = sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: bob });
    fails(denied, 'AccessDenied', `User: ${BOB} is not authorized to perform: sts:AssumeRole on resource: ${READER}`);
    // Even a trust policy naming bob himself needs his own account's permission: the role is in another account.
    ok(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'Reader', policyDocument: trust(BOB) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: bob }), 'AccessDenied');
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'assume', policyDocument: policy(allow('sts:AssumeRole', READER)) }, { caller: OTHER_ADMIN }));
    ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: bob }));
  });

  it('in the same account, a trust policy naming the user suffices without an identity policy', () => {
    const sim = newSim();
    const alice = userWithKey(sim, 'alice');
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: alice }), 'AccessDenied');
    ok(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'Reader', policyDocument: trust(`arn:aws:iam::${ACCOUNT}:user/alice`) }));
    ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: alice }));
  });

  it('the trust policy must allow even in the same account: an administrator cannot assume a role that trusts only Lambda', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }), 'AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${READER}`);
    ok(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'Reader', policyDocument: policy({ Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }), 'AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${READER}`);
  });

  it('checks trust-policy conditions such as sts:ExternalId', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${OTHER_ACCOUNT}:root`, { StringEquals: { 'sts:ExternalId': 'Unique-1234' } }) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: OTHER_ADMIN }), 'AccessDenied');
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', externalId: 'wrong-id' }, { caller: OTHER_ADMIN }), 'AccessDenied');
    ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', externalId: 'Unique-1234' }, { caller: OTHER_ADMIN }));
  });

  it('session tags need sts:TagSession in the trust policy; a source identity needs sts:SetSourceIdentity', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    const tags = [{ key: 'team', value: 'red' }];
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', tags }), 'AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: sts:TagSession on resource: ${READER}`);
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', sourceIdentity: 'alice' }), 'AccessDenied', /sts:SetSourceIdentity/);
    ok(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'Reader', policyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`, undefined, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']) }));
    const out = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', tags, sourceIdentity: 'alice' }));
    expect(out.sourceIdentity).toBe('alice');
    expect(out.packedPolicySize).toBeGreaterThan(0);
    // Session tags are the session's principal tags.
    const { arn } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    ok(iam(sim, 'PutRolePolicy', { roleName: 'Reader', policyName: 'abac', policyDocument: policy({ ...allow('secretsmanager:GetSecretValue'), Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }) }));
    ok(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: { accessKeyId: out.credentials.accessKeyId } }));
  });

  it('refuses the root user, unknown roles (as AccessDenied) and malformed ARNs', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }, { caller: { principalArn: `arn:aws:iam::${ACCOUNT}:root` } }), 'AccessDenied', 'Roles may not be assumed by root accounts.');
    const ghost = `arn:aws:iam::${ACCOUNT}:role/Ghost`;
    fails(sts(sim, 'AssumeRole', { roleArn: ghost, roleSessionName: 'sess' }), 'AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${ghost}`);
    fails(sts(sim, 'AssumeRole', { roleArn: `arn:aws:iam::${ACCOUNT}:user/admin`, roleSessionName: 'sess' }), 'ValidationError', 'Request ARN is invalid');
  });

  it('validates the request as the STS model does (ValidationError)', () => {
    const sim = newSim();
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'x' }), 'ValidationError', "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2");
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'a b' }), 'ValidationError', /Member must satisfy regular expression pattern: \[\\w\+=,\.@-\]\*/);
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'ok', durationSeconds: 899 }), 'ValidationError', /at 'durationSeconds'.*greater than or equal to 900/);
  });

  it("caps DurationSeconds at the role's MaxSessionDuration, and at one hour for role chaining", () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', maxSessionDuration: 7200, assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', durationSeconds: 7201 }), 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const first = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', durationSeconds: 7200 }));
    expect(first.credentials.expiration).toBe(sim.now + 7200_000);
    ok(iam(sim, 'PutRolePolicy', { roleName: 'Reader', policyName: 'chain', policyDocument: policy(allow('sts:AssumeRole', READER)) }));
    const session = { caller: { accessKeyId: first.credentials.accessKeyId } };
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'chained', durationSeconds: 3601 }, session), 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'chained', durationSeconds: 3600 }, session));
  });

  it('session policies only narrow what the role allows', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    ok(iam(sim, 'AttachRolePolicy', { roleName: 'Reader', policyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }));
    const { arn } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    const narrowed = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', policy: policy(allow(['secretsmanager:DescribeSecret', 'iam:CreateUser'])) }));
    expect(narrowed.packedPolicySize).toBeGreaterThan(0);
    const caller = { caller: { accessKeyId: narrowed.credentials.accessKeyId } };
    ok(sm(sim, 'DescribeSecret', { secretId: arn }, caller));
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, caller), 'AccessDeniedException', /because no session policy allows the secretsmanager:GetSecretValue action$/);
    // The session policy allows iam:CreateUser, but the role does not: the intersection decides.
    fails(iam(sim, 'CreateUser', { userName: 'x' }, caller), 'AccessDenied', /because no identity-based policy allows/);
    const byArn = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'tt', policyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }));
    const managed = { caller: { accessKeyId: byArn.credentials.accessKeyId } };
    ok(sm(sim, 'DescribeSecret', { secretId: arn }, managed));
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, managed), 'AccessDeniedException', /no session policy allows/);
    const unknown = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'uu', policyArns: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/Gone` }] }));
    fails(sm(sim, 'DescribeSecret', { secretId: arn }, { caller: { accessKeyId: unknown.credentials.accessKeyId } }), 'AccessDeniedException', /no session policy allows/);
    fails(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess', policy: policy({ Effect: 'Allow', Action: 's3:GetObject' }) }), 'MalformedPolicyDocument', 'Policy statement must contain resources.');
  });

  it('an expired session is refused with ExpiredToken after two hours of virtual time', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    ok(iam(sim, 'AttachRolePolicy', { roleName: 'Reader', policyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }));
    const { credentials } = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }));
    const caller = { caller: { accessKeyId: credentials.accessKeyId } };
    ok(sm(sim, 'ListSecrets', {}, caller));
    sim.advance({ minutes: 59 });
    ok(sm(sim, 'ListSecrets', {}, caller));
    sim.advance({ hours: 2 });
    fails(sm(sim, 'ListSecrets', {}, caller), 'ExpiredTokenException', 'The security token included in the request is expired');
    fails(sts(sim, 'GetCallerIdentity', {}, caller), 'ExpiredToken', 'The security token included in the request is expired');
    fails(sm(sim, 'ListSecrets', {}, { caller: { accessKeyId: 'ASIAUNKNOWNKEY000000' } }), 'UnrecognizedClientException');
  });

  it('sessions survive a snapshot round trip, and old snapshots without an STS slice still load', () => {
    const sim = createSimulator();
    ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    const { credentials } = ok(sts(sim, 'AssumeRole', { roleArn: READER, roleSessionName: 'sess' }));
    const copy = loadSimulator(sim.snapshot());
    expect(ok(sts(copy, 'GetCallerIdentity', {}, { caller: { accessKeyId: credentials.accessKeyId } })).arn).toContain('assumed-role/Reader/sess');
    const old = sim.snapshot() as unknown as { services: Record<string, unknown> };
    delete old.services.sts;
    expect(() => loadSimulator(old)).not.toThrow();
  });
});
