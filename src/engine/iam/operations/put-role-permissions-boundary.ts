import { putBoundary } from '../boundary-operations.ts';

/** Sets (or replaces) the role's permissions boundary: a managed policy that caps what its identity policies grant. */
export const putRolePermissionsBoundary = putBoundary('role');
