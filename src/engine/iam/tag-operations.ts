import { z } from 'zod';
import type { OperationDefinition } from '../kernel/index.ts';
import { holderTarget, type HolderKind } from './holders.ts';
import { existingUserNameSchema, roleNameSchema, tagKeyListSchema, tagListSchema } from './schemas.ts';
import { requestTagContext, requireRole, requireUser } from './store.ts';
import { assertTags, removeTags } from './tags.ts';

/**
 * Tags on users and roles. They are also the principal's tags: a request by the user, or by a session of the role,
 * carries them as aws:PrincipalTag/<key>, which is what attribute-based access control (ABAC) policies match.
 */
type TaggedKind = Exclude<HolderKind, 'group'>;
const TITLE: Record<TaggedKind, string> = { user: 'User', role: 'Role' };
type Named = Record<string, string>;
const holderName = (kind: TaggedKind, input: Named) => input[`${kind}Name`]!;
const nameSchema = (kind: TaggedKind) => (kind === 'user' ? existingUserNameSchema : roleNameSchema);
type Tag = { key: string; value: string };

export function tagEntity(kind: TaggedKind): OperationDefinition<Named & { tags: Tag[] }> {
  const input = z.object({ [`${kind}Name`]: nameSchema(kind), tags: tagListSchema });
  return {
    service: 'iam',
    name: `Tag${TITLE[kind]}`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { tags: Tag[] }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request), requestTagContext(request.tags)),
    execute(ctx, request) {
      const holder = kind === 'user' ? requireUser(ctx, holderName(kind, request)) : requireRole(ctx, holderName(kind, request));
      holder.tags = assertTags(holder.tags, request.tags);
      return {};
    },
  };
}

export function untagEntity(kind: TaggedKind): OperationDefinition<Named & { tagKeys: string[] }> {
  const input = z.object({ [`${kind}Name`]: nameSchema(kind), tagKeys: tagKeyListSchema });
  return {
    service: 'iam',
    name: `Untag${TITLE[kind]}`,
    readOnly: false,
    input: input as unknown as z.ZodType<Named & { tagKeys: string[] }>,
    resolve: (ctx, request) => holderTarget(ctx, kind, holderName(kind, request), { 'aws:TagKeys': request.tagKeys }),
    execute(ctx, request) {
      const holder = kind === 'user' ? requireUser(ctx, holderName(kind, request)) : requireRole(ctx, holderName(kind, request));
      // Removing a key the entity does not carry is not an error.
      holder.tags = removeTags(holder.tags, request.tagKeys);
      return {};
    },
  };
}
