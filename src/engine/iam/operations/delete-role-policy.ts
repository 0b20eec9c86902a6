import { deleteInlinePolicy } from '../inline-policy-operations.ts';

/** Deletes one of the role's inline policies (NoSuchEntity if it has none by that name). */
export const deleteRolePolicy = deleteInlinePolicy('role');
