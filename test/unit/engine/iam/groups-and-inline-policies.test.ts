import { describe, expect, it } from 'vitest';
import { ACCOUNT, allow, fails, iam, newSim, ok, policy, sm, userWithKey } from './helpers.ts';

const READ = policy(allow('secretsmanager:GetSecretValue'));

describe('groups', () => {
  it('CreateGroup returns the group; names are unique in any case', () => {
    const sim = newSim();
    const { group } = ok(iam(sim, 'CreateGroup', { groupName: 'devs', path: '/eng/' }));
    expect(group).toMatchObject({ groupName: 'devs', path: '/eng/', arn: `arn:aws:iam::${ACCOUNT}:group/eng/devs` });
    expect(group.groupId).toMatch(/^AGPA/);
    fails(iam(sim, 'CreateGroup', { groupName: 'DEVS' }), 'EntityAlreadyExists', 'Group with name DEVS already exists.');
  });

  it("a member gets the group's inline and attached policies; removal takes them away", () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    const { arn } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v' }));
    ok(iam(sim, 'CreateGroup', { groupName: 'readers' }));
    ok(iam(sim, 'PutGroupPolicy', { groupName: 'readers', policyName: 'read', policyDocument: READ }));
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob }), 'AccessDeniedException');
    ok(iam(sim, 'AddUserToGroup', { groupName: 'readers', userName: 'bob' }));
    ok(iam(sim, 'AddUserToGroup', { groupName: 'readers', userName: 'bob' }));
    expect(ok(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob })).secretString).toBe('v');
    ok(iam(sim, 'RemoveUserFromGroup', { groupName: 'readers', userName: 'bob' }));
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob }), 'AccessDeniedException');
    ok(iam(sim, 'CreateGroup', { groupName: 'admins' }));
    ok(iam(sim, 'AttachGroupPolicy', { groupName: 'admins', policyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }));
    ok(iam(sim, 'AddUserToGroup', { groupName: 'admins', userName: 'bob' }));
    expect(ok(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob })).secretString).toBe('v');
    ok(iam(sim, 'DetachGroupPolicy', { groupName: 'admins', policyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }));
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob }), 'AccessDeniedException');
    fails(iam(sim, 'DetachGroupPolicy', { groupName: 'admins', policyArn: 'arn:aws:iam::aws:policy/SecretsManagerReadWrite' }), 'NoSuchEntity', 'Policy arn:aws:iam::aws:policy/SecretsManagerReadWrite was not found.');
  });

  it('AddUserToGroup and RemoveUserFromGroup name what is missing', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    fails(iam(sim, 'AddUserToGroup', { groupName: 'nope', userName: 'bob' }), 'NoSuchEntity', 'The group with name nope cannot be found.');
    ok(iam(sim, 'CreateGroup', { groupName: 'devs' }));
    fails(iam(sim, 'AddUserToGroup', { groupName: 'devs', userName: 'alice' }), 'NoSuchEntity', 'The user with name alice cannot be found.');
    fails(iam(sim, 'RemoveUserFromGroup', { groupName: 'devs', userName: 'bob' }), 'NoSuchEntity');
  });

  it('a user can be in at most 10 groups', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    for (let i = 0; i < 11; i++) ok(iam(sim, 'CreateGroup', { groupName: `g${i}` }));
    for (let i = 0; i < 10; i++) ok(iam(sim, 'AddUserToGroup', { groupName: `g${i}`, userName: 'bob' }));
    fails(iam(sim, 'AddUserToGroup', { groupName: 'g10', userName: 'bob' }), 'LimitExceeded', 'Cannot exceed quota for GroupsPerUser: 10');
  });
});

describe('inline policies', () => {
  it('PutUserPolicy / GetUserPolicy / ListUserPolicies / DeleteUserPolicy', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: READ }));
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'alpha', policyDocument: READ }));
    expect(ok(iam(sim, 'GetUserPolicy', { userName: 'bob', policyName: 'read' }))).toEqual({ userName: 'bob', policyName: 'read', policyDocument: READ });
    expect(ok(iam(sim, 'ListUserPolicies', { userName: 'bob' }))).toEqual({ policyNames: ['alpha', 'read'], isTruncated: false });
    const replaced = policy(allow('secretsmanager:DescribeSecret'));
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: replaced }));
    expect(ok(iam(sim, 'GetUserPolicy', { userName: 'bob', policyName: 'read' })).policyDocument).toBe(replaced);
    ok(iam(sim, 'DeleteUserPolicy', { userName: 'bob', policyName: 'read' }));
    fails(iam(sim, 'GetUserPolicy', { userName: 'bob', policyName: 'read' }), 'NoSuchEntity', 'The user policy with name read cannot be found.');
    fails(iam(sim, 'DeleteUserPolicy', { userName: 'bob', policyName: 'read' }), 'NoSuchEntity', 'The user policy with name read cannot be found.');
    fails(iam(sim, 'PutUserPolicy', { userName: 'nobody', policyName: 'p', policyDocument: READ }), 'NoSuchEntity', 'The user with name nobody cannot be found.');
  });

  it('PutRolePolicy / GetRolePolicy / ListRolePolicies / DeleteRolePolicy', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'app', assumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    ok(iam(sim, 'PutRolePolicy', { roleName: 'app', policyName: 'read', policyDocument: READ }));
    expect(ok(iam(sim, 'GetRolePolicy', { roleName: 'app', policyName: 'read' }))).toEqual({ roleName: 'app', policyName: 'read', policyDocument: READ });
    expect(ok(iam(sim, 'ListRolePolicies', { roleName: 'app' })).policyNames).toEqual(['read']);
    ok(iam(sim, 'DeleteRolePolicy', { roleName: 'app', policyName: 'read' }));
    fails(iam(sim, 'GetRolePolicy', { roleName: 'app', policyName: 'read' }), 'NoSuchEntity', 'The role policy with name read cannot be found.');
    fails(iam(sim, 'ListRolePolicies', { roleName: 'nope' }), 'NoSuchEntity', 'The role with name nope cannot be found.');
  });

  it('PutGroupPolicy refuses an unknown group', () => {
    const sim = newSim();
    fails(iam(sim, 'PutGroupPolicy', { groupName: 'nope', policyName: 'p', policyDocument: READ }), 'NoSuchEntity', 'The group with name nope cannot be found.');
  });

  it('refuses malformed documents with MalformedPolicyDocument in IAM wording', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    const put = (policyDocument: string) => iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'p', policyDocument });
    fails(put('{"Version": "2012-10-17", "Statement": ['), 'MalformedPolicyDocument', 'Syntax errors in policy.');
    fails(put(policy({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue' })), 'MalformedPolicyDocument', 'Policy statement must contain resources.');
    fails(put(policy({ Effect: 'Allow', Resource: '*' })), 'MalformedPolicyDocument', 'Policy statement must contain actions.');
    fails(put(policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' })), 'MalformedPolicyDocument', 'Policy document should not specify a principal.');
    // Problems IAM's wording is not known for carry the validator's message and position.
    fails(put(policy({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'secret-name' })), 'MalformedPolicyDocument', /must be "\*" or an ARN.*line 1/);
    expect(ok(iam(sim, 'ListUserPolicies', { userName: 'bob' })).policyNames).toEqual([]);
  });

  it("enforces the aggregate inline size of a user's policies (2,048 characters without whitespace)", () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    const big = policy(allow(Array.from({ length: 40 }, (_, i) => `secretsmanager:GetSecretValue${'x'.repeat(10)}${i}`.slice(0, 60))));
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'one', policyDocument: big }));
    fails(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'two', policyDocument: big }), 'LimitExceeded', 'Maximum policy size of 2048 bytes exceeded for user bob');
    // A role allows 10,240.
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
    ok(iam(sim, 'PutRolePolicy', { roleName: 'r', policyName: 'one', policyDocument: big }));
    ok(iam(sim, 'PutRolePolicy', { roleName: 'r', policyName: 'two', policyDocument: big }));
  });
});
