import { attachPolicy } from '../attached-policy-operations.ts';

/** Attaches a managed policy (AWS managed or the account's own) to the group; at most 10 per group by default. */
export const attachGroupPolicy = attachPolicy('group');
