import { deleteBoundary } from '../boundary-operations.ts';

/** Removes the role's permissions boundary (the identity policies alone decide again). */
export const deleteRolePermissionsBoundary = deleteBoundary('role');
