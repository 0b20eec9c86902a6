/**
 * Does a resource policy allow broad ("public") access? The rule BlockPublicPolicy and
 * ValidateResourcePolicy apply (spec section 9 [SM-RP][S3-PUB]). AWS's Zelkova rules are unpublished; this is
 * the spec's deterministic approximation, and the UI must say so:
 * - only Allow statements matter; a statement is broad when its principal is `*` / `{"AWS": "*"}`, or it
 *   uses NotPrincipal;
 * - it is acceptable when a top-level positive condition fixes (no wildcard, no variable) one of the keys
 *   (kms:CallerAccount too: in a key policy it confines a wildcard principal to one account, as Access Analyzer reads it)
 *   Secrets Manager and S3 document, or aws:PrincipalAccount / aws:PrincipalArn (equivalent to naming
 *   principals), or an IpAddress set on aws:SourceIp;
 * - aws:PrincipalOrgID alone is reported as unverified rather than guessed.
 */
import type { ConditionClause, ParsedPolicy, ParsedStatement } from './policy-model.ts';
import { parseIpRange } from './condition-values.ts';

const FIXING_KEYS = new Set(
  ['aws:SourceArn', 'aws:SourceVpc', 'aws:SourceVpce', 'aws:SourceAccount', 'aws:SourceOwner', 'aws:userid', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'kms:CallerAccount'].map((k) => k.toLowerCase()),
);
const FIXING_OPERATORS = new Set(['StringEquals', 'ArnEquals', 'StringLike', 'ArnLike']);

export interface BroadStatement {
  statement: ParsedStatement;
  /** Why the principal set is open-ended. */
  cause: 'wildcard-principal' | 'not-principal';
  /** True when only an aws:PrincipalOrgID condition narrows it: not verified against AWS. */
  limitedByOrganizationOnly: boolean;
}

function isFixedValue(value: string): boolean {
  return !value.includes('*') && !value.includes('?') && !value.includes('${');
}

function isTopLevelPositive(clause: ConditionClause): boolean {
  const { operator } = clause;
  return operator.qualifier === undefined && !operator.ifExists && !operator.base.negated;
}

function fixesPrincipals(clause: ConditionClause): boolean {
  if (!isTopLevelPositive(clause) || clause.values.length === 0) return false;
  const key = clause.key.toLowerCase();
  if (FIXING_OPERATORS.has(clause.operator.base.name) && FIXING_KEYS.has(key)) {
    return clause.values.every((v) => isFixedValue(v.value));
  }
  if (clause.operator.base.name === 'IpAddress' && key === 'aws:sourceip') {
    // A /0 block is the whole internet, which is exactly what "public" means.
    return clause.values.every((v) => {
      const range = parseIpRange(v.value);
      return range !== undefined && range[1] > 0;
    });
  }
  return false;
}

function limitsToOrganization(clause: ConditionClause): boolean {
  return (
    isTopLevelPositive(clause) &&
    clause.operator.base.name === 'StringEquals' &&
    clause.key.toLowerCase() === 'aws:principalorgid' &&
    clause.values.length > 0 &&
    clause.values.every((v) => isFixedValue(v.value))
  );
}

export function broadStatements(policy: ParsedPolicy): BroadStatement[] {
  const found: BroadStatement[] = [];
  for (const statement of policy.statements) {
    if (statement.effect.value !== 'Allow' || !statement.principal) continue;
    const { principal } = statement;
    let cause: BroadStatement['cause'] | undefined;
    if (principal.element === 'NotPrincipal') cause = 'not-principal';
    else if (principal.entries.some((e) => e.type === '*' || (e.type === 'AWS' && e.value === '*'))) cause = 'wildcard-principal';
    if (!cause) continue;
    if (statement.conditions.some(fixesPrincipals)) continue;
    found.push({ statement, cause, limitedByOrganizationOnly: statement.conditions.some(limitsToOrganization) });
  }
  return found;
}

/** What PutResourcePolicy with BlockPublicPolicy rejects (PublicPolicyException). */
export function allowsPublicAccess(policy: ParsedPolicy): boolean {
  return broadStatements(policy).some((broad) => !broad.limitedByOrganizationOnly);
}
