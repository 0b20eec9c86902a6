/**
 * Static checks of Condition blocks [AA]: key names against the catalogue, set qualifiers against key
 * cardinality, values against the operator's type, and policy-variable misuse.
 */
import { catalogueKnowsKeysOf, isMultivalued, lookupConditionKey } from './actions.ts';
import type { ConditionKeyType } from './actions.ts';
import { hasHostBits, parseBool, parseDate, parseIpRange, parseNumber, decodeBase64 } from './condition-values.ts';
import type { OperatorFamily } from './operators.ts';
import type { ConditionClause, ParsedStatement } from './policy-model.ts';
import type { Report } from './finding.ts';
import { scanVariables } from './variables.ts';

/** Which operator families suit a key type; a mismatch is Access Analyzer's "Type mismatch" warning. */
const FAMILIES_FOR_TYPE: Record<ConditionKeyType, readonly OperatorFamily[]> = {
  String: ['String', 'Null'],
  ARN: ['Arn', 'String', 'Null'],
  Numeric: ['Numeric', 'Null'],
  Bool: ['Bool', 'Null'],
  Date: ['Date', 'Null'],
  IPAddress: ['IpAddress', 'Null'],
  Binary: ['Binary', 'Null'],
  ArrayOfString: ['String', 'Null'],
  ArrayOfARN: ['Arn', 'String', 'Null'],
};

export function checkConditions(statement: ParsedStatement, variables: boolean, report: Report): void {
  if (statement.conditionRange && statement.conditions.length === 0) {
    report('EMPTY_OBJECT_CONDITION', 'SUGGESTION', 'the `Condition` block is empty', statement.conditionRange);
  }
  const seenKeys = new Map<string, ConditionClause>();
  for (const clause of statement.conditions) {
    const identity = `${clause.operator.text}\u0000${clause.key.toLowerCase()}`;
    const earlier = seenKeys.get(identity);
    if (earlier && earlier.key !== clause.key) {
      report('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', 'ERROR', `condition key \`${clause.key}\` repeats \`${earlier.key}\` with different case; key names are case-insensitive`, clause.keyRange);
    }
    seenKeys.set(identity, clause);
    checkClause(clause, variables, report);
  }
}

function checkClause(clause: ConditionClause, variables: boolean, report: Report): void {
  const { operator, key } = clause;
  const family = operator.base.family;
  if (!/^[^:\s]+:\S+$/.test(key)) {
    report('INVALID_CONDITION_KEY_FORMAT', 'ERROR', `condition key \`${key}\` must have the form \`prefix:name\``, clause.keyRange);
    return;
  }
  const known = lookupConditionKey(key);
  if (known === 'missing-tag') {
    report('MISSING_TAG_KEY_IN_CONDITION', 'ERROR', `condition key \`${key}\` needs a tag key after the \`/\``, clause.keyRange);
  } else if (known === undefined && catalogueKnowsKeysOf(key)) {
    const global = key.toLowerCase().startsWith('aws:');
    report(
      global ? 'INVALID_GLOBAL_CONDITION_KEY' : 'INVALID_SERVICE_CONDITION_KEY',
      'WARNING',
      `\`${key}\` is not a known ${global ? 'global' : 'service'} condition key; a key that is never in the request is always absent`,
      clause.keyRange,
    );
  } else if (known) {
    if (isMultivalued(known.type) && !operator.qualifier && family !== 'Null') {
      report('MISSING_QUALIFIER', 'ERROR', `\`${key}\` is multivalued: use ForAllValues:${operator.text} or ForAnyValue:${operator.text}`, clause.operatorRange);
    }
    if (!isMultivalued(known.type) && operator.qualifier === 'ForAllValues') {
      // ForAllValues on an absent or single-valued key is true whatever the value: a silent Allow [MV].
      report('FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY', 'SECURITY_WARNING', `ForAllValues with the single-valued key \`${key}\` is true when the key is absent; use ${operator.base.name}`, clause.operatorRange);
    }
    if (!FAMILIES_FOR_TYPE[known.type].includes(family)) {
      report('TYPE_MISMATCH', 'WARNING', `\`${key}\` is a ${known.type} key but \`${operator.base.name}\` compares ${family} values`, clause.operatorRange);
    }
  }
  if (family === 'Null' && operator.qualifier) {
    report('NULL_WITH_QUALIFIER', 'SUGGESTION', `\`${operator.qualifier}\` has no effect on the Null operator`, clause.operatorRange);
  }
  if (clause.values.length === 0) {
    report('EMPTY_ARRAY_CONDITION', 'SUGGESTION', `\`${key}\` has an empty list of values, so the condition never matches`, clause.range);
  }
  const types = new Set(clause.valueTypes);
  if (types.size > 1) {
    report('INVALID_CONDITION_DATA_TYPE', 'ERROR', `the values of \`${key}\` mix JSON types; use strings`, clause.range);
  }
  if (family === 'Bool' && clause.values.length > 1) {
    report('INVALID_CONDITION_MULTIPLE_BOOLEAN', 'ERROR', `\`Bool\` takes a single true or false for \`${key}\``, clause.range);
  }
  checkValues(clause, variables, report);
}

function checkValues(clause: ConditionClause, variables: boolean, report: Report): void {
  const { operator, key } = clause;
  const family = operator.base.family;
  const privateOnly: boolean[] = [];
  for (const value of clause.values) {
    const text = value.value;
    if (text.includes('${')) {
      const { errors } = scanVariables(text);
      for (const error of errors) report(error.code, 'ERROR', error.message, value.range);
      if (!variables) {
        report('VARIABLE_UNSUPPORTED_IN_VERSION', 'WARNING', `\`${text}\` is literal text: policy variables need "Version": "2012-10-17"`, value.range);
      } else if (family !== 'String' && family !== 'Arn') {
        // Access Analyzer accepts variables only with String and ARN operators (Bool is contested, spec 2.6).
        report('INVALID_VARIABLE_FOR_OPERATOR', 'ERROR', `policy variables cannot be used with \`${operator.base.name}\``, value.range);
      }
      continue;
    }
    if (family === 'String' && (operator.base.comparison === 'equals' || operator.base.comparison === 'equalsIgnoreCase') && /[*?]/.test(text)) {
      report('WILDCARD_WITHOUT_LIKE_OPERATOR', 'WARNING', `\`${operator.base.name}\` treats \`*\` and \`?\` literally in \`${text}\`; use StringLike`, value.range);
    }
    const invalid = (expected: string) =>
      report('INVALID_CONDITION_VALUE', 'ERROR', `\`${text}\` is not ${expected}, so \`${operator.base.name}\` can never match it`, value.range);
    switch (family) {
      case 'Numeric':
        if (parseNumber(text) === undefined) invalid('a number');
        break;
      case 'Date':
        if (parseDate(text) === undefined) invalid('a date (ISO 8601 or epoch seconds)');
        else if (/^\d{13,}$/.test(text.trim())) {
          report('INVALID_DATE_VALUE', 'WARNING', `\`${text}\` looks like epoch milliseconds; IAM expects epoch seconds`, value.range);
        }
        break;
      case 'Bool':
      case 'Null':
        if (parseBool(text) === undefined) invalid('"true" or "false"');
        break;
      case 'Binary':
        if (decodeBase64(text) === undefined) invalid('base64');
        break;
      case 'IpAddress': {
        const range = parseIpRange(text);
        if (!range) {
          invalid('an IP address or CIDR block');
          break;
        }
        if (hasHostBits(range)) {
          report('IMPROVE_IP_RANGE', 'SUGGESTION', `\`${text}\` has host bits set after the prefix; write the network address`, value.range);
        }
        privateOnly.push(range[0].range() === 'private' || range[0].range() === 'uniqueLocal' || range[0].range() === 'loopback');
        break;
      }
      case 'Arn':
        if (text !== '*' && !text.startsWith('arn:')) invalid('an ARN');
        break;
      default:
        break;
    }
  }
  if (family === 'IpAddress' && key.toLowerCase() === 'aws:sourceip' && privateOnly.length > 0 && privateOnly.every(Boolean)) {
    // Requests through a VPC endpoint carry no aws:SourceIp; private ranges never appear there [GKEYS].
    report(
      operator.base.negated ? 'PRIVATE_NOT_IP_ADDRESS' : 'PRIVATE_IP_ADDRESS',
      'ERROR',
      `\`aws:SourceIp\` never holds a private address; use \`aws:VpcSourceIp\` for traffic through a VPC endpoint`,
      clause.range,
    );
  }
}
