import { detachPolicy } from '../attached-policy-operations.ts';

/** Detaches a managed policy from the group (NoSuchEntity if it is not attached). */
export const detachGroupPolicy = detachPolicy('group');
