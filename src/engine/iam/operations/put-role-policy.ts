import { putInlinePolicy } from '../inline-policy-operations.ts';

/** Embeds (or replaces) an inline policy in the role; the document must pass IAM's checks (MalformedPolicyDocument). */
export const putRolePolicy = putInlinePolicy('role');
