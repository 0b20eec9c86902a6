import { listInlinePolicies } from '../inline-policy-operations.ts';

/** Lists the names of the role's inline policies. */
export const listRolePolicies = listInlinePolicies('role');
