/**
 * Wildcard matching as IAM does it [ELEM Action, Resource; OPS StringLike/ArnLike]: `*` matches any run of
 * characters (including none and including `/` and `:`), `?` exactly one character, nothing else is special,
 * and the match is anchored to the whole string.
 */

/** A piece of a pattern. Literal pieces came from policy-variable values, whose `*` and `?` are plain text. */
export interface PatternPart {
  text: string;
  literal: boolean;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const compiled = new Map<string, RegExp>();
const CACHE_LIMIT = 10_000;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

function toRegExp(parts: readonly PatternPart[], ignoreCase: boolean): RegExp {
  let source = '^';
  for (const part of parts) {
    if (part.literal) {
      source += escapeRegex(part.text);
      continue;
    }
    for (const ch of part.text) {
      if (ch === '*') source += '[\\s\\S]*';
      else if (ch === '?') source += '[\\s\\S]';
      else source += escapeRegex(ch);
    }
  }
  return new RegExp(`${source}$`, ignoreCase ? 'i' : '');
}

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Whole-string glob match of a plain pattern (no variables). Compiled patterns are cached. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!hasWildcard(pattern)) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  const cacheKey = (ignoreCase ? 'i' : 's') + pattern;
  let regex = compiled.get(cacheKey);
  if (!regex) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    regex = toRegExp([{ text: pattern, literal: false }], ignoreCase);
    compiled.set(cacheKey, regex);
  }
  return regex.test(value);
}

/** Glob match of a pattern assembled from parts (after policy-variable substitution). */
export function globMatchParts(parts: readonly PatternPart[], value: string, ignoreCase = false): boolean {
  if (parts.length === 1 && parts[0] && !parts[0].literal) return globMatch(parts[0].text, value, ignoreCase);
  if (parts.every((part) => part.literal || !hasWildcard(part.text))) {
    const text = parts.map((part) => part.text).join('');
    return ignoreCase ? text.toLowerCase() === value.toLowerCase() : text === value;
  }
  return toRegExp(parts, ignoreCase).test(value);
}

const ARN_MEMO_LIMIT = 4_096;
const arnMemo = new Map<string, readonly string[] | null>();

/** `arnComponents`, remembered for the ARNs requests name again and again; the arrays are shared, read-only. */
export function arnComponentsMemo(text: string): readonly string[] | undefined {
  let parts = arnMemo.get(text);
  if (parts === undefined) {
    parts = arnComponents(text) ?? null;
    if (arnMemo.size >= ARN_MEMO_LIMIT) arnMemo.clear();
    arnMemo.set(text, parts);
  }
  return parts ?? undefined;
}

/**
 * Splits an ARN into its six components on the first five colons (`arn:partition:service:region:account:rest`),
 * the resource part keeping any further colons. Undefined when the text has fewer than six components.
 */
export function arnComponents(text: string): string[] | undefined {
  const components: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return undefined;
    components.push(text.slice(start, colon));
    start = colon + 1;
  }
  components.push(text.slice(start));
  return components;
}

/**
 * ARN matching, component by component, case-sensitive: a wildcard never absorbs a `:` between components
 * (spec section 3, ArnLike; section 2.3 for Resource). Falls back to a whole-string glob when either side is
 * not an ARN (e.g. the literal resource `*` of actions with no resource type).
 */
export function arnMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const patternParts = arnComponents(pattern);
  const valueParts = arnComponents(value);
  if (!patternParts || !valueParts) return globMatch(pattern, value);
  for (let i = 0; i < 6; i++) {
    if (!globMatch(patternParts[i] ?? '', valueParts[i] ?? '')) return false;
  }
  return true;
}

/** ARN matching for a pattern assembled from parts; the parts are re-split on the first five colons. */
export function arnMatchParts(parts: readonly PatternPart[], value: string): boolean {
  if (parts.every((part) => !part.literal)) return arnMatch(parts.map((part) => part.text).join(''), value);
  const valueParts = arnComponents(value);
  const split = splitPartsIntoComponents(parts);
  if (!split || !valueParts) return globMatchParts(parts, value);
  return split.every((component, i) => globMatchParts(component, valueParts[i] ?? ''));
}

function splitPartsIntoComponents(parts: readonly PatternPart[]): PatternPart[][] | undefined {
  const components: PatternPart[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (components.length < 6) components.push([]);
        else (components[5] as PatternPart[]).push({ text: ':', literal: true });
      }
      (components[components.length - 1] as PatternPart[]).push({ text: piece, literal: part.literal });
    });
  }
  return components.length === 6 ? components : undefined;
}

/**
 * A glob compiled once (per parsed statement): `true` for `*`, the exact text (lower-cased when case-insensitive)
 * when it has no wildcard, a prefix test for `text*`, else its RegExp. Same results as `globMatch`, without the
 * per-call cache look-up.
 */
export type GlobMatcher = true | string | { test(value: string): boolean };

/**
 * `prefix*` without the RegExp. Case-insensitive only for an ASCII prefix, folded the way a non-unicode `i`
 * RegExp folds (a non-ASCII character never matches an ASCII one there), so both give the same answer.
 */
class PrefixGlob {
  constructor(
    private readonly prefix: string,
    private readonly ignoreCase: boolean,
  ) {}

  test(value: string): boolean {
    const prefix = this.prefix;
    if (value.length < prefix.length) return false;
    if (!this.ignoreCase) return value.startsWith(prefix);
    for (let i = 0; i < prefix.length; i++) {
      let code = value.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      if (code !== prefix.charCodeAt(i)) return false;
    }
    return true;
  }
}


function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function compileGlob(pattern: string, ignoreCase = false): GlobMatcher {
  if (pattern === '*') return true;
  if (!hasWildcard(pattern)) return ignoreCase ? pattern.toLowerCase() : pattern;
  const head = pattern.slice(0, -1);
  if (pattern.endsWith('*') && !hasWildcard(head) && (!ignoreCase || isAscii(head))) {
    return new PrefixGlob(ignoreCase ? head.replace(/[A-Z]/g, (c) => c.toLowerCase()) : head, ignoreCase);
  }
  return toRegExp([{ text: pattern, literal: false }], ignoreCase);
}

/** `value` must already be lower-cased when the matcher is an exact text compiled case-insensitive. */
export function testGlob(matcher: GlobMatcher, value: string): boolean {
  if (matcher === true) return true;
  return typeof matcher === 'string' ? matcher === value : matcher.test(value);
}

/** `arnMatch` compiled: the whole pattern, and its six components when it is an ARN. */
export interface ArnMatcher {
  any: boolean;
  whole: GlobMatcher;
  components: GlobMatcher[] | undefined;
}

export function compileArn(pattern: string): ArnMatcher {
  const parts = arnComponents(pattern);
  return { any: pattern === '*', whole: compileGlob(pattern), components: parts?.map((part) => compileGlob(part)) };
}

/** `arnMatch(pattern, value)` for a compiled pattern; `valueParts` is `arnComponents(value)`. */
export function testArn(matcher: ArnMatcher, value: string, valueParts: readonly string[] | undefined): boolean {
  if (matcher.any) return true;
  const components = matcher.components;
  if (!components || !valueParts) return testGlob(matcher.whole, value);
  for (let i = 0; i < 6; i++) {
    if (!testGlob(components[i] as GlobMatcher, valueParts[i] ?? '')) return false;
  }
  return true;
}
