import { getInlinePolicy } from '../inline-policy-operations.ts';

/** Returns one of the user's inline policies (the document as written). */
export const getUserPolicy = getInlinePolicy('user');
