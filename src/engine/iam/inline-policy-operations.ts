import { z } from 'zod';
import type { OperationDefinition } from '../kernel/index.ts';
import { assertPolicyDocument } from './documents.ts';
import { holderTarget, putInline, requireHolder, requireInline, type HolderKind } from './holders.ts';
import { paginate } from './pagination.ts';
import { existingUserNameSchema, groupNameSchema, paginationMembers, policyDocumentSchema, policyNameSchema, roleNameSchema } from './schemas.ts';

/**
 * Inline policies (Put/Get/Delete/List{User,Role,Group}Policy) work alike for users, roles and groups: a policy
 * embedded in one entity, named within it, deleted with it. Each operation's file binds one of these to its entity.
 */
const NAME_SCHEMAS = { user: existingUserNameSchema, role: roleNameSchema, group: groupNameSchema } as const;
const TITLE: Record<HolderKind, string> = { user: 'User', role: 'Role', group: 'Group' };

type Named = Record<string, string>;
const holderName = (kind: HolderKind, input: Named) => input[`${kind}Name`]!;

export function putInlinePolicy(kind: HolderKind): OperationDefinition<Named & { policyName: string; policyDocument: string }> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], policyName: policyNameSchema, policyDocument: policyDocumentSchema });
  return {
    service: 'iam',
    name: `Put${TITLE[kind]}Policy`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { policyName: string; policyDocument: string }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request)),
    execute(ctx, request) {
      const holder = requireHolder(ctx, kind, holderName(kind, request));
      assertPolicyDocument(request.policyDocument, 'identity');
      // Putting a policy under an existing name replaces it.
      putInline(kind, holder, holderName(kind, request), request.policyName, request.policyDocument);
      return {};
    },
  };
}

export function getInlinePolicy(kind: HolderKind): OperationDefinition<Named & { policyName: string }> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], policyName: policyNameSchema });
  return {
    service: 'iam',
    name: `Get${TITLE[kind]}Policy`,
    readOnly: true,
    input: input as unknown as z.ZodType<Named & { policyName: string }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request)),
    execute(ctx, request) {
      const holder = requireHolder(ctx, kind, holderName(kind, request));
      const document = requireInline(kind, holder, request.policyName);
      const ownerName = kind === 'user' ? 'userName' : kind === 'role' ? 'roleName' : 'groupName';
      const owner = 'userName' in holder ? holder.userName : 'roleName' in holder ? holder.roleName : holder.groupName;
      return { [ownerName]: owner, policyName: request.policyName, policyDocument: document };
    },
  };
}

export function deleteInlinePolicy(kind: HolderKind): OperationDefinition<Named & { policyName: string }> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], policyName: policyNameSchema });
  return {
    service: 'iam',
    name: `Delete${TITLE[kind]}Policy`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { policyName: string }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request)),
    execute(ctx, request) {
      const holder = requireHolder(ctx, kind, holderName(kind, request));
      requireInline(kind, holder, request.policyName);
      delete holder.inlinePolicies[request.policyName];
      return {};
    },
  };
}

export function listInlinePolicies(kind: HolderKind): OperationDefinition<Named & { marker?: string; maxItems?: number }> {
  const input = z.object({ [`${kind}Name`]: NAME_SCHEMAS[kind], ...paginationMembers });
  return {
    service: 'iam',
    name: `List${TITLE[kind]}Policies`,
    readOnly: true,
    input: input as unknown as z.ZodType<Named & { marker?: string; maxItems?: number }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request)),
    execute(ctx, request) {
      const holder = requireHolder(ctx, kind, holderName(kind, request));
      const names = Object.keys(holder.inlinePolicies).sort();
      const { page, ...rest } = paginate(names, `List${TITLE[kind]}Policies:${holderName(kind, request)}`, request.maxItems, request.marker);
      return { policyNames: page, ...rest };
    },
  };
}
