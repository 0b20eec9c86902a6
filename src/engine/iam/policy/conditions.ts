/**
 * One condition clause (operator + key + values) against the request's context keys, with the reason for
 * the result. Semantics from spec section 3 [OPS][MV]: values OR (NOR for negated operators), absent keys
 * make positive operators false and negated ones true, IfExists makes absence true, ForAllValues is true on
 * an absent or empty set and ForAnyValue false.
 */
import type { BaseOperator } from './operators.ts';
import type { ConditionClause } from './policy-model.ts';
import type { ContextKeys } from './request-context.ts';
import { arnComponents, arnMatchParts, globMatchParts, testArn, testGlob } from './glob.ts';
import type { PatternPart } from './glob.ts';
import { compileClause } from './compiled-statement.ts';
import type { CompiledClause, PolicyValue } from './compiled-statement.ts';
import { substitute } from './variables.ts';
import {
  bytesEqual,
  decodeBase64,
  ipInRange,
  parseBool,
  parseDate,
  parseDateMemo,
  parseIpAddressMemo,
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
  /** The compiled value, when it needed no substitution: its operator-specific form is ready. */
  fixed?: PolicyValue;
}

function prepareValues(compiled: CompiledClause, context: ContextKeys, unresolved: string[]): PreparedValue[] {
  return compiled.values.map((value) => {
    if (!value.dynamic) return { parts: value.parts, text: value.text, fixed: value };
    const result = substitute(value.text, (key) => context.single(key));
    if (!result.resolved) {
      unresolved.push(result.missingKey);
      return { parts: undefined, text: value.text };
    }
    return { parts: result.parts, text: result.text };
  });
}

/** Does one request value compare true with one policy value under the (un-negated) base operator? */
function compareOne(base: BaseOperator, requestValue: string, policy: PreparedValue | PolicyValue): boolean {
  const fixed = 'dynamic' in policy ? policy : policy.fixed;
  if (fixed) return compareFixed(base, requestValue, fixed);
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
      return compareOrdered(base, parseDateMemo(requestValue), parseDate(text));
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
      const address = parseIpAddressMemo(requestValue);
      return range !== undefined && address !== undefined && ipInRange(address, range);
    }
    case 'Null':
      return false;
  }
}

/** `compareOne` for a value parsed at compile time: the same comparisons, without re-parsing the policy side. */
function compareFixed(base: BaseOperator, requestValue: string, policy: PolicyValue): boolean {
  switch (base.family) {
    case 'String':
      if (base.comparison === 'like') return testGlob(policy.glob as NonNullable<PolicyValue['glob']>, requestValue);
      if (base.comparison === 'equalsIgnoreCase') return policy.lower === requestValue.toLowerCase();
      return policy.text === requestValue;
    case 'Arn':
      return testArn(policy.arn as NonNullable<PolicyValue['arn']>, requestValue, arnComponents(requestValue));
    case 'Numeric':
      return compareOrdered(base, parseNumber(requestValue), policy.number);
    case 'Date':
      return compareOrdered(base, parseDateMemo(requestValue), policy.number);
    case 'Bool':
      return policy.bool !== undefined && policy.bool === parseBool(requestValue);
    case 'Binary': {
      const expected = policy.bytes;
      const actual = decodeBase64(requestValue);
      return expected !== undefined && actual !== undefined && bytesEqual(expected, actual);
    }
    case 'IpAddress': {
      const range = policy.range;
      const address = parseIpAddressMemo(requestValue);
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
function valueSatisfies(base: BaseOperator, requestValue: string, policyValues: ReadonlyArray<PreparedValue | PolicyValue>): boolean {
  let matchesSome = false;
  for (const policy of policyValues) {
    if (compareOne(base, requestValue, policy)) {
      matchesSome = true;
      break;
    }
  }
  return base.negated ? !matchesSome : matchesSome;
}

const CONDITION_MEMO_LIMIT = 256;

/**
 * A clause without variables gives the same result for the same request value, so for an absent key or a
 * single-valued one the result is remembered on the compiled clause (frozen, shared between traces).
 */
export function evaluateCondition(
  clause: ConditionClause,
  context: ContextKeys,
  variables: boolean,
  compiled: CompiledClause = compileClause(clause, variables),
): ConditionResult {
  if (!compiled.fixed) return computeCondition(clause, context, compiled);
  const given = context.valueLowerCased(compiled.keyLower);
  if (given === undefined) {
    return compiled.absentResult ?? (compiled.absentResult = Object.freeze(computeCondition(clause, context, compiled)));
  }
  let value: string;
  if (typeof given === 'string') value = given;
  else if (given.length === 1) value = given[0] as string;
  else return computeCondition(clause, context, compiled);
  const known = compiled.results.get(value);
  if (known) return known;
  const result = computeCondition(clause, context, compiled);
  // The remembered trace holds its own copy of the request value, not the request's context list.
  result.requestValues = [value];
  // Once full, the memo keeps what it has (see `remember` in evaluator.ts).
  if (compiled.results.size < CONDITION_MEMO_LIMIT) compiled.results.set(value, Object.freeze(result));
  return result;
}

function computeCondition(clause: ConditionClause, context: ContextKeys, compiled: CompiledClause): ConditionResult {
  const { operator } = clause;
  const unresolved: string[] = [];
  // Fixed values are compared in their compiled form; only values with a variable are prepared per request.
  const prepared: ReadonlyArray<PreparedValue | PolicyValue> = compiled.fixed ? compiled.values : prepareValues(compiled, context, unresolved);
  const requestValues = context.getLowerCased(compiled.keyLower);
  // An empty list is a present-but-empty ("null") set [MV]; for single-valued checks it counts as absent.
  const absent = requestValues === undefined || requestValues.length === 0;
  let matched: boolean;
  let outcome: ConditionOutcome;

  if (operator.base.family === 'Null') {
    // Null: "true" means the key must be absent, "false" that it must be present [OPS Null].
    matched = prepared.some((value) => ('dynamic' in value ? value.bool : parseBool(value.text)) === absent);
    outcome = 'null-check';
  } else if (operator.qualifier === 'ForAllValues') {
    if (absent) {
      matched = true;
      outcome = 'for-all-values-empty-set';
    } else {
      matched = requestValues.every((value) => valueSatisfies(operator.base, value, prepared));
      outcome = matched ? 'values-matched' : 'values-did-not-match';
    }
  } else if (operator.qualifier === 'ForAnyValue') {
    if (absent) {
      matched = operator.ifExists;
      outcome = operator.ifExists ? 'key-absent-if-exists' : 'for-any-value-empty-set';
    } else {
      matched = requestValues.some((value) => valueSatisfies(operator.base, value, prepared));
      outcome = matched ? 'values-matched' : 'values-did-not-match';
    }
  } else if (absent) {
    matched = operator.ifExists || operator.base.negated;
    outcome = operator.ifExists ? 'key-absent-if-exists' : operator.base.negated ? 'key-absent-negated-operator' : 'key-absent';
  } else {
    // Without a qualifier a multivalued request key is matched like a set: positive operators need one
    // request value to match; negated operators need no request value to match any policy value.
    let anyMatches = false;
    for (const value of requestValues) {
      for (const policy of prepared) {
        if (compareOne(operator.base, value, policy)) {
          anyMatches = true;
          break;
        }
      }
      if (anyMatches) break;
    }
    matched = operator.base.negated ? !anyMatches : anyMatches;
    outcome = matched ? 'values-matched' : 'values-did-not-match';
  }
  return {
    operator: operator.text,
    key: clause.key,
    matched,
    outcome,
    requestValues,
    policyValues: compiled.fixed ? compiled.texts.slice() : prepared.map((value) => value.text),
    unresolvedVariables: unresolved,
    range: clause.range,
  };
}
