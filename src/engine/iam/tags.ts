import { iamErrors } from './errors.ts';

type Tag = { key: string; value: string };

/** An IAM user or role carries at most 50 tags (IAM User Guide, "Tagging IAM resources"). */
const MAX_TAGS = 50;

/**
 * Merges new tags into an entity's tags. Tag keys are case-insensitive in IAM: a request naming one key twice
 * (in any case) is refused, and a new value for an existing key replaces it, keeping the key's original spelling.
 */
export function assertTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const tag of added) {
    const lower = tag.key.toLowerCase();
    if (seen.has(lower)) throw iamErrors.invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower);
  }
  const merged = existing.map((t) => ({ ...t }));
  for (const tag of added) {
    const current = merged.find((t) => t.key.toLowerCase() === tag.key.toLowerCase());
    if (current) current.value = tag.value;
    else merged.push({ ...tag });
  }
  if (merged.length > MAX_TAGS) throw iamErrors.limitExceeded('The number of tags has reached the maximum limit.');
  return merged;
}

export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const removed = new Set(keys.map((k) => k.toLowerCase()));
  return existing.filter((t) => !removed.has(t.key.toLowerCase()));
}
