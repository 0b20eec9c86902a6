/**
 * The decision procedure of spec section 4 (cedar's authorizer): evaluate every policy that bears on the
 * request, then combine. Explicit deny anywhere wins; then the RCP and SCP gates; then the root user, the
 * resource (or key) policy, identity policies, the permissions boundary and session policies, with the
 * same-account shortcuts and the cross-account "both sides must allow" rule [EVAL][XACC][PB][SESS][KMS-KP].
 * Everything is evaluated (no short cut) so the trace lists every matching statement, and the result never
 * depends on policy or statement order.
 */
import { evaluatePolicy, requestFacts } from './evaluator.ts';
import type { EvaluationOptions, EvaluationRequest, PolicyEvaluation, RequestFacts, StatementResult } from './evaluator.ts';
import type { PrincipalMatchKind } from './principal-match.ts';
import { addPrincipalKeys, ContextKeys, describeCaller, describeCallerMemo } from './request-context.ts';
import type { Caller } from './request-context.ts';
import { accessDeniedMessage, policyTypePhrase } from './access-denied-message.ts';
import type {
  AuthorizationInput,
  AuthorizationResult,
  DecisionReason,
  NamedPolicy,
  OrganizationLevel,
  PolicyTrace,
  PolicyType,
  ReasonCode,
  StatementRef,
} from './authorizer-types.ts';

interface Evaluated {
  type: PolicyType;
  named: NamedPolicy;
  level: string | undefined;
  evaluation: PolicyEvaluation;
}

/** Principal kinds whose same-account resource-policy grant stands alone (spec 4.3 step 5a). */
const STANDALONE_KINDS: ReadonlySet<PrincipalMatchKind> = new Set(['direct-user', 'direct-session', 'direct-federated', 'wildcard', 'service']);
/** Kinds that waive the identity policy but not the boundary or session policy. */
const ROLE_KINDS: ReadonlySet<PrincipalMatchKind> = new Set(['role', 'federating-user']);
const KIND_ORDER: readonly PrincipalMatchKind[] = ['direct-user', 'direct-session', 'direct-federated', 'service', 'wildcard', 'role', 'federating-user', 'account'];

/**
 * Reason texts that vary only with the policy type (and match kind), written once: the same strings every time, so
 * the explanation's sentence-case forms below are remembered rather than rebuilt per decision.
 */
const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'key', 'trust', 'boundary', 'session', 'scp', 'rcp'];

function perPolicyType<T>(build: (type: PolicyType) => T): Record<PolicyType, T> {
  return Object.fromEntries(POLICY_TYPES.map((type) => [type, build(type)])) as Record<PolicyType, T>;
}

const SAME_ACCOUNT_GRANT = perPolicyType((type) =>
  Object.fromEntries(
    KIND_ORDER.map((kind) => [
      kind,
      `the ${policyTypePhrase(type)} names the caller (${kind}); in the same account that grant stands alone, without an identity policy, boundary or session policy`,
    ]),
  ) as Record<PrincipalMatchKind, string>,
);
const NO_ALLOW_IN_OTHER_ACCOUNT = perPolicyType((type) => `the ${policyTypePhrase(type)} of the other account has no Allow for the caller`);
const GRANT_FROM_OTHER_ACCOUNT = perPolicyType((type) => `the ${policyTypePhrase(type)} of the resource's account allows the caller`);

const SENTENCE_MEMO_LIMIT = 1_024;
const sentenceMemo = new Map<string, string>();

/** A reason as a sentence of the explanation: its first letter capitalized. */
function sentenceCase(message: string): string {
  let sentence = sentenceMemo.get(message);
  if (sentence === undefined) {
    sentence = message.charAt(0).toUpperCase() + message.slice(1);
    if (sentenceMemo.size >= SENTENCE_MEMO_LIMIT) sentenceMemo.clear();
    sentenceMemo.set(message, sentence);
  }
  return sentence;
}

/** Explicit denies are reported in this order when several policy types deny. */
const DENY_REPORT_ORDER: readonly PolicyType[] = ['scp', 'rcp', 'resource', 'key', 'trust', 'identity', 'boundary', 'session'];

const PRINCIPAL_REQUIRED: EvaluationOptions = { principalRequired: true };
const PRINCIPAL_IMPLIED: EvaluationOptions = { principalRequired: false };

export function authorize(input: AuthorizationInput): AuthorizationResult {
  const { request, policies } = input;
  const caller = callerOf(request);
  const evaluationRequest: EvaluationRequest = {
    caller,
    action: request.action,
    resource: request.resource,
    context: addPrincipalKeys(caller, new ContextKeys(request.context ?? {})),
    hasPermissionsBoundary: Boolean(policies.boundary),
  };
  const facts = requestFacts(evaluationRequest);
  // A key policy and a role's trust policy must themselves allow, even in the same account [KMS-KP][IAM roles].
  const isKey = Boolean(policies.keyPolicy) || Boolean(policies.trustPolicy);
  const resourcePolicy = policies.keyPolicy ?? policies.trustPolicy ?? policies.resource ?? undefined;
  const resourceType: PolicyType = policies.keyPolicy ? 'key' : policies.trustPolicy ? 'trust' : 'resource';
  // A service principal or anonymous caller has no identity policies, boundary, session or SCPs.
  const hasIdentitySide = caller.kind !== 'service' && caller.kind !== 'anonymous';

  const evaluated: Evaluated[] = [];
  if (hasIdentitySide) {
    runLevels(evaluated, 'scp', policies.scp, evaluationRequest, facts);
    for (const named of policies.identity ?? []) run(evaluated, 'identity', named, undefined, evaluationRequest, facts);
    if (policies.boundary) run(evaluated, 'boundary', policies.boundary, undefined, evaluationRequest, facts);
    for (const named of policies.session ?? []) run(evaluated, 'session', named, undefined, evaluationRequest, facts);
  }
  // RCPs do not apply to AWS service principals [RCP].
  if (caller.kind !== 'service') runLevels(evaluated, 'rcp', policies.rcp, evaluationRequest, facts);
  if (resourcePolicy) run(evaluated, resourceType, resourcePolicy, undefined, evaluationRequest, facts);

  const crossAccount = hasIdentitySide && caller.account !== request.resourceAccount;
  const builder = new ResultBuilder(request.principal, request.action, request.resource, evaluated, crossAccount);

  // 1. Explicit deny anywhere.
  const denies: StatementRef[] = [];
  for (const e of evaluated) for (const s of e.evaluation.denies) denies.push(refOf(e, s));
  if (denies.length > 0) {
    const first = DENY_REPORT_ORDER.find((type) => denies.some((d) => d.policyType === type)) ?? 'identity';
    builder.reason('EXPLICIT_DENY', first, `${denies.length === 1 ? 'a Deny statement matches' : `${denies.length} Deny statements match`} the request; an explicit deny overrides every Allow`, denies);
    return builder.deny('explicit', first, denies);
  }

  // 2-3. Organization gates: every listed level needs an Allow (implicit deny otherwise) [SCP][RCP].
  if (caller.kind !== 'service') {
    const rcpGap = missingLevel(policies.rcp, 'rcp', evaluated);
    if (rcpGap !== undefined) {
      builder.reason('RCP_LEVEL_WITHOUT_ALLOW', 'rcp', `no resource control policy attached at \`${rcpGap}\` allows the action`);
      return builder.deny('implicit', 'rcp');
    }
  }
  if (hasIdentitySide) {
    const scpGap = missingLevel(policies.scp, 'scp', evaluated);
    if (scpGap !== undefined) {
      builder.reason('SCP_LEVEL_WITHOUT_ALLOW', 'scp', `no service control policy attached at \`${scpGap}\` allows the action; this also blocks grants made by a resource policy`);
      return builder.deny('implicit', 'scp');
    }
  }

  let strongestKind: PrincipalMatchKind | undefined;
  const resourceAllowRefs: StatementRef[] = [];
  for (const e of evaluated) {
    if (e.type !== resourceType) continue;
    for (const s of e.evaluation.allows) {
      strongestKind = stronger(strongestKind, s.principal?.kind);
      resourceAllowRefs.push(refOf(e, s));
    }
  }

  if (!hasIdentitySide) {
    if (strongestKind && STANDALONE_KINDS.has(strongestKind)) {
      builder.reason('RESOURCE_POLICY_GRANTS_PRINCIPAL', resourceType, 'the resource policy grants the caller directly', resourceAllowRefs);
      return builder.allow(resourceAllowRefs);
    }
    builder.reason('SERVICE_OR_ANONYMOUS_NEEDS_RESOURCE_POLICY', resourceType, 'a service principal or anonymous caller can only be granted access by the resource policy, and it does not');
    return builder.deny('implicit', resourceType);
  }
  return crossAccount
    ? decideCrossAccount(builder, caller, evaluated, resourceType, Boolean(resourcePolicy), resourceAllowRefs)
    : decideSameAccount(builder, caller, evaluated, resourceType, isKey, strongestKind, resourceAllowRefs);
}

function decideSameAccount(
  builder: ResultBuilder,
  caller: Caller,
  evaluated: Evaluated[],
  resourceType: PolicyType,
  isKey: boolean,
  kind: PrincipalMatchKind | undefined,
  resourceAllowRefs: StatementRef[],
): AuthorizationResult {
  // 5b. KMS: nobody, not even the root user, can use a key its key policy does not allow [KMS-KP].
  if (isKey && kind === undefined) {
    if (resourceType === 'trust') {
      builder.reason('TRUST_POLICY_NO_ALLOW', 'trust', "the role's trust policy does not allow the caller to assume the role, so no identity policy can");
      return builder.deny('implicit', 'trust');
    }
    builder.reason('KEY_POLICY_NO_ALLOW', 'key', 'the key policy has no Allow for the caller, so IAM policies cannot grant access to this key (not even for the root user)');
    return builder.deny('implicit', 'key');
  }
  // 4. The root user is allowed in its own account unless explicitly denied [EVAL].
  if (caller.kind === 'root') {
    builder.reason('ROOT_USER', undefined, 'the account root user has full access to its own account');
    return builder.allow(resourceAllowRefs);
  }
  if (kind && STANDALONE_KINDS.has(kind)) {
    builder.reason('RESOURCE_POLICY_GRANTS_PRINCIPAL', resourceType, SAME_ACCOUNT_GRANT[resourceType][kind], resourceAllowRefs);
    return builder.allow(resourceAllowRefs);
  }
  if (kind && ROLE_KINDS.has(kind)) {
    builder.reason('RESOURCE_POLICY_GRANTS_ROLE', resourceType, 'the resource policy names the role (or federating user), which waives the identity policy but not the permissions boundary or session policy', resourceAllowRefs);
    const gap = boundaryOrSessionGap(builder, caller, evaluated, false);
    return gap ?? builder.allow(resourceAllowRefs);
  }
  if (kind === 'account') {
    builder.reason(
      resourceType === 'key' ? 'KEY_POLICY_ENABLES_IAM' : resourceType === 'trust' ? 'TRUST_POLICY_ENABLES_IAM' : 'RESOURCE_POLICY_NAMES_ACCOUNT',
      resourceType,
      resourceType === 'key'
        ? 'the key policy allows the account, which enables IAM policies to grant use of the key'
        : resourceType === 'trust'
          ? "the role's trust policy trusts the account, so the caller's IAM policies must also allow sts:AssumeRole"
          : 'the resource policy names the account, which only delegates to the account\'s IAM policies',
      resourceAllowRefs,
    );
  }
  // 6-8. The identity path.
  const identityAllows = allowsOf(evaluated, 'identity');
  if (identityAllows.length === 0) {
    builder.reason('NO_IDENTITY_POLICY_ALLOW', 'identity', 'no identity-based policy allows the action');
    return builder.deny('implicit', 'identity');
  }
  builder.reason('IDENTITY_POLICY_ALLOWS', 'identity', 'an identity-based policy allows the action', identityAllows);
  return boundaryOrSessionGap(builder, caller, evaluated, true) ?? builder.allow([...identityAllows, ...resourceAllowRefs]);
}

function decideCrossAccount(
  builder: ResultBuilder,
  caller: Caller,
  evaluated: Evaluated[],
  resourceType: PolicyType,
  hasResourcePolicy: boolean,
  resourceAllowRefs: StatementRef[],
): AuthorizationResult {
  // Trusting side: the resource's account must grant through its resource (or key) policy, any match kind [XACC].
  if (!hasResourcePolicy) {
    builder.reason('NO_RESOURCE_POLICY', resourceType, 'the resource is in another account and has no resource policy, so that account grants nothing');
    return builder.deny('implicit', resourceType);
  }
  if (resourceAllowRefs.length === 0) {
    builder.reason('RESOURCE_POLICY_NO_ALLOW', resourceType, NO_ALLOW_IN_OTHER_ACCOUNT[resourceType]);
    return builder.deny('implicit', resourceType);
  }
  builder.reason('RESOURCE_POLICY_GRANTS_PRINCIPAL', resourceType, GRANT_FROM_OTHER_ACCOUNT[resourceType], resourceAllowRefs);
  // Trusted side: the caller's own account must allow too; same-account shortcuts do not apply.
  let identityAllows: StatementRef[] = [];
  if (caller.kind === 'root') {
    builder.reason('ROOT_USER', undefined, 'the root user has every identity permission in its own account');
  } else {
    identityAllows = allowsOf(evaluated, 'identity');
    if (identityAllows.length === 0) {
      builder.reason('NO_IDENTITY_POLICY_ALLOW', 'identity', 'cross-account access also needs an identity-based policy in the caller\'s account, and none allows the action');
      return builder.deny('implicit', 'identity');
    }
    builder.reason('IDENTITY_POLICY_ALLOWS', 'identity', 'an identity-based policy in the caller\'s account allows the action', identityAllows);
  }
  const gap = boundaryOrSessionGap(builder, caller, evaluated, true);
  if (gap) return gap;
  builder.reason('CROSS_ACCOUNT_BOTH_SIDES_ALLOW', undefined, 'both the resource\'s account and the caller\'s account allow the request');
  return builder.allow([...resourceAllowRefs, ...identityAllows]);
}

/** Steps 7-8: a present boundary must allow; a present session policy must allow; federated sessions need one. */
function boundaryOrSessionGap(builder: ResultBuilder, caller: Caller, evaluated: Evaluated[], federatedNeedsPolicy: boolean): AuthorizationResult | undefined {
  if (evaluated.some((e) => e.type === 'boundary') && allowsOf(evaluated, 'boundary').length === 0) {
    builder.reason('BOUNDARY_NO_ALLOW', 'boundary', 'the permissions boundary does not allow the action');
    return builder.deny('implicit', 'boundary');
  }
  const hasSession = evaluated.some((e) => e.type === 'session');
  if (hasSession && allowsOf(evaluated, 'session').length === 0) {
    builder.reason('SESSION_POLICY_NO_ALLOW', 'session', 'the session policy does not allow the action');
    return builder.deny('implicit', 'session');
  }
  if (!hasSession && federatedNeedsPolicy && caller.kind === 'federated-user') {
    builder.reason('FEDERATED_SESSION_WITHOUT_POLICY', 'session', 'a GetFederationToken session without a session policy has no identity-based permissions');
    return builder.deny('implicit', 'session');
  }
  return undefined;
}

/** The caller of a request; plain principal ARNs and role sessions are described once and remembered. */
function callerOf(request: AuthorizationInput['request']): Caller {
  if (request.federatingUserArn) {
    const overrides: { roleArn?: string; federatingUserArn?: string } = { federatingUserArn: request.federatingUserArn };
    if (request.roleArn) overrides.roleArn = request.roleArn;
    return describeCaller(request.principal, overrides);
  }
  return describeCallerMemo(request.principal, request.roleArn || undefined);
}

function run(evaluated: Evaluated[], type: PolicyType, named: NamedPolicy, level: string | undefined, request: EvaluationRequest, facts: RequestFacts): void {
  const options = type === 'resource' || type === 'key' || type === 'trust' || type === 'rcp' ? PRINCIPAL_REQUIRED : PRINCIPAL_IMPLIED;
  evaluated.push({ type, named, level, evaluation: evaluatePolicy(named.policy, request, options, facts) });
}

function runLevels(evaluated: Evaluated[], type: 'scp' | 'rcp', levels: OrganizationLevel[] | undefined, request: EvaluationRequest, facts: RequestFacts): void {
  for (const level of levels ?? []) for (const named of level.policies) run(evaluated, type, named, level.level, request, facts);
}

function missingLevel(levels: OrganizationLevel[] | undefined, type: 'scp' | 'rcp', evaluated: Evaluated[]): string | undefined {
  for (const level of levels ?? []) {
    const satisfied = evaluated.some((e) => e.type === type && e.level === level.level && e.evaluation.allows.length > 0);
    if (!satisfied) return level.level;
  }
  return undefined;
}

function allowsOf(evaluated: Evaluated[], type: PolicyType): StatementRef[] {
  const refs: StatementRef[] = [];
  for (const e of evaluated) {
    if (e.type !== type) continue;
    for (const s of e.evaluation.allows) refs.push(refOf(e, s));
  }
  return refs;
}

/** The stronger of two match kinds (the earlier in KIND_ORDER); the first seen wins a tie. */
function stronger(best: PrincipalMatchKind | undefined, kind: PrincipalMatchKind | undefined): PrincipalMatchKind | undefined {
  if (!kind) return best;
  if (!best || KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(best)) return kind;
  return best;
}

function refOf(evaluated: Evaluated, statement: StatementResult): StatementRef {
  return {
    policyType: evaluated.type,
    policyName: evaluated.named.name,
    level: evaluated.level,
    label: statement.label,
    index: statement.index,
    effect: statement.effect,
    range: statement.range,
  };
}

/** Accumulates reasons and renders the final result. */
class ResultBuilder {
  private readonly reasons: DecisionReason[] = [];

  constructor(
    private readonly principal: string,
    private readonly action: string,
    private readonly resource: string,
    private readonly evaluated: Evaluated[],
    private readonly crossAccount: boolean,
  ) {}

  reason(code: ReasonCode, policyType: PolicyType | undefined, message: string, statements: StatementRef[] = []): void {
    this.reasons.push({ code, policyType, message, statements });
  }

  allow(deciding: StatementRef[]): AuthorizationResult {
    return this.result('Allow', deciding, undefined, undefined);
  }

  deny(kind: 'explicit' | 'implicit', policyType: PolicyType, deciding: StatementRef[] = []): AuthorizationResult {
    const message = accessDeniedMessage(kind, policyType, this.principal, this.action, this.resource);
    return this.result(kind === 'explicit' ? 'ExplicitDeny' : 'ImplicitDeny', deciding, { kind, policyType }, message);
  }

  private result(
    decision: AuthorizationResult['decision'],
    deciding: StatementRef[],
    denial: AuthorizationResult['denial'],
    message: string | undefined,
  ): AuthorizationResult {
    const policies: PolicyTrace[] = this.evaluated.map((e) => ({
      policyType: e.type,
      name: e.named.name,
      level: e.level,
      outcome: e.evaluation.denies.length > 0 ? 'denies' : e.evaluation.allows.length > 0 ? 'allows' : 'does-not-apply',
      statements: e.evaluation.statements,
    }));
    const verdict = decision === 'Allow' ? 'allowed' : decision === 'ExplicitDeny' ? 'explicitly denied' : 'implicitly denied';
    let steps = '';
    for (let i = 0; i < this.reasons.length; i++) steps += (i > 0 ? '. ' : '') + sentenceCase((this.reasons[i] as DecisionReason).message);
    const explanation = `${this.action} on ${this.resource} is ${verdict}${this.crossAccount ? ' (cross-account request)' : ''}. ${steps}.`;
    return { decision, deciding, reasons: this.reasons, denial, message, crossAccount: this.crossAccount, policies, explanation };
  }
}
