import { tagEntity } from '../tag-operations.ts';

/** Adds or overwrites tags on the user (at most 50; keys are case-insensitive). */
export const tagUser = tagEntity('user');
