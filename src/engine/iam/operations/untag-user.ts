import { untagEntity } from '../tag-operations.ts';

/** Removes tags from the user by key. */
export const untagUser = untagEntity('user');
