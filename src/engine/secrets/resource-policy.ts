import { secretsErrors } from './errors.ts';

/**
 * Checks on a secret's resource policy that PutResourcePolicy and ValidateResourcePolicy make: the document parses
 * as a policy, and whether it grants broad ("public") access. AWS's Zelkova rules are not published; this is the
 * deterministic approximation of reference/policy-evaluation.md §9: an Allow whose principal is a wildcard (or an
 * Allow with NotPrincipal) is broad unless a top-level, fixed-value condition pins the source (aws:SourceArn,
 * SourceVpc, SourceVpce, SourceAccount, SourceOwner, userid, an aws:SourceIp set) or the principal
 * (aws:PrincipalAccount, aws:PrincipalArn).
 */
export interface PolicyStatementShape {
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Condition?: unknown;
}

export function parseResourcePolicy(text: string): PolicyStatementShape[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw secretsErrors.malformedPolicy('This resource policy contains a syntax error.');
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw secretsErrors.malformedPolicy('This resource policy contains a syntax error.');
  }
  const statement = (document as { Statement?: unknown }).Statement;
  const statements = Array.isArray(statement) ? statement : statement !== undefined ? [statement] : [];
  if (statements.length === 0 || statements.some((s) => s === null || typeof s !== 'object')) {
    throw secretsErrors.malformedPolicy('This resource policy contains an unsupported statement.');
  }
  for (const s of statements as PolicyStatementShape[]) {
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
      throw secretsErrors.malformedPolicy('This resource policy contains an invalid Effect.');
    }
    if (s.Principal === undefined && s.NotPrincipal === undefined) {
      throw secretsErrors.malformedPolicy('This resource policy contains a statement without a principal.');
    }
  }
  return statements as PolicyStatementShape[];
}

const FIXING_KEYS = [
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:userid',
  'aws:principalaccount',
  'aws:principalarn',
];
const FIXING_OPERATORS = ['stringequals', 'arnequals', 'stringlike', 'arnlike'];

function hasWildcard(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v !== 'string' || /[*?]|\$\{/.test(v));
}

function isFixedByCondition(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return false;
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (block === null || typeof block !== 'object') continue;
    const op = operator.toLowerCase();
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      const k = key.toLowerCase();
      if (FIXING_OPERATORS.includes(op) && FIXING_KEYS.includes(k) && !hasWildcard(value)) return true;
      if (op === 'ipaddress' && k === 'aws:sourceip' && !hasWildcard(value)) return true;
    }
  }
  return false;
}

function principalIsWildcard(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object') {
    const aws = (principal as Record<string, unknown>).AWS;
    const list = Array.isArray(aws) ? aws : [aws];
    return list.includes('*');
  }
  return false;
}

/** The statements (by index) that grant broad access; empty when the policy is not public. */
export function broadStatements(statements: readonly PolicyStatementShape[]): number[] {
  const broad: number[] = [];
  statements.forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    const wide = s.NotPrincipal !== undefined || principalIsWildcard(s.Principal);
    if (wide && !isFixedByCondition(s.Condition)) broad.push(i);
  });
  return broad;
}
