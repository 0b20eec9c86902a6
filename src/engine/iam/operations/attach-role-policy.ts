import { attachPolicy } from '../attached-policy-operations.ts';

/** Attaches a managed policy (AWS managed or the account's own) to the role; at most 10 per role by default. */
export const attachRolePolicy = attachPolicy('role');
