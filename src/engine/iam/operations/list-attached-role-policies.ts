import { listAttachedPolicies } from '../attached-policy-operations.ts';

/** Lists the managed policies attached to the role (not its inline policies). */
export const listAttachedRolePolicies = listAttachedPolicies('role');
