import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_ACCOUNT, allow, fails, iam, newSim, ok, policy, sm, userWithKey } from './helpers.ts';

const READ = policy(allow('secretsmanager:GetSecretValue'));
const DESCRIBE = policy(allow('secretsmanager:DescribeSecret'));
const arnOf = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`;

describe('customer managed policies', () => {
  it('CreatePolicy creates v1 as the default; GetPolicy and GetPolicyVersion return it', () => {
    const sim = newSim();
    const { policy: created } = ok(iam(sim, 'CreatePolicy', { policyName: 'Read', path: '/app/', policyDocument: READ, description: 'reads' }));
    expect(created).toMatchObject({ policyName: 'Read', arn: arnOf('Read', '/app/'), path: '/app/', defaultVersionId: 'v1', attachmentCount: 0, permissionsBoundaryUsageCount: 0, isAttachable: true });
    expect(created.policyId).toMatch(/^ANPA/);
    expect(created.description).toBeUndefined();
    expect(ok(iam(sim, 'GetPolicy', { policyArn: created.arn })).policy.description).toBe('reads');
    expect(ok(iam(sim, 'GetPolicyVersion', { policyArn: created.arn, versionId: 'v1' })).policyVersion).toEqual({ document: READ, versionId: 'v1', isDefaultVersion: true, createDate: sim.now });
    fails(iam(sim, 'GetPolicyVersion', { policyArn: created.arn, versionId: 'v2' }), 'NoSuchEntity', `Policy ${created.arn} version v2 does not exist or is not attachable.`);
    fails(iam(sim, 'GetPolicy', { policyArn: arnOf('Nope') }), 'NoSuchEntity', `Policy ${arnOf('Nope')} was not found.`);
  });

  it('refuses duplicate names (any path, any case), malformed documents and oversized ones', () => {
    const sim = newSim();
    ok(iam(sim, 'CreatePolicy', { policyName: 'Read', policyDocument: READ }));
    fails(iam(sim, 'CreatePolicy', { policyName: 'read', path: '/x/', policyDocument: READ }), 'EntityAlreadyExists', 'A policy called read already exists. Duplicate names are not allowed.');
    fails(iam(sim, 'CreatePolicy', { policyName: 'Bad', policyDocument: policy({ Effect: 'Allow', Action: 's3:GetObject' }) }), 'MalformedPolicyDocument', 'Policy statement must contain resources.');
    const huge = policy(allow(Array.from({ length: 200 }, (_, i) => `secretsmanager:GetSecretValue${i}`)));
    fails(iam(sim, 'CreatePolicy', { policyName: 'Huge', policyDocument: huge }), 'LimitExceeded', 'Cannot exceed quota for PolicySize: 6144');
    fails(iam(sim, 'CreatePolicy', { policyName: 'P', path: 'nopath', policyDocument: READ }), 'ValidationError', /at 'path'/);
  });

  it('CreatePolicyVersion adds versions up to five; SetAsDefault puts one in force at once', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    const { arn: secret } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    const { arn } = ok(iam(sim, 'CreatePolicy', { policyName: 'P', policyDocument: DESCRIBE })).policy;
    ok(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: arn }));
    fails(sm(sim, 'GetSecretValue', { secretId: secret }, { caller: bob }), 'AccessDeniedException');
    const v2 = ok(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: READ })).policyVersion;
    expect(v2).toMatchObject({ versionId: 'v2', isDefaultVersion: false });
    fails(sm(sim, 'GetSecretValue', { secretId: secret }, { caller: bob }), 'AccessDeniedException');
    expect(ok(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: READ, setAsDefault: true })).policyVersion.versionId).toBe('v3');
    expect(ok(iam(sim, 'GetPolicy', { policyArn: arn })).policy.defaultVersionId).toBe('v3');
    expect(ok(sm(sim, 'GetSecretValue', { secretId: secret }, { caller: bob })).secretString).toBe('v');
    ok(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: READ }));
    ok(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: READ }));
    fails(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: READ }), 'LimitExceeded', /^A managed policy can have up to 5 versions\./);
    fails(iam(sim, 'CreatePolicyVersion', { policyArn: arnOf('Nope'), policyDocument: READ }), 'NoSuchEntity', `Policy ${arnOf('Nope')} was not found.`);
    fails(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: 'nope' }), 'MalformedPolicyDocument');
  });

  it('DeletePolicy is refused while attached or versioned; AWS managed policies cannot be changed', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    const { arn } = ok(iam(sim, 'CreatePolicy', { policyName: 'P', policyDocument: READ })).policy;
    ok(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: arn }));
    expect(ok(iam(sim, 'GetPolicy', { policyArn: arn })).policy.attachmentCount).toBe(1);
    fails(iam(sim, 'DeletePolicy', { policyArn: arn }), 'DeleteConflict', 'Cannot delete a policy attached to entities.');
    ok(iam(sim, 'DetachUserPolicy', { userName: 'bob', policyArn: arn }));
    ok(iam(sim, 'CreatePolicyVersion', { policyArn: arn, policyDocument: READ }));
    fails(iam(sim, 'DeletePolicy', { policyArn: arn }), 'DeleteConflict', /^This policy has more than one version\./);
    const other = ok(iam(sim, 'CreatePolicy', { policyName: 'Q', policyDocument: READ })).policy.arn;
    ok(iam(sim, 'DeletePolicy', { policyArn: other }));
    fails(iam(sim, 'GetPolicy', { policyArn: other }), 'NoSuchEntity');
    fails(iam(sim, 'DeletePolicy', { policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }), 'AccessDenied', /iam:DeletePolicy on resource: arn:aws:iam::aws:policy\/AdministratorAccess/);
    fails(iam(sim, 'CreatePolicyVersion', { policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', policyDocument: READ }), 'AccessDenied');
  });

  it('ListPolicies by scope, attachment and path', () => {
    const sim = newSim();
    ok(iam(sim, 'CreatePolicy', { policyName: 'Mine', path: '/team/', policyDocument: READ }));
    const names = (input: Record<string, unknown>) => ok(iam(sim, 'ListPolicies', input)).policies.map((p: { policyName: string }) => p.policyName);
    expect(names({ scope: 'Local' })).toEqual(['Mine']);
    expect(names({ scope: 'AWS' })).toEqual(['AdministratorAccess', 'IAMFullAccess', 'ReadOnlyAccess', 'SecretsManagerReadWrite']);
    expect(names({})).toContain('Mine');
    expect(names({ onlyAttached: true })).toEqual(['AdministratorAccess']);
    expect(names({ pathPrefix: '/team/' })).toEqual(['Mine']);
    const page = ok(iam(sim, 'ListPolicies', { maxItems: 2 }));
    expect(page.isTruncated).toBe(true);
    expect(ok(iam(sim, 'GetPolicy', { policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })).policy).toMatchObject({ attachmentCount: 1, defaultVersionId: 'v1' });
    expect(JSON.parse(ok(iam(sim, 'GetPolicyVersion', { policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', versionId: 'v1' })).policyVersion.document).Statement[0].Action).toBe('*');
  });
});

describe('attaching managed policies', () => {
  it('Attach/Detach/ListAttached for users and roles; attaching twice changes nothing', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    const mine = ok(iam(sim, 'CreatePolicy', { policyName: 'Mine', path: '/team/', policyDocument: READ })).policy.arn;
    for (const [kind, name] of [['User', 'userName'], ['Role', 'roleName']] as const) {
      const holder = { [name]: kind === 'User' ? 'bob' : 'r' };
      ok(iam(sim, `Attach${kind}Policy`, { ...holder, policyArn: mine }));
      ok(iam(sim, `Attach${kind}Policy`, { ...holder, policyArn: mine }));
      ok(iam(sim, `Attach${kind}Policy`, { ...holder, policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      expect(ok(iam(sim, `ListAttached${kind}Policies`, holder))).toEqual({
        attachedPolicies: [
          { policyName: 'Mine', policyArn: mine },
          { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
        isTruncated: false,
      });
      expect(ok(iam(sim, `ListAttached${kind}Policies`, { ...holder, pathPrefix: '/team/' })).attachedPolicies).toHaveLength(1);
      ok(iam(sim, `Detach${kind}Policy`, { ...holder, policyArn: mine }));
      fails(iam(sim, `Detach${kind}Policy`, { ...holder, policyArn: mine }), 'NoSuchEntity', `Policy ${mine} was not found.`);
    }
  });

  it('refuses policies that do not exist or belong to another account', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    const theirs = ok(iam(sim, 'CreatePolicy', { policyName: 'Theirs', policyDocument: READ }, { caller: { principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:user/admin` } })).policy.arn;
    for (const arn of ['arn:aws:iam::aws:policy/NoSuchThing', theirs]) {
      fails(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: arn }), 'NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
    }
    fails(iam(sim, 'AttachRolePolicy', { roleName: 'none', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }), 'NoSuchEntity', 'The role with name none cannot be found.');
  });

  it('at most 10 managed policies per user', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    for (let i = 0; i < 11; i++) {
      const arn = ok(iam(sim, 'CreatePolicy', { policyName: `P${i}`, policyDocument: READ })).policy.arn;
      const result = iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: arn });
      if (i < 10) ok(result);
      else fails(result, 'LimitExceeded', 'Cannot exceed quota for PoliciesPerUser: 10');
    }
  });
});

describe('permissions boundaries', () => {
  it('a boundary caps what identity policies grant; deleting it lifts the cap', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    const { arn: secret } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    ok(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }));
    const boundary = ok(iam(sim, 'CreatePolicy', { policyName: 'OnlyDescribe', policyDocument: DESCRIBE })).policy.arn;
    ok(iam(sim, 'PutUserPermissionsBoundary', { userName: 'bob', permissionsBoundary: boundary }));
    expect(ok(iam(sim, 'GetUser', { userName: 'bob' })).user.permissionsBoundary.permissionsBoundaryArn).toBe(boundary);
    expect(ok(iam(sim, 'GetPolicy', { policyArn: boundary })).policy.permissionsBoundaryUsageCount).toBe(1);
    fails(
      sm(sim, 'GetSecretValue', { secretId: secret }, { caller: bob }),
      'AccessDeniedException',
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret} because no permissions boundary allows the secretsmanager:GetSecretValue action`,
    );
    ok(sm(sim, 'DescribeSecret', { secretId: secret }, { caller: bob }));
    fails(iam(sim, 'DeletePolicy', { policyArn: boundary }), 'DeleteConflict');
    ok(iam(sim, 'DeleteUserPermissionsBoundary', { userName: 'bob' }));
    expect(ok(iam(sim, 'GetUser', { userName: 'bob' })).user.permissionsBoundary).toBeUndefined();
    expect(ok(sm(sim, 'GetSecretValue', { secretId: secret }, { caller: bob })).secretString).toBe('v');
  });

  it('roles take boundaries too; unknown policies and roles are refused', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    ok(iam(sim, 'PutRolePermissionsBoundary', { roleName: 'r', permissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' })).role.permissionsBoundary).toEqual({ permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    fails(iam(sim, 'PutRolePermissionsBoundary', { roleName: 'r', permissionsBoundary: arnOf('Nope') }), 'NoSuchEntity', `Policy ${arnOf('Nope')} does not exist or is not attachable.`);
    ok(iam(sim, 'DeleteRolePermissionsBoundary', { roleName: 'r' }));
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' })).role.permissionsBoundary).toBeUndefined();
    fails(iam(sim, 'DeleteRolePermissionsBoundary', { roleName: 'x' }), 'NoSuchEntity', 'The role with name x cannot be found.');
    fails(iam(sim, 'PutUserPermissionsBoundary', { userName: 'x', permissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }), 'NoSuchEntity', 'The user with name x cannot be found.');
    fails(iam(sim, 'DeleteUserPermissionsBoundary', { userName: 'x' }), 'NoSuchEntity');
  });
});

describe('tags on users and roles', () => {
  it('TagUser/UntagUser and TagRole/UntagRole; keys are case-insensitive', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob', tags: [{ key: 'Team', value: 'red' }] }));
    ok(iam(sim, 'TagUser', { userName: 'bob', tags: [{ key: 'team', value: 'blue' }, { key: 'env', value: 'prod' }] }));
    expect(ok(iam(sim, 'GetUser', { userName: 'bob' })).user.tags).toEqual([{ key: 'Team', value: 'blue' }, { key: 'env', value: 'prod' }]);
    fails(iam(sim, 'TagUser', { userName: 'bob', tags: [{ key: 'a', value: '1' }, { key: 'A', value: '2' }] }), 'InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    ok(iam(sim, 'UntagUser', { userName: 'bob', tagKeys: ['TEAM', 'missing'] }));
    expect(ok(iam(sim, 'GetUser', { userName: 'bob' })).user.tags).toEqual([{ key: 'env', value: 'prod' }]);
    fails(iam(sim, 'TagUser', { userName: 'bob', tags: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }), 'LimitExceeded');
    fails(iam(sim, 'TagUser', { userName: 'bob', tags: [{ key: 'bad#key', value: 'v' }] }), 'ValidationError', /tags\.1\.member\.key/);
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    ok(iam(sim, 'TagRole', { roleName: 'r', tags: [{ key: 'k', value: 'v' }] }));
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' })).role.tags).toEqual([{ key: 'k', value: 'v' }]);
    ok(iam(sim, 'UntagRole', { roleName: 'r', tagKeys: ['k'] }));
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' })).role.tags).toBeUndefined();
    fails(iam(sim, 'TagRole', { roleName: 'x', tags: [{ key: 'k', value: 'v' }] }), 'NoSuchEntity', 'The role with name x cannot be found.');
    fails(iam(sim, 'UntagUser', { userName: 'x', tagKeys: ['k'] }), 'NoSuchEntity');
  });

  it("a user's tags are its principal tags (aws:PrincipalTag) for ABAC", () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    const { arn } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'abac', policyDocument: policy({ ...allow('secretsmanager:GetSecretValue'), Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }) }));
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob }), 'AccessDeniedException');
    ok(iam(sim, 'TagUser', { userName: 'bob', tags: [{ key: 'team', value: 'red' }] }));
    ok(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob }));
  });
});
