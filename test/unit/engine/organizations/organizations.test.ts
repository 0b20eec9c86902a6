import { describe, expect, it } from 'vitest';
import { createSimulator, type CallerRef, type Simulator } from '../../../../src/engine/index.ts';

const MEMBER: CallerRef = { principalArn: 'arn:aws:iam::444455556666:user/admin' };

// Outputs are read loosely here: each test names the fields it checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function call<T = Loose>(sim: Simulator, service: string, operation: string, input: unknown = {}, caller?: CallerRef) {
  return sim.call<T>({ service, operation, input, ...(caller ? { caller } : {}) });
}
function ok<T = Loose>(result: ReturnType<typeof call<T>>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.output;
}
function failure(result: ReturnType<typeof call>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** An organization whose management account is 111122223333, with 444455556666 invited and joined, SCPs on. */
function organization(sim = createSimulator()) {
  ok(call(sim, 'organizations', 'CreateOrganization', { featureSet: 'ALL' }));
  const invitation = ok(call(sim, 'organizations', 'InviteAccountToOrganization', { target: { id: '444455556666', type: 'ACCOUNT' } }));
  ok(call(sim, 'organizations', 'AcceptHandshake', { handshakeId: invitation.handshake.id }, MEMBER));
  const rootId: string = ok(call(sim, 'organizations', 'ListRoots')).roots[0].id;
  ok(call(sim, 'organizations', 'EnablePolicyType', { rootId, policyType: 'SERVICE_CONTROL_POLICY' }));
  return { sim, rootId };
}

function scp(sim: Simulator, name: string, statement: unknown) {
  const content = JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
  return ok(call(sim, 'organizations', 'CreatePolicy', { name, description: name, type: 'SERVICE_CONTROL_POLICY', content })).policy.policySummary.id as string;
}

describe('AWS Organizations', () => {
  it('makes the caller the management account and lets invited accounts join by accepting', () => {
    const { sim } = organization();
    const described = ok(call(sim, 'organizations', 'DescribeOrganization', {}, MEMBER)).organization;
    expect(described.masterAccountId).toBe('111122223333');
    expect(described.id).toMatch(/^o-[a-z0-9]{10}$/);
    const accounts = ok(call(sim, 'organizations', 'ListAccounts')).accounts.map((a: { id: string; joinedMethod: string }) => `${a.id}:${a.joinedMethod}`);
    expect(accounts.sort()).toEqual(['111122223333:CREATED', '444455556666:INVITED']);
  });

  it('refuses a second organization and management calls from a member', () => {
    const { sim } = organization();
    expect(failure(call(sim, 'organizations', 'CreateOrganization', {}, MEMBER)).code).toBe('AlreadyInOrganizationException');
    const denied = failure(call(sim, 'organizations', 'ListAccounts', {}, MEMBER));
    expect(denied).toMatchObject({ code: 'AccessDeniedException', message: "You don't have permissions to access this resource." });
  });

  it('answers an account outside any organization with AWSOrganizationsNotInUseException', () => {
    const sim = createSimulator();
    expect(failure(call(sim, 'organizations', 'DescribeOrganization'))).toMatchObject({
      code: 'AWSOrganizationsNotInUseException',
      message: 'Your account is not a member of an organization.',
    });
  });

  it('attaches FullAWSAccess everywhere when SCPs are enabled, so nothing changes until a narrower SCP is added', () => {
    const { sim, rootId } = organization();
    const onRoot = ok(call(sim, 'organizations', 'ListPoliciesForTarget', { targetId: rootId, filter: 'SERVICE_CONTROL_POLICY' })).policies;
    expect(onRoot.map((p: { name: string; awsManaged: boolean }) => [p.name, p.awsManaged])).toEqual([['FullAWSAccess', true]]);
    expect(call(sim, 'secretsmanager', 'ListSecrets', {}, MEMBER).ok).toBe(true);
  });

  it('an SCP deny stops even the member account\'s administrator, and never the management account', () => {
    const { sim } = organization();
    const deny = scp(sim, 'NoSecrets', { Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*' });
    ok(call(sim, 'organizations', 'AttachPolicy', { policyId: deny, targetId: '444455556666' }));
    expect(failure(call(sim, 'secretsmanager', 'ListSecrets', {}, MEMBER)).message).toBe(
      'User: arn:aws:iam::444455556666:user/admin is not authorized to perform: secretsmanager:ListSecrets with an explicit deny in a service control policy',
    );
    expect(call(sim, 'secretsmanager', 'ListSecrets').ok).toBe(true);
  });

  it('SCPs attached to an OU apply to the accounts moved into it', () => {
    const { sim, rootId } = organization();
    const ou = ok(call(sim, 'organizations', 'CreateOrganizationalUnit', { parentId: rootId, name: 'Sandbox' })).organizationalUnit.id;
    const deny = scp(sim, 'NoKms', { Effect: 'Deny', Action: 'kms:CreateKey', Resource: '*' });
    ok(call(sim, 'organizations', 'AttachPolicy', { policyId: deny, targetId: ou }));
    expect(call(sim, 'kms', 'CreateKey', {}, MEMBER).ok).toBe(true);
    ok(call(sim, 'organizations', 'MoveAccount', { accountId: '444455556666', sourceParentId: rootId, destinationParentId: ou }));
    expect(failure(call(sim, 'kms', 'CreateKey', {}, MEMBER)).code).toBe('AccessDeniedException');
  });

  it('an allow-list SCP: without FullAWSAccess, only what every level allows is possible', () => {
    const { sim } = organization();
    const readOnly = scp(sim, 'OnlyReadSecrets', { Effect: 'Allow', Action: ['secretsmanager:List*', 'secretsmanager:Describe*'], Resource: '*' });
    ok(call(sim, 'organizations', 'AttachPolicy', { policyId: readOnly, targetId: '444455556666' }));
    ok(call(sim, 'organizations', 'DetachPolicy', { policyId: 'p-FullAWSAccess', targetId: '444455556666' }));
    expect(call(sim, 'secretsmanager', 'ListSecrets', {}, MEMBER).ok).toBe(true);
    expect(failure(call(sim, 'secretsmanager', 'CreateSecret', { name: 'x', secretString: 'y' }, MEMBER)).message).toBe(
      'User: arn:aws:iam::444455556666:user/admin is not authorized to perform: secretsmanager:CreateSecret on resource: arn:aws:secretsmanager:us-east-1:444455556666:secret:x because no service control policy allows the secretsmanager:CreateSecret action',
    );
  });

  it('keeps at least one SCP on every target and refuses to delete a policy still attached', () => {
    const { sim, rootId } = organization();
    expect(failure(call(sim, 'organizations', 'DetachPolicy', { policyId: 'p-FullAWSAccess', targetId: rootId })).code).toBe('ConstraintViolationException');
    const deny = scp(sim, 'NoSecrets', { Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*' });
    ok(call(sim, 'organizations', 'AttachPolicy', { policyId: deny, targetId: rootId }));
    expect(failure(call(sim, 'organizations', 'AttachPolicy', { policyId: deny, targetId: rootId })).code).toBe('DuplicatePolicyAttachmentException');
    expect(failure(call(sim, 'organizations', 'DeletePolicy', { policyId: deny })).code).toBe('PolicyInUseException');
  });

  it('validates SCP documents with the policy validator and refuses policies before the type is enabled', () => {
    const sim = createSimulator();
    ok(call(sim, 'organizations', 'CreateOrganization'));
    const content = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
    expect(failure(call(sim, 'organizations', 'CreatePolicy', { name: 'x', description: '', type: 'SERVICE_CONTROL_POLICY', content })).code).toBe(
      'PolicyTypeNotEnabledException',
    );
    const rootId = ok(call(sim, 'organizations', 'ListRoots')).roots[0].id;
    ok(call(sim, 'organizations', 'EnablePolicyType', { rootId, policyType: 'SERVICE_CONTROL_POLICY' }));
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] });
    const error = failure(call(sim, 'organizations', 'CreatePolicy', { name: 'x', description: '', type: 'SERVICE_CONTROL_POLICY', content: withPrincipal }));
    expect(error.code).toBe('MalformedPolicyDocumentException');
    expect(error.message).toMatch(/line \d+, column \d+/);
  });

  it('sets aws:PrincipalOrgID, so a resource policy can share with the whole organization', () => {
    const { sim } = organization();
    const orgId = ok(call(sim, 'organizations', 'DescribeOrganization')).organization.id;
    const created = ok(call(sim, 'secretsmanager', 'CreateSecret', { name: 'shared', secretString: 'x' }));
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:DescribeSecret', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': orgId } } }],
    });
    ok(call(sim, 'secretsmanager', 'PutResourcePolicy', { secretId: 'shared', resourcePolicy: policy }));
    expect(call(sim, 'secretsmanager', 'DescribeSecret', { secretId: created.arn }, MEMBER).ok).toBe(true);
  });

  it('creates new member accounts with their own administrator', () => {
    const { sim } = organization();
    const status = ok(call(sim, 'organizations', 'CreateAccount', { email: 'new@example.com', accountName: 'Sandbox' })).createAccountStatus;
    expect(status.state).toBe('SUCCEEDED');
    expect(sim.state.accounts[status.accountId]?.name).toBe('Sandbox');
    expect(call(sim, 'secretsmanager', 'ListSecrets', {}, { principalArn: `arn:aws:iam::${status.accountId}:user/admin` }).ok).toBe(true);
  });
});
