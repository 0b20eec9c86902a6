/**
 * What the evaluator keeps per parsed policy, beside its compiled statements: the policy's statements compiled once
 * (one WeakMap look-up per policy evaluation rather than one per statement), an index from action text to the
 * statements whose Action block covers it (the others' results depend on the action alone and are kept whole), and
 * per action the last evaluation, handed out again when every statement's result comes out the same objects.
 * Everything here is derived from the parsed policy, which is treated as immutable (a changed policy is a new parse).
 */
import type { ParsedPolicy } from './policy-model.ts';
import { variablesEnabled } from './policy-model.ts';
import { compiledStatement } from './compiled-statement.ts';
import type { CompiledStatement } from './compiled-statement.ts';
import type { ElementResult, PolicyEvaluation, StatementResult } from './evaluator.ts';

/** For one action: each statement's Action result, and its whole result when its Action block does not cover the action. */
export interface ActionPlan {
  /** Each statement's Action (or NotAction) result for the action. */
  actions: readonly ElementResult[];
  /** Frozen results of the statements that skip the action, by statement position; undefined where covered. */
  skipped: ReadonlyArray<StatementResult | undefined>;
  /**
   * The last evaluation for the action, handed out again when each statement's result is again the same object.
   * Kept per action because a request and its KMS step evaluate the same identity policies for two actions in turn.
   */
  last: PolicyEvaluation | undefined;
}

export interface CompiledPolicy {
  variables: boolean;
  statements: CompiledStatement[];
  /** Plans by action text (bounded like the statements' own memos). */
  plans: Map<string, ActionPlan>;
}

/** How many distinct actions a policy keeps a plan for; once full, further actions are planned per call. */
export const PLAN_LIMIT = 256;

const cache = new WeakMap<ParsedPolicy, CompiledPolicy>();

export function compiledPolicy(policy: ParsedPolicy): CompiledPolicy {
  const known = cache.get(policy);
  if (known) return known;
  const variables = variablesEnabled(policy);
  const compiled: CompiledPolicy = {
    variables,
    statements: policy.statements.map((statement) => compiledStatement(statement, variables)),
    plans: new Map(),
  };
  cache.set(policy, compiled);
  return compiled;
}
