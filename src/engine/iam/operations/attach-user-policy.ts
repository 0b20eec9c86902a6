import { attachPolicy } from '../attached-policy-operations.ts';

/** Attaches a managed policy (AWS managed or the account's own) to the user; at most 10 per user by default. */
export const attachUserPolicy = attachPolicy('user');
