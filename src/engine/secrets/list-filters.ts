import type { Secret } from './state.ts';

export interface ListFilter {
  key: 'description' | 'name' | 'tag-key' | 'tag-value' | 'primary-region' | 'owning-service' | 'all';
  values?: string[];
}

/**
 * ListSecrets filter semantics, as verified against AWS (reference §3 ListSecrets): different filters AND, values of
 * one filter OR, and a leading "!" negates a value. `name`, `tag-key`, `tag-value`, `primary-region` and
 * `owning-service` are case-sensitive prefixes; `description` matches word prefixes, ignoring case; `all` splits
 * the value into words, each of which must prefix a word of the name, description, a tag key or a tag value.
 */
export function matchesFilters(secret: Secret, filters: readonly ListFilter[]): boolean {
  return filters.every((filter) => (filter.values ?? []).some((value) => matchesValue(secret, filter.key, value)));
}

function matchesValue(secret: Secret, key: ListFilter['key'], value: string): boolean {
  const negated = value.startsWith('!');
  const term = negated ? value.slice(1) : value;
  const hit = matchesTerm(secret, key, term);
  return negated ? !hit : hit;
}

function matchesTerm(secret: Secret, key: ListFilter['key'], term: string): boolean {
  const tags = secret.tags ?? [];
  switch (key) {
    case 'name':
      return secret.name.startsWith(term);
    case 'tag-key':
      return tags.some((t) => t.key.startsWith(term));
    case 'tag-value':
      return tags.some((t) => t.value.startsWith(term));
    case 'primary-region':
      return secret.primaryRegion !== undefined && secret.primaryRegion.startsWith(term);
    case 'owning-service':
      return secret.owningService !== undefined && secret.owningService.startsWith(term);
    case 'description':
      return everyWordPrefixes(term, words(secret.description ?? ''));
    case 'all': {
      const haystack = [
        ...nameWords(secret.name),
        ...words(secret.description ?? ''),
        ...tags.flatMap((t) => [...nameWords(t.key), ...nameWords(t.value)]),
      ];
      // The value is analysed like a name (verified: `AppBeta` finds `prod/AppBeta/x` because it splits into App and
      // Beta, while `company` does not find `COMPANYthings`, whose words are COMPAN and Ythings; reference §3).
      return everyNeedlePrefixes(term.split(/\s+/).flatMap(nameParts), haystack);
    }
  }
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Name words: split on / _ + = . @ - and at camel-case boundaries (COMPANYthings -> COMPAN, Ythings). */
function nameParts(name: string): string[] {
  return name
    .split(/[/_+=.@\-\s]+/)
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function nameWords(name: string): string[] {
  return [name.toLowerCase(), ...nameParts(name)];
}

function everyWordPrefixes(term: string, haystack: readonly string[]): boolean {
  return everyNeedlePrefixes(words(term), haystack);
}

/** No needle (a value that is only separators, such as `+`) matches nothing. */
function everyNeedlePrefixes(needles: readonly string[], haystack: readonly string[]): boolean {
  if (needles.length === 0) return false;
  return needles.every((needle) => haystack.some((word) => word.startsWith(needle)));
}
