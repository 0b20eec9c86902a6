import { putBoundary } from '../boundary-operations.ts';

/** Sets (or replaces) the user's permissions boundary: a managed policy that caps what its identity policies grant. */
export const putUserPermissionsBoundary = putBoundary('user');
