import { secretsErrors } from './errors.ts';

/** AWS tagging rules for secrets: at most 50 tags, and the `aws:` prefix is reserved for AWS. */
export const MAX_TAGS = 50;

export function assertTags(tags: readonly { key: string; value: string }[]): void {
  for (const tag of tags) {
    if (tag.key.toLowerCase().startsWith('aws:')) {
      throw secretsErrors.invalidParameter('Invalid tag key. The aws: prefix is reserved for AWS use.');
    }
  }
}

/** Tags after merging `added` into `existing`: a key that exists (case-sensitive) gets the new value. */
export function mergeTags(
  existing: readonly { key: string; value: string }[],
  added: readonly { key: string; value: string }[],
): { key: string; value: string }[] {
  const merged = existing.map((t) => ({ ...t }));
  for (const tag of added) {
    const found = merged.find((t) => t.key === tag.key);
    if (found) found.value = tag.value;
    else merged.push({ ...tag });
  }
  if (merged.length > MAX_TAGS) {
    throw secretsErrors.invalidParameter(`A secret can have at most ${MAX_TAGS} tags.`);
  }
  return merged;
}
