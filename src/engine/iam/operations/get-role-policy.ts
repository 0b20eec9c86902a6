import { getInlinePolicy } from '../inline-policy-operations.ts';

/** Returns one of the role's inline policies (the document as written). */
export const getRolePolicy = getInlinePolicy('role');
