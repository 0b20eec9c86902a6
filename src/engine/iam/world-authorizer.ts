import type { AuthorizationDecision, AuthorizationRequest, Authorizer, Principal, World } from '../kernel/index.ts';
import { isoTime } from '../clock/index.ts';
import {
  authorize,
  parsePolicy,
  type ContextValue,
  type NamedPolicy,
  type ParsedPolicy,
  type PolicySet,
} from './policy/index.ts';
import { awsManagedPolicy } from './aws-managed-policies.ts';
import type { IamAccount } from './identity-state.ts';
import { iamState } from './identity.ts';
import { DecisionMemo, decisionParts, policiesMentionTime } from './decision-memo.ts';

/**
 * The authorizer the pipeline runs for every call: it gathers, from the world, every policy that bears on the
 * request (the caller's identity policies, boundary and session policies, the resource or key policy) and asks
 * the policy language's authorizer for the decision, which carries its full explanation.
 */
/** What the authorizer needs from Organizations, handed in by the engine's wiring (a port). */
export interface OrganizationLevels {
  /** SCP or RCP levels governing an account, root first (empty: none apply). */
  levels(
    world: World,
    accountId: string,
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY',
  ): { level: string; policies: { name: string; document: string }[] }[];
  /** The organization id of an account, for aws:PrincipalOrgID and aws:ResourceOrgID. */
  organizationId(world: World, accountId: string): string | undefined;
}

const NO_ORGANIZATIONS: OrganizationLevels = { levels: () => [], organizationId: () => undefined };

export function createPolicyAuthorizer(organizations: OrganizationLevels = NO_ORGANIZATIONS): Authorizer {
  const parsed = new Map<string, ParsedPolicy | null>();
  const parse = (name: string, document: string | undefined): NamedPolicy | undefined => {
    if (document === undefined) return undefined;
    let policy = parsed.get(document);
    if (policy === undefined) {
      const result = parsePolicy(document);
      // A stored policy was validated when it was written; one that no longer parses grants nothing.
      policy = result.ok ? result.policy : null;
      if (parsed.size > 2000) parsed.clear();
      parsed.set(document, policy);
    }
    return policy ? { name, policy } : undefined;
  };

  const decisions = new DecisionMemo();
  return {
    invalidate(service) {
      if (service === undefined || DECISION_INPUTS.has(service)) decisions.clear();
    },
    authorize(world, request): AuthorizationDecision {
      const { principal } = request;
      // Scheduled work the service does for itself (a deletion window ending) needs no grant.
      if (principal.type === 'AWSService') return { allowed: true, message: `${principal.arn} acts for the service.` };
      const parts = decisionParts(request);
      const now = world.clock.now;
      const known = decisions.get(parts, now);
      if (known) return known;
      const { decision, timeBound } = decide(world, request);
      decisions.set(parts, now, decision, timeBound);
      return decision;
    },
  };

  function decide(world: World, request: AuthorizationRequest): { decision: AuthorizationDecision; timeBound: boolean } {
    const { principal } = request;
    const policies = policySetFor(world, request, parse);
    const levels = (accountId: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY') =>
      organizations.levels(world, accountId, type).map(({ level, policies: attached }) => ({
        level,
        policies: attached.flatMap(({ name, document }) => parse(name, document) ?? []),
      }));
    // SCPs bound the caller's account; RCPs bound the resource's account (neither applies to the management account).
    policies.scp = levels(principal.accountId, 'SERVICE_CONTROL_POLICY');
    policies.rcp = levels(request.resourceAccountId, 'RESOURCE_CONTROL_POLICY');
    const result = authorize({
      request: {
        principal: principal.arn,
        ...(principal.roleArn ? { roleArn: principal.roleArn } : {}),
        action: request.action,
        resource: request.resourceArn,
        resourceAccount: request.resourceAccountId,
        context: contextFor(world, request, organizations),
      },
      policies,
    });
    return {
      decision: { allowed: result.decision === 'Allow', message: result.message ?? result.explanation, trace: result },
      timeBound: policiesMentionTime(policies),
    };
  }
}

/**
 * The services whose state a decision reads besides the request (IAM users, roles, policies and tags; STS
 * sessions, kept in the IAM state; Organizations' SCPs, RCPs and organization ids). A write or task of any other
 * service leaves every decision as it was: what it may change (a secret's resource policy or tags, a key policy)
 * reaches the authorizer inside the request, which is the memo's key.
 */
const DECISION_INPUTS: ReadonlySet<string> = new Set(['iam', 'sts', 'organizations']);

type Parse = (name: string, document: string | undefined) => NamedPolicy | undefined;

function policySetFor(world: World, request: AuthorizationRequest, parse: Parse): PolicySet {
  const { principal } = request;
  const state = iamState(world);
  const account = state.accounts[principal.accountId];
  const set: PolicySet = { identity: [], boundary: null, session: null };
  if (account) {
    const managed = (arn: string) => parse(arn, managedDocument(account, arn));
    const inline = (owner: string, policies: Record<string, string>) =>
      Object.entries(policies).flatMap(([name, document]) => parse(`${owner}/inline:${name}`, document) ?? []);
    if (principal.type === 'IAMUser' && principal.userName) {
      const user = account.users[principal.userName];
      if (user) {
        set.identity = [
          ...inline(user.arn, user.inlinePolicies),
          ...user.attachedPolicies.flatMap((arn) => managed(arn) ?? []),
        ];
        for (const groupName of user.groups) {
          const group = account.groups[groupName];
          if (group)
            set.identity.push(
              ...inline(group.arn, group.inlinePolicies),
              ...group.attachedPolicies.flatMap((arn) => managed(arn) ?? []),
            );
        }
        if (user.permissionsBoundary) set.boundary = managed(user.permissionsBoundary) ?? null;
      }
    }
    if (principal.type === 'AssumedRole' && principal.roleArn) {
      const role = Object.values(account.roles).find((r) => r.arn === principal.roleArn);
      if (role) {
        set.identity = [
          ...inline(role.arn, role.inlinePolicies),
          ...role.attachedPolicies.flatMap((arn) => managed(arn) ?? []),
        ];
        if (role.permissionsBoundary) set.boundary = managed(role.permissionsBoundary) ?? null;
      }
      const session = principal.accessKeyId ? state.sessions[principal.accessKeyId] : undefined;
      if (session && (session.sessionPolicy !== undefined || session.policyArns?.length)) {
        set.session = [
          ...(session.sessionPolicy !== undefined
            ? [parse(`${principal.arn}/session-policy`, session.sessionPolicy)].flatMap((p) => p ?? [])
            : []),
          ...(session.policyArns ?? []).flatMap((arn) => managed(arn) ?? []),
        ];
        // Session policies only ever narrow: one that no longer resolves (a deleted managed policy) grants nothing,
        // it does not lift the restriction.
        if (set.session.length === 0) set.session = [parse(`${principal.arn}/session-policy`, EMPTY_POLICY)!];
      }
    }
  }
  const resource = request.resourcePolicy;
  if (resource?.type === 'key') set.keyPolicy = parse(`key-policy:${request.resourceArn}`, resource.document) ?? null;
  else if (resource?.type === 'resource')
    set.resource = parse(`resource-policy:${request.resourceArn}`, resource.document) ?? null;
  // A trust policy must allow, even in the same account (naming the account then lets IAM policies decide) [IAM roles].
  else if (resource?.type === 'trust') {
    const name = `trust-policy:${request.resourceArn}`;
    set.trustPolicy = asTrustPolicy(parse(name, resource.document) ?? parse(name, EMPTY_POLICY));
  }
  return set;
}

const EMPTY_POLICY = '{"Version":"2012-10-17","Statement":[]}';

/**
 * A role's trust policy is its resource policy, written without a Resource element: the resource is always the
 * role itself. The evaluator treats a statement without Resource as matching nothing (as KMS does), so each
 * statement is given an implicit Resource that covers the role, located at the statement for the trace.
 */
function asTrustPolicy(named: NamedPolicy | undefined): NamedPolicy | null {
  if (!named) return null;
  const statements = named.policy.statements.map((statement) =>
    statement.resource
      ? statement
      : {
          ...statement,
          resource: {
            element: 'Resource' as const,
            entries: [{ value: '*', range: statement.range }],
            single: true,
            range: statement.range,
          },
        },
  );
  return { name: named.name, policy: { ...named.policy, statements } };
}

function managedDocument(account: IamAccount, arn: string): string | undefined {
  const aws = awsManagedPolicy(arn);
  if (aws) return aws.document;
  const policy = account.policies[arn];
  return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

/**
 * The global condition keys AWS sets on every request (present only when AWS would set them), plus the keys the
 * operation or the calling service supplied.
 */
function contextFor(
  world: World,
  request: AuthorizationRequest,
  organizations: OrganizationLevels,
): Record<string, ContextValue> {
  const { principal } = request;
  const context: Record<string, ContextValue> = {
    'aws:CurrentTime': isoTime(world.clock.now),
    'aws:EpochTime': String(Math.floor(world.clock.now / 1000)),
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': request.region,
    'aws:userid': principal.principalId,
  };
  if (request.sourceIp && !request.viaService) context['aws:SourceIp'] = request.sourceIp;
  if (principal.type === 'IAMUser' && principal.userName) context['aws:username'] = principal.userName;
  const principalOrg = organizations.organizationId(world, principal.accountId);
  if (principalOrg) context['aws:PrincipalOrgID'] = principalOrg;
  const resourceOrg = organizations.organizationId(world, request.resourceAccountId);
  if (resourceOrg && request.resourceArn !== '*') context['aws:ResourceOrgID'] = resourceOrg;
  for (const tag of principalTags(world, principal)) context[`aws:PrincipalTag/${tag.key}`] = tag.value;
  if (request.viaService) {
    context['aws:ViaAWSService'] = 'true';
    context['aws:CalledVia'] = [request.viaService];
    context['aws:CalledViaFirst'] = request.viaService;
    context['aws:CalledViaLast'] = request.viaService;
  } else context['aws:ViaAWSService'] = 'false';
  for (const [key, value] of Object.entries(request.context)) {
    context[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return context;
}

function principalTags(world: World, principal: Principal): { key: string; value: string }[] {
  const account = iamState(world).accounts[principal.accountId];
  if (!account) return [];
  if (principal.type === 'IAMUser' && principal.userName) return account.users[principal.userName]?.tags ?? [];
  if (principal.type === 'AssumedRole' && principal.roleArn) {
    const role = Object.values(account.roles).find((r) => r.arn === principal.roleArn);
    const session = principal.accessKeyId ? iamState(world).sessions[principal.accessKeyId] : undefined;
    // Session tags override the role's tags with the same key.
    const tags = new Map((role?.tags ?? []).map((t) => [t.key, t.value]));
    for (const tag of session?.tags ?? []) tags.set(tag.key, tag.value);
    return [...tags].map(([key, value]) => ({ key, value }));
  }
  return [];
}
