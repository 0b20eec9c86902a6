import type { World } from '../kernel/index.ts';
import { validatePolicy, type Finding, type ParsedPolicy } from './policy/index.ts';
import { iamErrors } from './errors.ts';
import { iamState } from './identity.ts';

/**
 * The checks IAM makes before it stores a policy document: the one validator the Policy Lab uses decides, and a
 * document with an ERROR finding is refused with MalformedPolicyDocument. Where IAM's own wording for a problem is
 * known, the message is IAM's; otherwise it is the validator's (which names the line and the element).
 */
const IAM_TEXTS: Readonly<Record<string, string>> = {
  JSON_SYNTAX_ERROR: 'Syntax errors in policy.',
  DUPLICATE_KEY: 'Syntax errors in policy.',
  DATA_TYPE_MISMATCH: 'Syntax errors in policy.',
  INVALID_EFFECT: 'Syntax errors in policy.',
  INVALID_VERSION: 'Syntax errors in policy.',
  UNSUPPORTED_ELEMENT_COMBINATION: 'Syntax errors in policy.',
  INVALID_CONDITION_OPERATOR: 'Syntax errors in policy.',
  MISSING_STATEMENT: 'Syntax errors in policy.',
  MISSING_ACTION: 'Policy statement must contain actions.',
  MISSING_RESOURCE: 'Policy statement must contain resources.',
  UNSUPPORTED_PRINCIPAL: 'Policy document should not specify a principal.',
};

function messageOf(finding: Finding): string {
  return IAM_TEXTS[finding.code] ?? `${finding.message} (line ${finding.range.line}, column ${finding.range.column})`;
}

/** An identity policy (inline or managed) or a permissions boundary; STS uses kind `session`. */
export function assertPolicyDocument(text: string, kind: 'identity' | 'boundary' | 'session'): ParsedPolicy {
  const { policy, findings } = validatePolicy(text, kind);
  const error = findings.find((f) => f.severity === 'ERROR');
  if (error || !policy) throw iamErrors.malformedPolicy(error ? messageOf(error) : 'Syntax errors in policy.');
  return policy;
}

/** Actions a role trust policy may name [IAM User Guide, "Role trust policy"]. */
const TRUST_ACTIONS = ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext'];
/** Validator findings that follow from checking a trust policy with the rules of a resource policy, not problems. */
const NOT_TRUST_PROBLEMS = new Set(['MISSING_RESOURCE', 'UNSUPPORTED_ACTION_IN_POLICY', 'FEDERATED_PRINCIPAL_NOT_SUPPORTED']);

/**
 * A role's trust policy (AssumeRolePolicyDocument): a resource policy on the role, so it needs a Principal and has
 * no Resource (the resource is the role), and it may only govern the STS actions that start a session. IAM also
 * refuses a principal that names a user or role that does not exist ("Invalid principal in policy").
 */
export function assertTrustPolicy(world: World, text: string): ParsedPolicy {
  const { policy, findings } = validatePolicy(text, 'secret');
  const error = findings.find((f) => f.severity === 'ERROR' && !NOT_TRUST_PROBLEMS.has(f.code));
  if (error?.code === 'MISSING_PRINCIPAL') throw iamErrors.malformedPolicy('Missing required field Principal');
  if (error || !policy) throw iamErrors.malformedPolicy(error ? messageOf(error) : 'Syntax errors in policy.');
  for (const statement of policy.statements) {
    if (statement.resource) throw iamErrors.malformedPolicy(`Has prohibited field ${statement.resource.element}`);
    const actions = statement.action.entries.map((e) => e.value.toLowerCase());
    const onlySts = statement.action.element === 'Action' && actions.every((a) => TRUST_ACTIONS.includes(a) || a === 'sts:*' || a === '*' || (a.startsWith('sts:assumerole') && a.endsWith('*')));
    if (!onlySts) throw iamErrors.malformedPolicy('AssumeRole policy may only specify STS AssumeRole actions.');
    for (const entry of statement.principal?.entries ?? []) {
      if (entry.type === 'AWS' && !principalExists(world, entry.value)) {
        throw iamErrors.malformedPolicy(`Invalid principal in policy: "AWS":"${entry.value}"`);
      }
    }
  }
  return policy;
}

/** Users and roles of the simulated accounts must exist; principals of accounts the world does not hold are taken on trust. */
function principalExists(world: World, principal: string): boolean {
  const match = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([\w+=,.@-]+)$/.exec(principal);
  if (!match) return true;
  const account = iamState(world).accounts[match[1]!];
  if (!account) return true;
  const entity = match[2] === 'user' ? account.users[match[3]!] : account.roles[match[3]!];
  return entity !== undefined && entity.arn === principal;
}

/** The first problem IAM would report for a document, in IAM's words, or undefined when it would accept it (for STS's session policies). */
export function policyDocumentProblem(text: string, kind: 'identity' | 'boundary' | 'session'): string | undefined {
  try {
    assertPolicyDocument(text, kind);
    return undefined;
  } catch (error) {
    if (error instanceof Error) return error.message;
    throw error;
  }
}
