/**
 * EventBridge event patterns ("Amazon EventBridge event patterns" in the user guide): a pattern mirrors the event's
 * structure; every leaf is an array of accepted values, any one of which may match; fields the pattern leaves out
 * are not looked at. Supported filters: exact values, prefix, suffix, equals-ignore-case, anything-but (a value,
 * a list, or a prefix), exists, and numeric comparisons.
 */
export type EventPattern = { [field: string]: EventPattern | readonly unknown[] };

export class InvalidPatternError extends Error {}

/** Parses and checks a pattern; throws InvalidPatternError with the reason EventBridge would give. */
export function parseEventPattern(text: string): EventPattern {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidPatternError('Filter is not an object');
  }
  if (!isObject(parsed)) throw new InvalidPatternError('Filter is not an object');
  checkLevel(parsed);
  return parsed as EventPattern;
}

function checkLevel(level: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(level)) {
    if (Array.isArray(value)) {
      for (const matcher of value) if (isObject(matcher)) checkFilter(field, matcher);
    } else if (isObject(value)) {
      checkLevel(value);
    } else {
      throw new InvalidPatternError(`Match value must be String, number, true, false, or null at [Source: (String)"${field}"]`);
    }
  }
}

const FILTERS = new Set(['prefix', 'suffix', 'anything-but', 'exists', 'numeric', 'equals-ignore-case']);

function checkFilter(field: string, filter: Record<string, unknown>): void {
  const [name] = Object.keys(filter);
  if (!name || !FILTERS.has(name)) throw new InvalidPatternError(`Unrecognized match type ${name ?? ''} at field ${field}`);
  if (name === 'exists' && typeof filter.exists !== 'boolean') throw new InvalidPatternError('exists match pattern must be either true or false.');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  if (!isObject(event)) return false;
  for (const [field, expected] of Object.entries(pattern)) {
    const actual = event[field];
    if (Array.isArray(expected)) {
      if (!matchesLeaf(expected, actual)) return false;
    } else if (!matchesPattern(expected as EventPattern, actual)) return false;
  }
  return true;
}

function matchesLeaf(accepted: readonly unknown[], actual: unknown): boolean {
  // An array in the event matches when any of its elements matches.
  const values = Array.isArray(actual) ? actual : [actual];
  return accepted.some((matcher) => {
    if (isObject(matcher) && 'exists' in matcher) return matcher.exists === (actual !== undefined);
    if (actual === undefined) return false;
    return values.some((value) => matchesValue(matcher, value));
  });
}

function matchesValue(matcher: unknown, value: unknown): boolean {
  if (!isObject(matcher)) return matcher === value;
  if ('prefix' in matcher) return typeof value === 'string' && typeof matcher.prefix === 'string' && value.startsWith(matcher.prefix);
  if ('suffix' in matcher) return typeof value === 'string' && typeof matcher.suffix === 'string' && value.endsWith(matcher.suffix);
  if ('equals-ignore-case' in matcher) {
    return typeof value === 'string' && typeof matcher['equals-ignore-case'] === 'string' && value.toLowerCase() === matcher['equals-ignore-case'].toLowerCase();
  }
  if ('anything-but' in matcher) {
    const excluded = matcher['anything-but'];
    if (Array.isArray(excluded)) return !excluded.includes(value);
    if (isObject(excluded)) return !matchesValue(excluded, value);
    return excluded !== value;
  }
  if ('numeric' in matcher && Array.isArray(matcher.numeric) && typeof value === 'number') return numericMatch(matcher.numeric, value);
  return false;
}

function numericMatch(conditions: unknown[], value: number): boolean {
  for (let i = 0; i + 1 < conditions.length; i += 2) {
    const operator = conditions[i];
    const bound = conditions[i + 1];
    if (typeof bound !== 'number') return false;
    const ok =
      operator === '=' ? value === bound : operator === '<' ? value < bound : operator === '<=' ? value <= bound : operator === '>' ? value > bound : operator === '>=' ? value >= bound : false;
    if (!ok) return false;
  }
  return true;
}
