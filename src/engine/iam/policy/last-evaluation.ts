import type { ParsedPolicy } from './policy-model.ts';
import type { Caller, ContextKeys } from './request-context.ts';
import type { EvaluationOptions, EvaluationRequest, PolicyEvaluation } from './evaluator.ts';
import { compiledStatement, type CompiledStatement } from './compiled-statement.ts';

/**
 * The last two evaluations of a policy, kept beside it: a request that repeats one of them for this policy (the same
 * caller object, action, resource, boundary flag, options, and the same values of every condition key the policy
 * reads) gets the same result back, since the evaluation depends on nothing else. Two entries because a secret read
 * evaluates the caller's policies for the service action and then for kms:Decrypt. The entries are overwritten in
 * place: a stream of different requests pays a few comparisons and field writes, never a map insert (a memo that
 * grew per request slowed exactly that workload). Policies with variables, whose results also depend on the keys
 * the variables name, are not kept.
 */
export interface Entry {
  caller: Caller | undefined;
  action: string;
  resource: string;
  hasPermissionsBoundary: boolean;
  options: EvaluationOptions | undefined;
  context: ContextKeys | undefined;
  evaluation: PolicyEvaluation | undefined;
}

export interface RecentEvaluations {
  policy: ParsedPolicy;
  /** Lower-cased names of the condition keys the policy reads. */
  keys: readonly string[];
  entries: [Entry, Entry];
  /** The entry the next new evaluation overwrites. */
  next: 0 | 1;
  /** New requests in a row (none seen before): past a few, the bookkeeping pauses for a while. */
  streak: number;
  /** Evaluations left to do without bookkeeping. */
  pause: number;
}

const emptyEntry = (): Entry => ({
  caller: undefined,
  action: '',
  resource: '',
  hasPermissionsBoundary: false,
  options: undefined,
  context: undefined,
  evaluation: undefined,
});

/**
 * The policy's recent evaluations, kept on its first statement's compiled form (`first`); undefined for a policy
 * whose results also depend on variables. A statement object may be shared by two policies (a trust policy's
 * implicit-Resource form reuses its statements), so the record names its policy.
 */
export function recentEvaluations(policy: ParsedPolicy, first: CompiledStatement, variables: boolean): RecentEvaluations | undefined {
  let known = first.recent;
  if (known === undefined || (known !== null && known.policy !== policy)) {
    known = null;
    const keys: string[] = [];
    let fixed = true;
    for (const statement of policy.statements) {
      const compiled = compiledStatement(statement, variables);
      if (compiled.resources.some((matcher) => matcher === undefined)) fixed = false;
      for (const clause of compiled.conditions) {
        if (!clause.fixed) fixed = false;
        if (!keys.includes(clause.keyLower)) keys.push(clause.keyLower);
      }
    }
    if (fixed) known = { policy, keys, entries: [emptyEntry(), emptyEntry()], next: 0, streak: 0, pause: 0 };
    first.recent = known;
  }
  return known ?? undefined;
}

/** Requests in a row that were all new before the bookkeeping pauses, and how many evaluations the pause lasts. */
const STREAK_BEFORE_PAUSE = 4;
const PAUSE = 8;

/**
 * Whether to look for a repeat and note this evaluation. A policy evaluated for one new request after another (a
 * matrix of principals and actions, a stream of different reads) stops paying for it most of the time: one
 * evaluation in nine then looks, so a repeated request is found again soon after the stream ends.
 */
export function watching(kept: RecentEvaluations): boolean {
  if (kept.pause === 0) return true;
  kept.pause--;
  return false;
}

/** The entry whose request had this caller, action, resource, boundary flag and options, if one of the two has. */
export function sightingOf(kept: RecentEvaluations, request: EvaluationRequest, options: EvaluationOptions): Entry | undefined {
  for (const entry of kept.entries) {
    if (entry.caller !== request.caller || entry.action !== request.action || entry.resource !== request.resource) continue;
    if (entry.hasPermissionsBoundary !== request.hasPermissionsBoundary || entry.options !== options) continue;
    return entry;
  }
  return undefined;
}

/** The entry's evaluation, if it was kept and the condition keys the policy reads have the same values now. */
export function repeatOf(kept: RecentEvaluations, entry: Entry, request: EvaluationRequest): PolicyEvaluation | undefined {
  const before = entry.context;
  if (entry.evaluation === undefined || before === undefined) return undefined;
  if (before !== request.context) {
    for (let i = 0; i < kept.keys.length; i++) {
      const key = kept.keys[i]!;
      if (before.valueLowerCased(key) !== request.context.valueLowerCased(key)) return undefined;
    }
  }
  kept.streak = 0;
  return shared(entry);
}

/**
 * Notes an evaluation. A request seen for the first time only takes an entry's place (its caller, action and
 * resource are long-lived objects already); the evaluation itself is kept from the second sighting on, so a stream
 * of different requests neither holds on to their results nor pays for keeping them.
 */
export function keepEvaluation(kept: RecentEvaluations, seen: Entry | undefined, request: EvaluationRequest, options: EvaluationOptions, evaluation: PolicyEvaluation): void {
  if (seen) {
    kept.streak = 0;
    seen.context = request.context;
    seen.evaluation = evaluation;
    return;
  }
  if (++kept.streak >= STREAK_BEFORE_PAUSE) kept.pause = PAUSE;
  const entry = kept.entries[kept.next];
  kept.next = kept.next === 0 ? 1 : 0;
  entry.caller = request.caller;
  entry.action = request.action;
  entry.resource = request.resource;
  entry.hasPermissionsBoundary = request.hasPermissionsBoundary;
  entry.options = options;
  entry.context = undefined;
  entry.evaluation = undefined;
}

/**
 * A result given out twice is shared between the traces that hold it, as the element results it is made of already
 * are. It is not frozen: freezing gives its arrays and objects other shapes than fresh ones, which made every reader
 * of evaluations slower on the requests that are not repeats. Nothing in the engine writes to an evaluation.
 */
function shared(entry: Entry): PolicyEvaluation {
  return entry.evaluation!;
}
