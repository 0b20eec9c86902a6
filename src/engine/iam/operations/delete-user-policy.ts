import { deleteInlinePolicy } from '../inline-policy-operations.ts';

/** Deletes one of the user's inline policies (NoSuchEntity if it has none by that name). */
export const deleteUserPolicy = deleteInlinePolicy('user');
