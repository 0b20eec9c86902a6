import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_ACCOUNT, fails, iam, newSim, ok, policy, trust } from './helpers.ts';

const LAMBDA_TRUST = policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

describe('IAM roles', () => {
  it('CreateRole returns the role with its trust policy, AROA id and a one-hour MaxSessionDuration by default', () => {
    const sim = newSim();
    const { role } = ok(iam(sim, 'CreateRole', { roleName: 'Reader', path: '/app/', assumeRolePolicyDocument: trust(`arn:aws:iam::${OTHER_ACCOUNT}:root`), description: 'reads' }));
    expect(role).toMatchObject({ roleName: 'Reader', path: '/app/', arn: `arn:aws:iam::${ACCOUNT}:role/app/Reader`, maxSessionDuration: 3600, description: 'reads', createDate: sim.now });
    expect(role.roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(role.assumeRolePolicyDocument).toBe(trust(`arn:aws:iam::${OTHER_ACCOUNT}:root`));
    expect(role.roleLastUsed).toBeUndefined();
    fails(iam(sim, 'CreateRole', { roleName: 'reader', assumeRolePolicyDocument: LAMBDA_TRUST }), 'EntityAlreadyExists', 'Role with name reader already exists.');
  });

  it('validates MaxSessionDuration (1 to 12 hours) and the name', () => {
    const sim = newSim();
    fails(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: LAMBDA_TRUST, maxSessionDuration: 60 }), 'ValidationError', /at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600/);
    fails(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: LAMBDA_TRUST, maxSessionDuration: 43201 }), 'ValidationError', /less than or equal to 43200/);
    fails(iam(sim, 'CreateRole', { roleName: 'a/b', assumeRolePolicyDocument: LAMBDA_TRUST }), 'ValidationError', /regular expression pattern/);
    expect(ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: LAMBDA_TRUST, maxSessionDuration: 43200 })).role.maxSessionDuration).toBe(43200);
  });

  it('checks the trust policy as a trust policy: Principal required, no Resource, only STS session actions', () => {
    const sim = newSim();
    const create = (document: string) => iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: document });
    fails(create('not json'), 'MalformedPolicyDocument', 'Syntax errors in policy.');
    fails(create(policy({ Effect: 'Allow', Action: 'sts:AssumeRole' })), 'MalformedPolicyDocument', 'Missing required field Principal');
    fails(create(policy({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole', Resource: '*' })), 'MalformedPolicyDocument', 'Has prohibited field Resource');
    fails(create(policy({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 's3:GetObject' })), 'MalformedPolicyDocument', 'AssumeRole policy may only specify STS AssumeRole actions.');
    fails(create(trust(`arn:aws:iam::${ACCOUNT}:user/ghost`)), 'MalformedPolicyDocument', `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:user/ghost"`);
    ok(create(policy({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' })));
    ok(iam(sim, 'CreateRole', { roleName: 'r2', assumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:user/admin`, undefined, ['sts:AssumeRole', 'sts:TagSession']) }));
    // Principals of accounts the simulator does not hold are taken on trust.
    ok(iam(sim, 'CreateRole', { roleName: 'r3', assumeRolePolicyDocument: trust('arn:aws:iam::999999999999:user/anyone') }));
  });

  it('GetRole adds RoleLastUsed; ListRoles lists by name under a path, without boundary or tags', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'b', assumeRolePolicyDocument: LAMBDA_TRUST, tags: [{ key: 'k', value: 'v' }] }));
    ok(iam(sim, 'CreateRole', { roleName: 'a', path: '/svc/', assumeRolePolicyDocument: LAMBDA_TRUST }));
    const got = ok(iam(sim, 'GetRole', { roleName: 'b' })).role;
    expect(got).toMatchObject({ roleName: 'b', roleLastUsed: {}, tags: [{ key: 'k', value: 'v' }] });
    fails(iam(sim, 'GetRole', { roleName: 'c' }), 'NoSuchEntity', 'The role with name c cannot be found.');
    const listed = ok(iam(sim, 'ListRoles'));
    expect(listed.roles.map((r: { roleName: string }) => r.roleName)).toEqual(['a', 'b']);
    expect(listed.roles[1].tags).toBeUndefined();
    expect(ok(iam(sim, 'ListRoles', { pathPrefix: '/svc/' })).roles.map((r: { roleName: string }) => r.roleName)).toEqual(['a']);
    const page = ok(iam(sim, 'ListRoles', { maxItems: 1 }));
    expect(page.isTruncated).toBe(true);
    expect(ok(iam(sim, 'ListRoles', { maxItems: 1, marker: page.marker })).roles[0].roleName).toBe('b');
  });

  it('UpdateAssumeRolePolicy replaces the trust policy after checking it', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: LAMBDA_TRUST }));
    const next = trust(`arn:aws:iam::${OTHER_ACCOUNT}:root`);
    ok(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'r', policyDocument: next }));
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' })).role.assumeRolePolicyDocument).toBe(next);
    fails(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'r', policyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }) }), 'MalformedPolicyDocument');
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' })).role.assumeRolePolicyDocument).toBe(next);
    fails(iam(sim, 'UpdateAssumeRolePolicy', { roleName: 'x', policyDocument: next }), 'NoSuchEntity', 'The role with name x cannot be found.');
  });

  it('DeleteRole is refused while policies are attached or embedded', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: LAMBDA_TRUST }));
    ok(iam(sim, 'AttachRolePolicy', { roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    ok(iam(sim, 'PutRolePolicy', { roleName: 'r', policyName: 'p', policyDocument: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }));
    fails(iam(sim, 'DeleteRole', { roleName: 'r' }), 'DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    ok(iam(sim, 'DetachRolePolicy', { roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    fails(iam(sim, 'DeleteRole', { roleName: 'r' }), 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
    ok(iam(sim, 'DeleteRolePolicy', { roleName: 'r', policyName: 'p' }));
    ok(iam(sim, 'DeleteRole', { roleName: 'r' }));
    fails(iam(sim, 'DeleteRole', { roleName: 'r' }), 'NoSuchEntity', 'The role with name r cannot be found.');
  });

  it('IAM is global: a role created in one Region is seen from every Region', () => {
    const sim = newSim();
    ok(iam(sim, 'CreateRole', { roleName: 'r', assumeRolePolicyDocument: LAMBDA_TRUST }, { region: 'eu-west-1' }));
    expect(ok(iam(sim, 'GetRole', { roleName: 'r' }, { region: 'ap-south-1' })).role.roleName).toBe('r');
  });
});
