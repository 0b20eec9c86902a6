import { untagEntity } from '../tag-operations.ts';

/** Removes tags from the role by key. */
export const untagRole = untagEntity('role');
