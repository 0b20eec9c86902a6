/**
 * What one policy evaluation contributes to an authorization result: its entry in the trace and references to its
 * applying statements, for the policy type, name and level it was evaluated as. Shared between results, never modified.
 */
import type { PolicyEvaluation, StatementResult } from './evaluator.ts';
import type { NamedPolicy, PolicyTrace, PolicyType, StatementRef } from './authorizer-types.ts';

/** What a policy evaluation contributes to a result, for the policy type and level it was evaluated as. */
export interface Contribution {
  evaluation: PolicyEvaluation;
  type: PolicyType;
  level: string | undefined;
  trace: PolicyTrace;
  allowRefs: readonly StatementRef[];
  denyRefs: readonly StatementRef[];
}

/**
 * The most recent contributions, newest overwriting oldest. The evaluator hands the same evaluation object back when a
 * policy's statements all come out the same for an action, so its trace entry and statement references are built once
 * and shared between results. A small ring scanned by identity rather than a WeakMap: a WeakMap insert for every new
 * evaluation made distinct requests twice as slow, and the ring holds at most a few recent evaluations alive.
 */
const RECENT_SLOTS = 16;
const recent: Array<Contribution | undefined> = new Array<Contribution | undefined>(RECENT_SLOTS).fill(undefined);
let nextSlot = 0;

export function contributionOf(type: PolicyType, named: NamedPolicy, level: string | undefined, evaluation: PolicyEvaluation): Contribution {
  for (let i = 0; i < RECENT_SLOTS; i++) {
    const known = recent[i];
    if (known !== undefined && known.evaluation === evaluation && known.type === type && known.level === level && known.trace.name === named.name) return known;
  }
  const partial = { type, named, level };
  const built: Contribution = {
    evaluation,
    type,
    level,
    trace: {
      policyType: type,
      name: named.name,
      level,
      outcome: evaluation.denies.length > 0 ? 'denies' : evaluation.allows.length > 0 ? 'allows' : 'does-not-apply',
      statements: evaluation.statements,
    },
    allowRefs: evaluation.allows.map((s) => refOf(partial, s)),
    denyRefs: evaluation.denies.map((s) => refOf(partial, s)),
  };
  recent[nextSlot] = built;
  nextSlot = (nextSlot + 1) % RECENT_SLOTS;
  return built;
}

function refOf(evaluated: { type: PolicyType; named: NamedPolicy; level: string | undefined }, statement: StatementResult): StatementRef {
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
