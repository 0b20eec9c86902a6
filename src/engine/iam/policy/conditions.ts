/**
 * One condition clause (operator + key + values) against the request's context keys, with the reason for
 * the result. Semantics from spec section 3 [OPS][MV]: values OR (NOR for negated operators), absent keys
 * make positive operators false and negated ones true, IfExists makes absence true, ForAllValues is true on
 * an absent or empty set and ForAnyValue false.
 */
import type { BaseOperator } from './operators.ts';
import type { ConditionClause } from './policy-model.ts';
import type { ContextKeys } from './request-context.ts';
import { arnMatchParts, globMatchParts } from './glob.ts';
import type { PatternPart } from './glob.ts';
import { substitute } from './variables.ts';
import {
  bytesEqual,
  decodeBase64,
  ipInRange,
  parseBool,
  parseDate,
  parseIpAddress,
  parseIpRange,
  parseNumber,
} from './condition-values.ts';

/** Why a clause came out the way it did; the explanation renders these for the learner. */
export type ConditionOutcome =
  | 'values-matched'
  | 'values-did-not-match'
  | 'key-absent'
  | 'key-absent-negated-operator'
  | 'key-absent-if-exists'
  | 'null-check'
  | 'for-all-values-empty-set'
  | 'for-any-value-empty-set';

export interface ConditionResult {
  operator: string;
  key: string;
  matched: boolean;
  outcome: ConditionOutcome;
  /** The request's values, or undefined when the key was absent. */
  requestValues: readonly string[] | undefined;
  /** Policy values after variable substitution; unresolved variables are listed separately. */
  policyValues: string[];
  unresolvedVariables: string[];
  range: ConditionClause['range'];
}

interface PreparedValue {
  /** Substituted text, or undefined when a variable had no value (the value matches nothing). */
  parts: PatternPart[] | undefined;
  text: string;
}

function prepareValues(clause: ConditionClause, context: ContextKeys, variables: boolean, unresolved: string[]): PreparedValue[] {
  return clause.values.map(({ value }) => {
    if (!variables || !clause.operator.base.acceptsVariables || !value.includes('${')) {
      return { parts: [{ text: value, literal: false }], text: value };
    }
    const result = substitute(value, (key) => context.single(key));
    if (!result.resolved) {
      unresolved.push(result.missingKey);
      return { parts: undefined, text: value };
    }
    return { parts: result.parts, text: result.text };
  });
}

/** Does one request value compare true with one policy value under the (un-negated) base operator? */
function compareOne(base: BaseOperator, requestValue: string, policy: PreparedValue): boolean {
  if (!policy.parts) return false;
  const text = policy.text;
  switch (base.family) {
    case 'String':
      if (base.comparison === 'like') return globMatchParts(policy.parts, requestValue);
      // Equals operators treat * and ? literally [OPS String].
      if (base.comparison === 'equalsIgnoreCase') return text.toLowerCase() === requestValue.toLowerCase();
      return text === requestValue;
    case 'Arn':
      return arnMatchParts(policy.parts, requestValue);
    case 'Numeric':
      return compareOrdered(base, parseNumber(requestValue), parseNumber(text));
    case 'Date':
      return compareOrdered(base, parseDate(requestValue), parseDate(text));
    case 'Bool': {
      const expected = parseBool(text);
      return expected !== undefined && expected === parseBool(requestValue);
    }
    case 'Binary': {
      const expected = decodeBase64(text);
      const actual = decodeBase64(requestValue);
      return expected !== undefined && actual !== undefined && bytesEqual(expected, actual);
    }
    case 'IpAddress': {
      const range = parseIpRange(text);
      const address = parseIpAddress(requestValue);
      return range !== undefined && address !== undefined && ipInRange(address, range);
    }
    case 'Null':
      return false;
  }
}

function compareOrdered(base: BaseOperator, actual: number | undefined, expected: number | undefined): boolean {
  if (actual === undefined || expected === undefined) return false;
  switch (base.comparison) {
    case 'equals':
      return actual === expected;
    case 'lessThan':
      return actual < expected;
    case 'lessThanEquals':
      return actual <= expected;
    case 'greaterThan':
      return actual > expected;
    case 'greaterThanEquals':
      return actual >= expected;
    default:
      return false;
  }
}

/**
 * Does one request value satisfy the operator? Positive: it matches at least one policy value (OR).
 * Negated: it matches none of them (NOR) [MV].
 */
function valueSatisfies(base: BaseOperator, requestValue: string, policyValues: PreparedValue[]): boolean {
  const matchesSome = policyValues.some((policy) => compareOne(base, requestValue, policy));
  return base.negated ? !matchesSome : matchesSome;
}

export function evaluateCondition(clause: ConditionClause, context: ContextKeys, variables: boolean): ConditionResult {
  const { operator } = clause;
  const unresolved: string[] = [];
  const prepared = prepareValues(clause, context, variables, unresolved);
  const requestValues = context.get(clause.key);
  const result = (matched: boolean, outcome: ConditionOutcome): ConditionResult => ({
    operator: operator.text,
    key: clause.key,
    matched,
    outcome,
    requestValues,
    policyValues: prepared.map((value) => value.text),
    unresolvedVariables: unresolved,
    range: clause.range,
  });
  // An empty list is a present-but-empty ("null") set [MV]; for single-valued checks it counts as absent.
  const absent = requestValues === undefined || requestValues.length === 0;

  if (operator.base.family === 'Null') {
    // Null: "true" means the key must be absent, "false" that it must be present [OPS Null].
    const matched = prepared.some((value) => parseBool(value.text) === absent);
    return result(matched, 'null-check');
  }
  if (operator.qualifier === 'ForAllValues') {
    if (absent) return result(true, 'for-all-values-empty-set');
    const matched = requestValues.every((value) => valueSatisfies(operator.base, value, prepared));
    return result(matched, matched ? 'values-matched' : 'values-did-not-match');
  }
  if (operator.qualifier === 'ForAnyValue') {
    if (absent) return operator.ifExists ? result(true, 'key-absent-if-exists') : result(false, 'for-any-value-empty-set');
    const matched = requestValues.some((value) => valueSatisfies(operator.base, value, prepared));
    return result(matched, matched ? 'values-matched' : 'values-did-not-match');
  }
  if (absent) {
    if (operator.ifExists) return result(true, 'key-absent-if-exists');
    if (operator.base.negated) return result(true, 'key-absent-negated-operator');
    return result(false, 'key-absent');
  }
  // Without a qualifier a multivalued request key is matched like a set: positive operators need one
  // request value to match; negated operators need no request value to match any policy value.
  const anyMatches = requestValues.some((value) =>
    prepared.some((policy) => compareOne(operator.base, value, policy)),
  );
  const matched = operator.base.negated ? !anyMatches : anyMatches;
  return result(matched, matched ? 'values-matched' : 'values-did-not-match');
}
