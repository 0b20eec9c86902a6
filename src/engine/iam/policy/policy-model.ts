/**
 * The parsed form of a policy: plain, serializable data with a source range for the document, every
 * statement, every element and every entry. The evaluator and validator work on this, never on raw JSON.
 */
import type { SourceRange } from './source-range.ts';
import type { ConditionOperator } from './operators.ts';

/** A string taken from the policy text, with where it was written. */
export interface Located<T = string> {
  value: T;
  range: SourceRange;
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** One principal entry, e.g. `{"AWS": "111122223333"}` becomes `{type: 'AWS', value: '111122223333'}`. */
export interface PrincipalEntry extends Located {
  type: PrincipalType | '*';
}

export interface PrincipalElement {
  /** `Principal` or `NotPrincipal`. */
  element: 'Principal' | 'NotPrincipal';
  entries: PrincipalEntry[];
  range: SourceRange;
}

export interface ListElement<Name extends string> {
  element: Name;
  entries: Located[];
  /** True when the element was written as a single string rather than an array. */
  single: boolean;
  range: SourceRange;
}

export type ActionElement = ListElement<'Action' | 'NotAction'>;
export type ResourceElement = ListElement<'Resource' | 'NotResource'>;

/** One operator/key pair of a Condition block, e.g. `StringEquals` + `aws:PrincipalTag/team`. */
export interface ConditionClause {
  operator: ConditionOperator;
  operatorRange: SourceRange;
  key: string;
  keyRange: SourceRange;
  /** Values as IAM sees them: numbers and booleans are stringified [ELEM]. */
  values: Located[];
  /** The JSON types the values were written with, for the validator's type checks. */
  valueTypes: Array<'string' | 'number' | 'boolean'>;
  range: SourceRange;
}

export interface ParsedStatement {
  /** Position in the Statement list (0-based); the trace names a statement by Sid or by this index. */
  index: number;
  sid: Located | undefined;
  effect: Located<'Allow' | 'Deny'>;
  principal: PrincipalElement | undefined;
  action: ActionElement;
  resource: ResourceElement | undefined;
  conditions: ConditionClause[];
  conditionRange: SourceRange | undefined;
  range: SourceRange;
}

export interface ParsedPolicy {
  version: Located | undefined;
  id: Located | undefined;
  statements: ParsedStatement[];
  /** True when Statement was a single object rather than an array. */
  singleStatement: boolean;
  range: SourceRange;
  /** The source text the ranges refer to (pretty-printed JSON when the policy was given as an object). */
  text: string;
}

/** Policy variables are only interpreted under Version 2012-10-17; omitted means 2008-10-17 [ELEM Version]. */
export function variablesEnabled(policy: ParsedPolicy): boolean {
  return policy.version?.value === '2012-10-17';
}
