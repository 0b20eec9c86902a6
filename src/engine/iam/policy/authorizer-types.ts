/**
 * Inputs and outputs of the authorizer: plain data, so the simulator, the `secretslab evaluate` command
 * and the decision-table tests all speak the same shape.
 */
import type { ParsedPolicy } from './policy-model.ts';
import type { ContextValue } from './request-context.ts';
import type { PolicyEvaluation, StatementResult } from './evaluator.ts';
import type { SourceRange } from './source-range.ts';

export type PolicyType = 'identity' | 'resource' | 'key' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp';

export interface NamedPolicy {
  /** How the trace names the policy, e.g. a managed policy ARN or `inline:ReadSecrets`. */
  name: string;
  policy: ParsedPolicy;
}

/** One level of an organization (root, an OU, the account) with the SCPs or RCPs attached there. */
export interface OrganizationLevel {
  level: string;
  policies: NamedPolicy[];
}

export interface AuthorizationRequest {
  /** The caller's ARN: `…:root`, `…:user/…`, `…:assumed-role/…`, `…:federated-user/…`, a service name, or `anonymous`. */
  principal: string;
  /** For a role session whose role has a path: the role's full ARN. */
  roleArn?: string;
  /** For a federated-user session: the IAM user that called GetFederationToken. */
  federatingUserArn?: string;
  action: string;
  /** The resource ARN, or `*` for actions that have no resource type. */
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  context?: Readonly<Record<string, ContextValue>>;
}

export interface PolicySet {
  /** The caller's identity policies (user inline, attached and group policies; or the role's). */
  identity?: NamedPolicy[];
  boundary?: NamedPolicy | null;
  /** Session policies of a role or federated session (inline and managed ones together). */
  session?: NamedPolicy[] | null;
  /** SCP levels of the caller's account, root first. Empty or absent: no SCPs apply (not in an org, management account). */
  scp?: OrganizationLevel[];
  /** RCP levels of the resource's account. Each listed level needs an Allow (include RCPFullAWSAccess). */
  rcp?: OrganizationLevel[];
  /** The resource-based policy of a non-KMS resource (a secret policy). */
  resource?: NamedPolicy | null;
  /** The key policy, when the resource is a KMS key: it must allow, IAM counts only if it delegates [KMS-KP]. */
  keyPolicy?: NamedPolicy | null;
  /**
   * A role's trust policy, when the request assumes the role: like a key policy it must allow, even in the same
   * account; naming the account delegates to that account's IAM policies [IAM roles].
   */
  trustPolicy?: NamedPolicy | null;
}

export interface AuthorizationInput {
  request: AuthorizationRequest;
  policies: PolicySet;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** Points at one statement of one policy: what the UI highlights. */
export interface StatementRef {
  policyType: PolicyType;
  policyName: string;
  level: string | undefined;
  label: string;
  index: number;
  effect: 'Allow' | 'Deny';
  range: SourceRange;
}

export type ReasonCode =
  | 'EXPLICIT_DENY'
  | 'RCP_LEVEL_WITHOUT_ALLOW'
  | 'SCP_LEVEL_WITHOUT_ALLOW'
  | 'ROOT_USER'
  | 'RESOURCE_POLICY_GRANTS_PRINCIPAL'
  | 'RESOURCE_POLICY_GRANTS_ROLE'
  | 'RESOURCE_POLICY_NAMES_ACCOUNT'
  | 'RESOURCE_POLICY_NO_ALLOW'
  | 'NO_RESOURCE_POLICY'
  | 'KEY_POLICY_NO_ALLOW'
  | 'KEY_POLICY_ENABLES_IAM'
  | 'TRUST_POLICY_NO_ALLOW'
  | 'TRUST_POLICY_ENABLES_IAM'
  | 'IDENTITY_POLICY_ALLOWS'
  | 'NO_IDENTITY_POLICY_ALLOW'
  | 'BOUNDARY_NO_ALLOW'
  | 'SESSION_POLICY_NO_ALLOW'
  | 'FEDERATED_SESSION_WITHOUT_POLICY'
  | 'CROSS_ACCOUNT_BOTH_SIDES_ALLOW'
  | 'SERVICE_OR_ANONYMOUS_NEEDS_RESOURCE_POLICY';

export interface DecisionReason {
  code: ReasonCode;
  policyType: PolicyType | undefined;
  message: string;
  statements: StatementRef[];
}

export interface PolicyTrace {
  policyType: PolicyType;
  name: string;
  level: string | undefined;
  outcome: 'allows' | 'denies' | 'does-not-apply';
  statements: StatementResult[];
}

export interface AuthorizationResult {
  decision: Decision;
  /** The statements that decided: the matching Denies, or the Allows that granted. */
  deciding: StatementRef[];
  /** The decision procedure's steps that mattered, in order. */
  reasons: DecisionReason[];
  /** For a denial: which policy type denied, explicitly or by lacking an Allow. */
  denial: { kind: 'explicit' | 'implicit'; policyType: PolicyType } | undefined;
  /** The AccessDenied message text as AWS phrases it; undefined when allowed. */
  message: string | undefined;
  crossAccount: boolean;
  policies: PolicyTrace[];
  /** A one-paragraph rendering for people. */
  explanation: string;
}

export type { PolicyEvaluation };
