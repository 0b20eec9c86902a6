import type { AuthorizationDecision, AuthorizationRequest, Authorizer, Principal, World } from '../kernel/index.ts';
import { isoTime } from '../clock/index.ts';
import {
  authorize,
  parsePolicy,
  type ContextValue,
  type NamedPolicy,
  type OrganizationLevel,
  type ParsedPolicy,
  type PolicySet,
} from './policy/index.ts';
import { callerPolicies, EMPTY_POLICY, type CallerPolicies, type Parse } from './caller-policies.ts';
import { DecisionMemo, decisionParts, policiesMentionTime } from './decision-memo.ts';
import { keysReadBy, keysReadByAll, policiesOfLevels, type KeysRead, type RequestKeysRead } from './keys-read.ts';

const NO_KEYS: KeysRead = new Set<string>();

function hasKeys(context: AuthorizationRequest['context']): boolean {
  for (const _ in context) return true;
  return false;
}

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
  const parsedOf = (document: string): ParsedPolicy | null => {
    let policy = parsed.get(document);
    if (policy === undefined) {
      const result = parsePolicy(document);
      // A stored policy was validated when it was written; one that no longer parses grants nothing.
      policy = result.ok ? result.policy : null;
      if (parsed.size > 2000) parsed.clear();
      parsed.set(document, policy);
    }
    return policy;
  };
  const parse: Parse = (name, document) => {
    if (document === undefined) return undefined;
    const policy = parsedOf(document);
    return policy ? { name, policy } : undefined;
  };
  const levels = (world: World, accountId: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY'): OrganizationLevel[] =>
    organizations.levels(world, accountId, type).map(({ level, policies: attached }) => ({
      level,
      policies: attached.flatMap(({ name, document }) => parse(name, document) ?? []),
    }));

  // Everything below reads only the request and the IAM, STS and Organizations state (DECISION_INPUTS), so it is
  // kept until one of those services writes: decisions, each caller's policies, each resource account's RCPs.
  const decisions = new DecisionMemo();
  const callers = new Map<string, Map<string | undefined, CallerPolicies>>();
  const resourceAccounts = new Map<string, ResourceAccount>();
  const callerOf = (world: World, principal: Principal): CallerPolicies => {
    let byKey = callers.get(principal.arn);
    if (!byKey) callers.set(principal.arn, (byKey = new Map()));
    let known = byKey.get(principal.accessKeyId);
    if (!known) {
      // SCPs bound the caller's account (they do not apply to the management account).
      const scp = levels(world, principal.accountId, 'SERVICE_CONTROL_POLICY');
      known = callerPolicies(world, principal, parse, scp, organizations.organizationId(world, principal.accountId));
      byKey.set(principal.accessKeyId, known);
    }
    return known;
  };
  const resourceAccountOf = (world: World, accountId: string): ResourceAccount => {
    let known = resourceAccounts.get(accountId);
    if (!known) {
      // RCPs bound the resource's account.
      known = { rcp: levels(world, accountId, 'RESOURCE_CONTROL_POLICY'), org: organizations.organizationId(world, accountId) };
      resourceAccounts.set(accountId, known);
    }
    return known;
  };
  // The context keys each side's policies read, kept with the (memoized) caller and account they come from.
  const callerKeys = new WeakMap<CallerPolicies, KeysRead>();
  const accountKeys = new WeakMap<ResourceAccount, KeysRead>();
  const keysRead = (world: World, request: AuthorizationRequest): RequestKeysRead => {
    const caller = callerOf(world, request.principal);
    let byCaller = callerKeys.get(caller);
    if (byCaller === undefined) {
      byCaller = keysReadByAll([...caller.identity, caller.boundary, ...(caller.session ?? []), ...policiesOfLevels(caller.scp)]);
      callerKeys.set(caller, byCaller);
    }
    const account = resourceAccountOf(world, request.resourceAccountId);
    let byAccount = accountKeys.get(account);
    if (byAccount === undefined) {
      byAccount = keysReadByAll(policiesOfLevels(account.rcp));
      accountKeys.set(account, byAccount);
    }
    // A trust policy is read in a form with an implicit Resource, which reads no more keys than the text does.
    const document = request.resourcePolicy?.document;
    const resource = document === undefined ? undefined : parsedOf(document);
    return { caller: byCaller, account: byAccount, resource: resource ? keysReadBy(resource) : NO_KEYS };
  };
  return {
    invalidate(service) {
      if (service !== undefined && !DECISION_INPUTS.has(service)) return;
      decisions.clear();
      callers.clear();
      resourceAccounts.clear();
    },
    authorize(world, request): AuthorizationDecision {
      const { principal } = request;
      // Scheduled work the service does for itself (a deletion window ending) needs no grant.
      if (principal.type === 'AWSService') return { allowed: true, message: `${principal.arn} acts for the service.` };
      // A request that states context keys is kept by the values of those its policies read (most state none).
      const parts = decisionParts(request, hasKeys(request.context) ? keysRead(world, request) : undefined);
      const now = world.clock.now;
      const known = decisions.get(parts, now);
      if (known) return known;
      const caller = callerOf(world, principal);
      const account = resourceAccountOf(world, request.resourceAccountId);
      const policies: PolicySet = {
        identity: caller.identity,
        boundary: caller.boundary,
        session: caller.session,
        scp: caller.scp,
        rcp: account.rcp,
      };
      addResourcePolicy(policies, request, parse);
      const result = authorize({
        request: {
          principal: principal.arn,
          ...(principal.roleArn ? { roleArn: principal.roleArn } : {}),
          action: request.action,
          resource: request.resourceArn,
          resourceAccount: request.resourceAccountId,
          context: contextFor(request, caller, account, instantKeys(now)),
        },
        policies,
      });
      const decision = { allowed: result.decision === 'Allow', message: result.message ?? result.explanation, trace: result };
      decisions.set(parts, now, decision, policiesMentionTime(policies));
      return decision;
    },
  };
}

/**
 * The services whose state a decision reads besides the request (IAM users, roles, policies and tags; STS
 * sessions, kept in the IAM state; Organizations' SCPs, RCPs and organization ids). A write or task of any other
 * service leaves every decision as it was: what it may change (a secret's resource policy or tags, a key policy)
 * reaches the authorizer inside the request, which is the memo's key.
 */
const DECISION_INPUTS: ReadonlySet<string> = new Set(['iam', 'sts', 'organizations']);

interface ResourceAccount {
  rcp: OrganizationLevel[];
  /** aws:ResourceOrgID, when the resource's account is in an organization. */
  org: string | undefined;
}

function addResourcePolicy(set: PolicySet, request: AuthorizationRequest, parse: Parse): void {
  const resource = request.resourcePolicy;
  if (resource?.type === 'key') set.keyPolicy = parse(`key-policy:${request.resourceArn}`, resource.document) ?? null;
  else if (resource?.type === 'resource')
    set.resource = parse(`resource-policy:${request.resourceArn}`, resource.document) ?? null;
  // A trust policy must allow, even in the same account (naming the account then lets IAM policies decide) [IAM roles].
  else if (resource?.type === 'trust') {
    const name = `trust-policy:${request.resourceArn}`;
    set.trustPolicy = asTrustPolicy(parse(name, resource.document) ?? parse(name, EMPTY_POLICY));
  }
}

/**
 * A role's trust policy is its resource policy, written without a Resource element: the resource is always the
 * role itself. The evaluator treats a statement without Resource as matching nothing (as KMS does), so each
 * statement is given an implicit Resource that covers the role, located at the statement for the trace.
 */
const trustForms = new WeakMap<ParsedPolicy, ParsedPolicy>();
function asTrustPolicy(named: NamedPolicy | undefined): NamedPolicy | null {
  if (!named) return null;
  // Made once per parsed policy, so the evaluator's per-statement compilation is reused too.
  let policy = trustForms.get(named.policy);
  if (!policy) {
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
    policy = { ...named.policy, statements };
    trustForms.set(named.policy, policy);
  }
  return { name: named.name, policy };
}

/** aws:CurrentTime and aws:EpochTime of the last instant asked: every decision at one instant uses the same strings. */
let lastInstant = { now: Number.NaN, iso: '', epoch: '' };
function instantKeys(now: number): { iso: string; epoch: string } {
  if (lastInstant.now !== now) lastInstant = { now, iso: isoTime(now), epoch: String(Math.floor(now / 1000)) };
  return lastInstant;
}

/**
 * The global condition keys AWS sets on every request (present only when AWS would set them), plus the keys the
 * operation or the calling service supplied.
 */
function contextFor(
  request: AuthorizationRequest,
  caller: CallerPolicies,
  account: ResourceAccount,
  instant: { iso: string; epoch: string },
): Record<string, ContextValue> {
  const { principal } = request;
  const context: Record<string, ContextValue> = {
    'aws:CurrentTime': instant.iso,
    'aws:EpochTime': instant.epoch,
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': request.region,
    'aws:userid': principal.principalId,
  };
  if (request.sourceIp && !request.viaService) context['aws:SourceIp'] = request.sourceIp;
  if (principal.type === 'IAMUser' && principal.userName) context['aws:username'] = principal.userName;
  if (caller.principalOrg) context['aws:PrincipalOrgID'] = caller.principalOrg;
  if (account.org && request.resourceArn !== '*') context['aws:ResourceOrgID'] = account.org;
  for (const [key, value] of caller.tags) context[key] = value;
  if (request.viaService) {
    context['aws:ViaAWSService'] = 'true';
    context['aws:CalledVia'] = [request.viaService];
    context['aws:CalledViaFirst'] = request.viaService;
    context['aws:CalledViaLast'] = request.viaService;
  } else context['aws:ViaAWSService'] = 'false';
  for (const key in request.context) {
    const value = request.context[key];
    context[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return context;
}
