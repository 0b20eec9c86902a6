import { z } from 'zod';
import type { OperationDefinition } from '../kernel/index.ts';
import { attach, detach, holderTarget, policyNameOf, requireHolder, type HolderKind } from './holders.ts';
import { paginate } from './pagination.ts';
import { arnSchema, existingUserNameSchema, groupNameSchema, paginationMembers, pathPrefixSchema, roleNameSchema } from './schemas.ts';
import { awsManagedPolicy } from './aws-managed-policies.ts';
import { callerAccount } from './store.ts';

/**
 * Managed policies are attached to users, roles and groups by ARN (Attach/Detach/ListAttached{User,Role,Group}
 * Policies). The request carries the policy's ARN as the condition key iam:PolicyARN, so an administrator can limit
 * which policies a delegate may attach.
 */
const NAME_SCHEMAS = { user: existingUserNameSchema, role: roleNameSchema, group: groupNameSchema } as const;
const TITLE: Record<HolderKind, string> = { user: 'User', role: 'Role', group: 'Group' };

type Named = Record<string, string>;
const holderName = (kind: HolderKind, input: Named) => input[`${kind}Name`]!;

export function attachPolicy(kind: HolderKind): OperationDefinition<Named & { policyArn: string }> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], policyArn: arnSchema });
  return {
    service: 'iam',
    name: `Attach${TITLE[kind]}Policy`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { policyArn: string }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request), { 'iam:PolicyARN': request.policyArn }),
    execute(ctx, request) {
      attach(ctx, kind, requireHolder(ctx, kind, holderName(kind, request)), request.policyArn);
      return {};
    },
  };
}

export function detachPolicy(kind: HolderKind): OperationDefinition<Named & { policyArn: string }> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], policyArn: arnSchema });
  return {
    service: 'iam',
    name: `Detach${TITLE[kind]}Policy`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { policyArn: string }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request), { 'iam:PolicyARN': request.policyArn }),
    execute(ctx, request) {
      detach(requireHolder(ctx, kind, holderName(kind, request)), request.policyArn);
      return {};
    },
  };
}

type ListInput = Named & { pathPrefix?: string; marker?: string; maxItems?: number };

export function listAttachedPolicies(kind: HolderKind): OperationDefinition<ListInput> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], pathPrefix: pathPrefixSchema.optional(), ...paginationMembers });
  return {
    service: 'iam',
    name: `ListAttached${TITLE[kind]}Policies`,
    readOnly: true,
    input: input as unknown as z.ZodType<ListInput>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request)),
    execute(ctx, request) {
      const holder = requireHolder(ctx, kind, holderName(kind, request));
      const account = callerAccount(ctx);
      const prefix = request.pathPrefix ?? '/';
      const attached = holder.attachedPolicies
        .filter((arn) => (awsManagedPolicy(arn) ? '/' : (account.policies[arn]?.path ?? '/')).startsWith(prefix))
        .map((arn) => ({ policyName: policyNameOf(arn), policyArn: arn }));
      const { page, ...rest } = paginate(attached, `ListAttached${TITLE[kind]}Policies:${holderName(kind, request)}:${prefix}`, request.maxItems, request.marker);
      return { attachedPolicies: page, ...rest };
    },
  };
}
