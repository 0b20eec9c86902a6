/**
 * What the evaluator can work out about a statement without a request, worked out once per parsed statement:
 * its label, its Action and Resource patterns compiled to matchers, and its condition values parsed for their
 * operator (numbers, dates, CIDR blocks, globs). Kept in a WeakMap beside the parsed policy, so the parsed form
 * stays plain serializable data and a policy dropped by its owner is dropped here too. Parsed policies are
 * treated as immutable: a changed policy is a new parse.
 */
import { compileArn, compileGlob } from './glob.ts';
import type { ArnMatcher, GlobMatcher, PatternPart } from './glob.ts';
import type { ConditionClause, ParsedStatement } from './policy-model.ts';
import type { ElementResult, PrincipalResult, StatementResult } from './evaluator.ts';
import type { ConditionResult } from './conditions.ts';
import type { RecentEvaluations } from './last-evaluation.ts';
import { decodeBase64, parseBool, parseDate, parseIpRange, parseNumber } from './condition-values.ts';
import type { IpRange } from './condition-values.ts';

/** A condition value as the comparison sees it: fixed at compile time, or needing variable substitution per request. */
export interface PolicyValue {
  /** The value as written. */
  text: string;
  /** True when it holds a policy variable the operator substitutes: it is prepared per request. */
  dynamic: boolean;
  /** The forms below are set for fixed values, each only for the operator family that uses it. */
  parts: PatternPart[];
  glob?: GlobMatcher;
  lower?: string;
  arn?: ArnMatcher;
  number?: number | undefined;
  bool?: boolean | undefined;
  bytes?: Uint8Array | undefined;
  range?: IpRange | undefined;
}

export interface CompiledClause {
  keyLower: string;
  values: PolicyValue[];
  /** True when no value needs substitution: the prepared values are `values` themselves. */
  fixed: boolean;
  /** The values' texts, for the trace of a fixed clause (copied into each trace). */
  texts: string[];
  /** Results of a fixed clause by the key's single request value, and for the absent key (filled by conditions.ts). */
  results: Map<string, ConditionResult>;
  absentResult: ConditionResult | undefined;
}

export interface CompiledStatement {
  /** The Version flag the statement was compiled under (variables are substituted only under 2012-10-17). */
  variables: boolean;
  label: string;
  /** One matcher per Action/NotAction entry, case-insensitive (exact texts lower-cased). */
  actions: GlobMatcher[];
  /** One matcher per Resource/NotResource entry; undefined for an entry with a variable to substitute. */
  resources: Array<ArnMatcher | undefined>;
  conditions: CompiledClause[];
  /** Action results by action text (the evaluator fills it; entries are frozen and shared between traces). */
  actionResults: Map<string, ElementResult>;
  /** Whole results, by action text, for actions the statement does not cover (frozen, shared between traces). */
  skippedResults: Map<string, StatementResult>;
  /** Resource results by resource ARN; undefined when a Resource entry has a variable (the result then varies). */
  resourceResults: Map<string, ElementResult> | undefined;
  /** Principal results by caller object, without and with a permissions boundary. */
  principalResults: WeakMap<object, PrincipalResult>;
  principalResultsWithBoundary: WeakMap<object, PrincipalResult>;
  /** The Resource result of a statement whose action did not match. */
  resourceNotEvaluated: ElementResult | undefined;
  /**
   * The recent evaluations of the policy this is the first statement of (see last-evaluation.ts): kept here because
   * evaluating the policy looks this object up anyway. Undefined until asked; null for a policy that keeps none.
   */
  recent?: RecentEvaluations | null;
}

const cache = new WeakMap<ParsedStatement, CompiledStatement>();

export function compiledStatement(statement: ParsedStatement, variables: boolean): CompiledStatement {
  const known = cache.get(statement);
  if (known && known.variables === variables) return known;
  const compiled: CompiledStatement = {
    variables,
    label: statement.sid?.value ? statement.sid.value : `Statement[${statement.index}]`,
    actions: statement.action.entries.map((entry) => compileGlob(entry.value, true)),
    resources: (statement.resource?.entries ?? []).map((entry) =>
      variables && entry.value.includes('${') ? undefined : compileArn(entry.value),
    ),
    conditions: statement.conditions.map((clause) => compileClause(clause, variables)),
    actionResults: new Map(),
    skippedResults: new Map(),
    resourceResults: undefined,
    resourceNotEvaluated: undefined,
    principalResults: new WeakMap(),
    principalResultsWithBoundary: new WeakMap(),
  };
  if (compiled.resources.every((matcher) => matcher !== undefined)) compiled.resourceResults = new Map();
  cache.set(statement, compiled);
  return compiled;
}

export function compileClause(clause: ConditionClause, variables: boolean): CompiledClause {
  const base = clause.operator.base;
  const values = clause.values.map(({ value }): PolicyValue => {
    if (variables && base.acceptsVariables && value.includes('${')) return { text: value, dynamic: true, parts: [] };
    const fixed: PolicyValue = { text: value, dynamic: false, parts: [{ text: value, literal: false }] };
    switch (base.family) {
      case 'String':
        if (base.comparison === 'like') fixed.glob = compileGlob(value);
        else if (base.comparison === 'equalsIgnoreCase') fixed.lower = value.toLowerCase();
        break;
      case 'Arn':
        fixed.arn = compileArn(value);
        break;
      case 'Numeric':
        fixed.number = parseNumber(value);
        break;
      case 'Date':
        fixed.number = parseDate(value);
        break;
      case 'Bool':
      case 'Null':
        fixed.bool = parseBool(value);
        break;
      case 'Binary':
        fixed.bytes = decodeBase64(value);
        break;
      case 'IpAddress':
        fixed.range = parseIpRange(value);
        break;
    }
    return fixed;
  });
  return {
    keyLower: clause.key.toLowerCase(),
    values,
    fixed: values.every((value) => !value.dynamic),
    texts: values.map((value) => value.text),
    results: new Map(),
    absentResult: undefined,
  };
}
