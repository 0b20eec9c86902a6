import { tagEntity } from '../tag-operations.ts';

/** Adds or overwrites tags on the role (at most 50; keys are case-insensitive). */
export const tagRole = tagEntity('role');
