import { listInlinePolicies } from '../inline-policy-operations.ts';

/** Lists the names of the user's inline policies. */
export const listUserPolicies = listInlinePolicies('user');
