import { listAttachedPolicies } from '../attached-policy-operations.ts';

/** Lists the managed policies attached to the user (not its inline policies). */
export const listAttachedUserPolicies = listAttachedPolicies('user');
