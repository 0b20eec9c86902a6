import { kmsErrors } from './errors.ts';
import type { KmsKey } from './state.ts';

/** A KMS key can carry at most 50 tags (KMS quotas); the aws: prefix is reserved for AWS. */
export const MAX_TAGS_PER_KEY = 50;

type Tag = KmsKey['tags'][number];

export function assertTagKeys(tags: readonly Tag[]): void {
  for (const tag of tags) {
    if (tag.tagKey.toLowerCase().startsWith('aws:')) {
      throw kmsErrors.tag('Tags beginning with aws: are reserved for AWS use and cannot be added or removed.');
    }
  }
}

/** An existing tag key (case-sensitive) takes the new value, as TagResource documents. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = existing.map((t) => ({ ...t }));
  for (const tag of added) {
    const found = merged.find((t) => t.tagKey === tag.tagKey);
    if (found) found.tagValue = tag.tagValue;
    else merged.push({ ...tag });
  }
  if (merged.length > MAX_TAGS_PER_KEY) {
    throw kmsErrors.tag(`The request would exceed the limit of ${MAX_TAGS_PER_KEY} tags for the KMS key.`);
  }
  return merged;
}
