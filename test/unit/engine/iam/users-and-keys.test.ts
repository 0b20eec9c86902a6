import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_ACCOUNT, fails, iam, newSim, ok, policy, allow, sts, userWithKey } from './helpers.ts';

describe('IAM users', () => {
  it('CreateUser returns the user with its ARN, AIDA id, path and creation date', () => {
    const sim = newSim();
    const { user } = ok(iam(sim, 'CreateUser', { userName: 'bob', path: '/team/', tags: [{ key: 'team', value: 'red' }] }));
    expect(user).toMatchObject({ userName: 'bob', path: '/team/', arn: `arn:aws:iam::${ACCOUNT}:user/team/bob`, createDate: sim.now, tags: [{ key: 'team', value: 'red' }] });
    expect(user.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it('refuses a second user with the same name in any case (EntityAlreadyExists)', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    fails(iam(sim, 'CreateUser', { userName: 'Bob' }), 'EntityAlreadyExists', 'User with name Bob already exists.');
  });

  it('validates names and paths with ValidationError and the model pattern', () => {
    const sim = newSim();
    fails(
      iam(sim, 'CreateUser', { userName: 'bad name' }),
      'ValidationError',
      "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    fails(iam(sim, 'CreateUser', { userName: 'x'.repeat(65) }), 'ValidationError', /Member must have length less than or equal to 64/);
    fails(iam(sim, 'CreateUser', { userName: 'ok', path: '/no-trailing-slash' }), 'ValidationError', /at 'path' failed to satisfy constraint/);
    fails(iam(sim, 'CreateUser', {}), 'ValidationError', "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null");
  });

  it('refuses a permissions boundary that names no policy', () => {
    const sim = newSim();
    const arn = `arn:aws:iam::${ACCOUNT}:policy/Nope`;
    fails(iam(sim, 'CreateUser', { userName: 'bob', permissionsBoundary: arn }), 'NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
    const { user } = ok(iam(sim, 'CreateUser', { userName: 'bob', permissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect(user.permissionsBoundary).toEqual({ permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  });

  it('GetUser finds a user by name in any case, and answers NoSuchEntity otherwise', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    expect(ok(iam(sim, 'GetUser', { userName: 'BOB' })).user.userName).toBe('bob');
    fails(iam(sim, 'GetUser', { userName: 'alice' }), 'NoSuchEntity', 'The user with name alice cannot be found.');
  });

  it('GetUser without UserName describes the caller; a role session must name the user', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'self', policyDocument: policy(allow('iam:GetUser')) }));
    expect(ok(iam(sim, 'GetUser', {}, { caller: bob })).user.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/bob`);
    expect(ok(iam(sim, 'GetUser')).user.userName).toBe('admin');
    const root = ok(iam(sim, 'GetUser', {}, { caller: { principalArn: `arn:aws:iam::${ACCOUNT}:root` } })).user;
    expect(root).toMatchObject({ userId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` });
    fails(
      iam(sim, 'GetUser', {}, { caller: { principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Missing/s` } }),
      'InvalidClientTokenId',
    );
  });

  it('ListUsers lists by name, filters by path prefix and paginates with Marker and IsTruncated', () => {
    const sim = newSim();
    for (const name of ['carol', 'alice', 'bob']) ok(iam(sim, 'CreateUser', { userName: name, path: name === 'carol' ? '/ops/' : '/' }));
    const all = ok(iam(sim, 'ListUsers'));
    expect(all.users.map((u: { userName: string }) => u.userName)).toEqual(['admin', 'alice', 'bob', 'carol']);
    expect(all.isTruncated).toBe(false);
    expect(all.users[0].tags).toBeUndefined();
    expect(ok(iam(sim, 'ListUsers', { pathPrefix: '/ops/' })).users.map((u: { userName: string }) => u.userName)).toEqual(['carol']);
    const first = ok(iam(sim, 'ListUsers', { maxItems: 3 }));
    expect(first).toMatchObject({ isTruncated: true });
    const second = ok(iam(sim, 'ListUsers', { maxItems: 3, marker: first.marker }));
    expect(second.users.map((u: { userName: string }) => u.userName)).toEqual(['carol']);
    fails(iam(sim, 'ListUsers', { marker: 'bogus' }), 'InvalidInput');
  });

  it('DeleteUser is refused while keys, policies or groups hang off the user, in that order', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    const key = ok(iam(sim, 'CreateAccessKey', { userName: 'bob' })).accessKey.accessKeyId;
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'p', policyDocument: policy(allow('s3:ListBucket')) }));
    ok(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    ok(iam(sim, 'CreateGroup', { groupName: 'devs' }));
    ok(iam(sim, 'AddUserToGroup', { groupName: 'devs', userName: 'bob' }));
    fails(iam(sim, 'DeleteUser', { userName: 'bob' }), 'DeleteConflict', 'Cannot delete entity, must delete access keys first.');
    ok(iam(sim, 'DeleteAccessKey', { userName: 'bob', accessKeyId: key }));
    fails(iam(sim, 'DeleteUser', { userName: 'bob' }), 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
    ok(iam(sim, 'DeleteUserPolicy', { userName: 'bob', policyName: 'p' }));
    fails(iam(sim, 'DeleteUser', { userName: 'bob' }), 'DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    ok(iam(sim, 'DetachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    fails(iam(sim, 'DeleteUser', { userName: 'bob' }), 'DeleteConflict', 'Cannot delete entity, must remove from all groups first.');
    ok(iam(sim, 'RemoveUserFromGroup', { groupName: 'devs', userName: 'bob' }));
    ok(iam(sim, 'DeleteUser', { userName: 'bob' }));
    fails(iam(sim, 'GetUser', { userName: 'bob' }), 'NoSuchEntity');
    fails(iam(sim, 'DeleteUser', { userName: 'bob' }), 'NoSuchEntity', 'The user with name bob cannot be found.');
  });

  it("keeps the account's admin user, which the app acts as", () => {
    const sim = newSim();
    const root = { caller: { principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:root` } };
    const keys = ok(iam(sim, 'ListAccessKeys', { userName: 'admin' }, root)).accessKeyMetadata;
    for (const key of keys) ok(iam(sim, 'DeleteAccessKey', { userName: 'admin', accessKeyId: key.accessKeyId }, root));
    ok(iam(sim, 'DetachUserPolicy', { userName: 'admin', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, root));
    fails(iam(sim, 'DeleteUser', { userName: 'admin' }, root), 'DeleteConflict', /SecretsLab keeps/);
  });
});

describe('access keys', () => {
  it('CreateAccessKey gives an AKIA key whose secret signs requests, and never logs the secret', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    const { accessKey } = ok(iam(sim, 'CreateAccessKey', { userName: 'bob' }));
    expect(accessKey).toMatchObject({ userName: 'bob', status: 'Active', createDate: sim.now });
    expect(accessKey.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(accessKey.secretAccessKey).toHaveLength(40);
    expect(sim.identity.secretAccessKey(sim.state, accessKey.accessKeyId)).toBe(accessKey.secretAccessKey);
    expect(ok(sts(sim, 'GetCallerIdentity', {}, { caller: { accessKeyId: accessKey.accessKeyId } })).arn).toBe(`arn:aws:iam::${ACCOUNT}:user/bob`);
    expect(JSON.stringify(sim.state.log.entries)).not.toContain(accessKey.secretAccessKey);
  });

  it('allows two keys per user (LimitExceeded AccessKeysPerUser: 2)', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateUser', { userName: 'bob' }));
    ok(iam(sim, 'CreateAccessKey', { userName: 'bob' }));
    ok(iam(sim, 'CreateAccessKey', { userName: 'bob' }));
    fails(iam(sim, 'CreateAccessKey', { userName: 'bob' }), 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
    fails(iam(sim, 'CreateAccessKey', { userName: 'nobody' }), 'NoSuchEntity', 'The user with name nobody cannot be found.');
  });

  it("without UserName, acts on the caller's own keys", () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'keys', policyDocument: policy(allow(['iam:ListAccessKeys', 'iam:CreateAccessKey'], `arn:aws:iam::${ACCOUNT}:user/bob`)) }));
    const second = ok(iam(sim, 'CreateAccessKey', {}, { caller: bob })).accessKey;
    expect(second.userName).toBe('bob');
    const listed = ok(iam(sim, 'ListAccessKeys', {}, { caller: bob })).accessKeyMetadata;
    expect(listed.map((k: { accessKeyId: string }) => k.accessKeyId).sort()).toEqual([bob.accessKeyId, second.accessKeyId].sort());
    expect(listed[0].secretAccessKey).toBeUndefined();
  });

  it('UpdateAccessKey deactivates a key (refused as an invalid token) and reactivates it', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    ok(iam(sim, 'UpdateAccessKey', { userName: 'bob', accessKeyId: bob.accessKeyId, status: 'Inactive' }));
    expect(ok(iam(sim, 'ListAccessKeys', { userName: 'bob' })).accessKeyMetadata[0].status).toBe('Inactive');
    fails(sts(sim, 'GetCallerIdentity', {}, { caller: bob }), 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    ok(iam(sim, 'UpdateAccessKey', { userName: 'bob', accessKeyId: bob.accessKeyId, status: 'Active' }));
    ok(sts(sim, 'GetCallerIdentity', {}, { caller: bob }));
    fails(iam(sim, 'UpdateAccessKey', { userName: 'bob', accessKeyId: bob.accessKeyId, status: 'Gone' }), 'ValidationError', /enum value set: \[Active, Inactive, Expired\]/);
  });

  it("refuses another user's key as not found, and DeleteAccessKey revokes it at once", () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    ok(iam(sim, 'CreateUser', { userName: 'alice' }));
    fails(iam(sim, 'DeleteAccessKey', { userName: 'alice', accessKeyId: bob.accessKeyId }), 'NoSuchEntity', `The Access Key with id ${bob.accessKeyId} cannot be found.`);
    fails(iam(sim, 'UpdateAccessKey', { userName: 'alice', accessKeyId: bob.accessKeyId, status: 'Inactive' }), 'NoSuchEntity');
    ok(iam(sim, 'DeleteAccessKey', { userName: 'bob', accessKeyId: bob.accessKeyId }));
    fails(sts(sim, 'GetCallerIdentity', {}, { caller: bob }), 'InvalidClientTokenId');
    expect(ok(iam(sim, 'ListAccessKeys', { userName: 'bob' })).accessKeyMetadata).toEqual([]);
  });
});
