/**
 * Policy variables `${aws:username}` [VARS], spec section 2.6: substituted only under Version 2012-10-17,
 * default values `${key, 'default'}`, escapes `${*}` `${?}` `${$}`. A substituted value is literal text:
 * a `*` inside a tag value must not become a wildcard (the spec's recommendation; AWS does not spell it out).
 */
import type { PatternPart } from './glob.ts';

export interface VariableReference {
  /** The context key, or undefined for the escapes `${*}`, `${?}`, `${$}`. */
  key: string | undefined;
  defaultValue: string | undefined;
  /** Offsets within the template, `${` to `}` inclusive. */
  start: number;
  end: number;
}

export interface VariableSyntaxError {
  code: 'MISSING_BRACE_IN_VARIABLE' | 'MISSING_QUOTE_IN_VARIABLE' | 'UNSUPPORTED_SPACE_IN_VARIABLE' | 'EMPTY_VARIABLE';
  start: number;
  message: string;
}

const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const WITH_DEFAULT = /^([^\s,]+), '([^']*)'$/;
const KEY_ONLY = /^[^\s,']+$/;

/** Finds the variables of a template, and the syntax errors Access Analyzer reports for malformed ones. */
export function scanVariables(template: string): { references: VariableReference[]; errors: VariableSyntaxError[] } {
  const references: VariableReference[] = [];
  const errors: VariableSyntaxError[] = [];
  let from = 0;
  for (;;) {
    const start = template.indexOf('${', from);
    if (start < 0) break;
    const close = template.indexOf('}', start + 2);
    if (close < 0) {
      errors.push({ code: 'MISSING_BRACE_IN_VARIABLE', start, message: 'policy variable has no closing `}`' });
      break;
    }
    const inner = template.slice(start + 2, close);
    from = close + 1;
    if (inner in ESCAPES) {
      references.push({ key: undefined, defaultValue: ESCAPES[inner], start, end: close });
      continue;
    }
    if (inner.trim() === '') {
      errors.push({ code: 'EMPTY_VARIABLE', start, message: 'policy variable `${}` is empty' });
      continue;
    }
    const withDefault = WITH_DEFAULT.exec(inner);
    if (withDefault) {
      references.push({ key: withDefault[1], defaultValue: withDefault[2], start, end: close });
    } else if (KEY_ONLY.test(inner)) {
      references.push({ key: inner, defaultValue: undefined, start, end: close });
    } else if (inner.includes("'") || inner.includes(',')) {
      errors.push({ code: 'MISSING_QUOTE_IN_VARIABLE', start, message: `policy variable \`\${${inner}}\` needs a default in the form \`, 'value'\`` });
    } else {
      errors.push({ code: 'UNSUPPORTED_SPACE_IN_VARIABLE', start, message: `policy variable \`\${${inner}}\` contains a space` });
    }
  }
  return { references, errors };
}

export function hasVariables(template: string): boolean {
  return template.includes('${');
}

/** Returns the single value of a context key, or undefined when absent or multivalued [VARS]. */
export type VariableLookup = (key: string) => string | undefined;

export type Substitution =
  | { resolved: true; parts: PatternPart[]; text: string }
  | { resolved: false; missingKey: string };

/**
 * Substitutes the variables of one policy value. A key with no value and no default leaves the value
 * unresolved: positive operators then cannot match it, negated ones treat it as "matches none" [VARS].
 */
export function substitute(template: string, lookup: VariableLookup): Substitution {
  const { references } = scanVariables(template);
  if (references.length === 0) return { resolved: true, parts: [{ text: template, literal: false }], text: template };
  const parts: PatternPart[] = [];
  let cursor = 0;
  for (const reference of references) {
    if (reference.start > cursor) parts.push({ text: template.slice(cursor, reference.start), literal: false });
    const value = reference.key === undefined ? reference.defaultValue : (lookup(reference.key) ?? reference.defaultValue);
    if (value === undefined) return { resolved: false, missingKey: reference.key ?? '' };
    parts.push({ text: value, literal: true });
    cursor = reference.end + 1;
  }
  if (cursor < template.length) parts.push({ text: template.slice(cursor), literal: false });
  return { resolved: true, parts, text: parts.map((part) => part.text).join('') };
}
