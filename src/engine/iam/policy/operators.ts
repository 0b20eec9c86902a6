/**
 * The condition operators of the IAM policy language ([OPS] in the policy-evaluation spec, section 3), and
 * how an operator name such as `ForAnyValue:StringNotLikeIfExists` decomposes into a set qualifier, a base
 * operator and the IfExists modifier.
 */

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** How the base operator compares one request value with one policy value. */
export type Comparison =
  | 'equals'
  | 'equalsIgnoreCase'
  | 'like'
  | 'lessThan'
  | 'lessThanEquals'
  | 'greaterThan'
  | 'greaterThanEquals'
  | 'inRange'
  | 'exists';

export interface BaseOperator {
  name: string;
  family: OperatorFamily;
  comparison: Comparison;
  /**
   * Negated operators match when the request value matches none of the policy values (NOR), and are true
   * when the key is absent [MV][OPS].
   */
  negated: boolean;
  /** Policy variables are substituted only in String and ARN operators (and, contested, Bool) [VARS]. */
  acceptsVariables: boolean;
}

function op(
  name: string,
  family: OperatorFamily,
  comparison: Comparison,
  negated = false,
): [string, BaseOperator] {
  const acceptsVariables = family === 'String' || family === 'Arn' || family === 'Bool';
  return [name, { name, family, comparison, negated, acceptsVariables }];
}

export const BASE_OPERATORS: ReadonlyMap<string, BaseOperator> = new Map([
  op('StringEquals', 'String', 'equals'),
  op('StringNotEquals', 'String', 'equals', true),
  op('StringEqualsIgnoreCase', 'String', 'equalsIgnoreCase'),
  op('StringNotEqualsIgnoreCase', 'String', 'equalsIgnoreCase', true),
  op('StringLike', 'String', 'like'),
  op('StringNotLike', 'String', 'like', true),
  op('NumericEquals', 'Numeric', 'equals'),
  op('NumericNotEquals', 'Numeric', 'equals', true),
  op('NumericLessThan', 'Numeric', 'lessThan'),
  op('NumericLessThanEquals', 'Numeric', 'lessThanEquals'),
  op('NumericGreaterThan', 'Numeric', 'greaterThan'),
  op('NumericGreaterThanEquals', 'Numeric', 'greaterThanEquals'),
  op('DateEquals', 'Date', 'equals'),
  op('DateNotEquals', 'Date', 'equals', true),
  op('DateLessThan', 'Date', 'lessThan'),
  op('DateLessThanEquals', 'Date', 'lessThanEquals'),
  op('DateGreaterThan', 'Date', 'greaterThan'),
  op('DateGreaterThanEquals', 'Date', 'greaterThanEquals'),
  op('Bool', 'Bool', 'equals'),
  op('BinaryEquals', 'Binary', 'equals'),
  op('IpAddress', 'IpAddress', 'inRange'),
  op('NotIpAddress', 'IpAddress', 'inRange', true),
  // ArnEquals and ArnLike are documented as identical: both glob component-wise [OPS].
  op('ArnEquals', 'Arn', 'like'),
  op('ArnLike', 'Arn', 'like'),
  op('ArnNotEquals', 'Arn', 'like', true),
  op('ArnNotLike', 'Arn', 'like', true),
  op('Null', 'Null', 'exists'),
]);

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ConditionOperator {
  /** The operator exactly as written in the policy. */
  text: string;
  qualifier: SetQualifier | undefined;
  base: BaseOperator;
  ifExists: boolean;
}

const IF_EXISTS = 'IfExists';

/**
 * Decomposes an operator name. Returns undefined for unknown names: the policy is then invalid, because
 * treating an unknown operator as "false" would silently disable Deny statements (spec section 3).
 * `NullIfExists` is rejected here too (Access Analyzer "Null with if exists").
 */
export function parseOperator(text: string): ConditionOperator | undefined {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  for (const candidate of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${candidate}:`)) {
      qualifier = candidate;
      rest = rest.slice(candidate.length + 1);
    }
  }
  let ifExists = false;
  if (rest.endsWith(IF_EXISTS) && rest !== IF_EXISTS) {
    ifExists = true;
    rest = rest.slice(0, -IF_EXISTS.length);
  }
  const base = BASE_OPERATORS.get(rest);
  if (!base) return undefined;
  if (ifExists && base.family === 'Null') return undefined;
  return { text, qualifier, base, ifExists };
}

/** Every valid operator name, for the JSON Schema's completion list. */
export function allOperatorNames(): string[] {
  const names: string[] = [];
  for (const base of BASE_OPERATORS.values()) {
    const variants = base.family === 'Null' ? [base.name] : [base.name, `${base.name}${IF_EXISTS}`];
    for (const variant of variants) {
      names.push(variant, `ForAllValues:${variant}`, `ForAnyValue:${variant}`);
    }
  }
  return names;
}
