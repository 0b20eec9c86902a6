import { z } from 'zod';
import type { OperationDefinition } from '../kernel/index.ts';
import { iamErrors } from './errors.ts';
import { holderTarget, type HolderKind } from './holders.ts';
import type { IamRole, IamUser } from './identity-state.ts';
import { arnSchema, existingUserNameSchema, roleNameSchema } from './schemas.ts';
import { attachable, requireRole, requireUser } from './store.ts';

/**
 * A permissions boundary is a managed policy that caps what a user's or role's identity policies can grant: an
 * action is allowed only if both allow it (IAM User Guide, "Permissions boundaries for IAM entities"). The request
 * carries the boundary's ARN as iam:PermissionsBoundary, so delegated administrators can be required to set one.
 */
type BoundedKind = Exclude<HolderKind, 'group'>;
const TITLE: Record<BoundedKind, string> = { user: 'User', role: 'Role' };
type Named = Record<string, string>;
const holderName = (kind: BoundedKind, input: Named) => input[`${kind}Name`]!;
const bounded = (ctx: Parameters<typeof requireUser>[0], kind: BoundedKind, name: string): IamUser | IamRole =>
  kind === 'user' ? requireUser(ctx, name) : requireRole(ctx, name);

export function putBoundary(kind: BoundedKind): OperationDefinition<Named & { permissionsBoundary: string }> {
  const input = z.object({ [`${kind}Name`]: kind === 'user' ? existingUserNameSchema : roleNameSchema, permissionsBoundary: arnSchema });
  return {
    service: 'iam',
    name: `Put${TITLE[kind]}PermissionsBoundary`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { permissionsBoundary: string }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request), { 'iam:PermissionsBoundary': request.permissionsBoundary }),
    execute(ctx, request) {
      const holder = bounded(ctx, kind, holderName(kind, request));
      if (!attachable(ctx, request.permissionsBoundary)) throw iamErrors.notAttachable(request.permissionsBoundary);
      holder.permissionsBoundary = request.permissionsBoundary;
      return {};
    },
  };
}

export function deleteBoundary(kind: BoundedKind): OperationDefinition<Named> {
  const input = z.object({ [`${kind}Name`]: kind === 'user' ? existingUserNameSchema : roleNameSchema });
  return {
    service: 'iam',
    name: `Delete${TITLE[kind]}PermissionsBoundary`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request)),
    execute(ctx, request) {
      const holder = bounded(ctx, kind, holderName(kind, request));
      // Removing the boundary lifts the cap: the identity policies alone decide again.
      delete holder.permissionsBoundary;
      return {};
    },
  };
}
