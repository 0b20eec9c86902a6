import { detachPolicy } from '../attached-policy-operations.ts';

/** Detaches a managed policy from the user (NoSuchEntity if it is not attached). */
export const detachUserPolicy = detachPolicy('user');
