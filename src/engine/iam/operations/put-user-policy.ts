import { putInlinePolicy } from '../inline-policy-operations.ts';

/** Embeds (or replaces) an inline policy in the user; the document must pass IAM's checks (MalformedPolicyDocument). */
export const putUserPolicy = putInlinePolicy('user');
