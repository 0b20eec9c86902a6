import { detachPolicy } from '../attached-policy-operations.ts';

/** Detaches a managed policy from the role (NoSuchEntity if it is not attached). */
export const detachRolePolicy = detachPolicy('role');
