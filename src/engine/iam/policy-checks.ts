import { broadStatements, validatePolicy, type PolicyKind } from './policy/index.ts';

/**
 * The static checks other services make on policy documents (Secrets Manager's PutResourcePolicy and
 * ValidateResourcePolicy, KMS's PutKeyPolicy), backed by the one validator and public-access analysis the
 * Policy Lab uses, so every face gives the same verdict.
 */
export interface PolicyCheckResult {
  /** Errors that make the document unusable (syntax, grammar, elements the policy kind forbids). */
  errors: { code: string; message: string; line: number; column: number }[];
  /** Statements that grant broad ("public") access, as BlockPublicPolicy sees them (1-based index, Sid if any). */
  broad: { index: number; sid: string | undefined; cause: string }[];
}

export function checkPolicyDocument(text: string, kind: PolicyKind): PolicyCheckResult {
  const { policy, findings } = validatePolicy(text, kind);
  const errors = findings
    .filter((f) => f.severity === 'ERROR')
    .map((f) => ({ code: f.code, message: f.message, line: f.range.line, column: f.range.column }));
  const broad = policy
    ? broadStatements(policy).map((b) => ({
        index: policy.statements.indexOf(b.statement) + 1,
        sid: b.statement.sid?.value,
        cause: b.cause,
      }))
    : [];
  return { errors, broad };
}
