import { deleteBoundary } from '../boundary-operations.ts';

/** Removes the user's permissions boundary (the identity policies alone decide again). */
export const deleteUserPermissionsBoundary = deleteBoundary('user');
