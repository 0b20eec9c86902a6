import type { Principal } from '../kernel/index.ts';
import { kmsErrors } from './errors.ts';

/**
 * The checks KMS makes on a key policy before it accepts one (CreateKey, PutKeyPolicy):
 *  - the document must be a JSON policy with statements (otherwise MalformedPolicyDocumentException, whose message
 *    KMS leaves empty for a document it cannot parse);
 *  - every statement names principals KMS recognises (a key policy must have a Principal);
 *  - unless BypassPolicyLockoutSafetyCheck is true, the policy must still let the caller call PutKeyPolicy, so the key
 *    cannot become unmanageable ("policy lockout safety check", KMS developer guide, key-policy-default).
 * The lockout check here is structural: an Allow statement whose principal covers the caller (the caller's ARN, its
 * role, its account or `*`) and whose actions cover kms:PutKeyPolicy. Conditions are assumed satisfiable.
 */
export function checkKeyPolicy(policy: string, caller: Principal, bypassLockoutCheck: boolean): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw kmsErrors.malformedPolicy('');
  }
  if (!isObject(parsed)) throw kmsErrors.malformedPolicy('');
  const raw = parsed.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (statements.length === 0 || !statements.every(isObject)) throw kmsErrors.malformedPolicy('');
  for (const statement of statements) {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw kmsErrors.malformedPolicy('');
    if (!validPrincipal(statement.Principal)) throw kmsErrors.invalidPrincipals();
  }
  if (!bypassLockoutCheck && !statements.some((statement) => allowsPutKeyPolicy(statement, caller))) {
    throw kmsErrors.policyLockout();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

const AWS_PRINCIPAL =
  /^(\*|\d{12}|arn:aws:iam::\d{12}:(root|user\/.+|role\/.+|group\/.+)|arn:aws:sts::\d{12}:(assumed-role\/.+|federated-user\/.+))$/;

function validPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isObject(principal)) return false;
  const entries = Object.entries(principal);
  if (entries.length === 0) return false;
  for (const [kind, value] of entries) {
    const list = strings(value);
    if (!list || list.length === 0) return false;
    if (kind === 'AWS' && !list.every((p) => AWS_PRINCIPAL.test(p))) return false;
    if (kind === 'Service' && !list.every((p) => /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(p))) return false;
    if (kind !== 'AWS' && kind !== 'Service' && kind !== 'Federated' && kind !== 'CanonicalUser') return false;
  }
  return true;
}

function allowsPutKeyPolicy(statement: Record<string, unknown>, caller: Principal): boolean {
  if (statement.Effect !== 'Allow') return false;
  const actions = strings(statement.Action);
  const notActions = strings(statement.NotAction);
  const coversAction = actions
    ? actions.some((action) => globMatch(action, 'kms:PutKeyPolicy'))
    : notActions
      ? !notActions.some((action) => globMatch(action, 'kms:PutKeyPolicy'))
      : false;
  if (!coversAction) return false;
  if (statement.Principal === '*') return true;
  const principal = statement.Principal as Record<string, unknown>;
  const aws = strings(principal.AWS) ?? [];
  const accepted = new Set(['*', caller.accountId, `arn:aws:iam::${caller.accountId}:root`, caller.arn]);
  if (caller.roleArn) accepted.add(caller.roleArn);
  return aws.some((p) => accepted.has(p));
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
function globMatch(pattern: string, action: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i').test(action);
}
