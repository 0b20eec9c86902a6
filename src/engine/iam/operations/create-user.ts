import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { userOutput } from '../describe.ts';
import { iamErrors } from '../errors.ts';
import { uniqueId } from '../identity.ts';
import { arnSchema, pathSchema, tagListSchema, userNameSchema } from '../schemas.ts';
import { attachable, callerAccount, findByName, requestTagContext, userArn } from '../store.ts';
import { assertTags } from '../tags.ts';

const input = z.object({
  path: pathSchema.optional(),
  userName: userNameSchema,
  permissionsBoundary: arnSchema.optional(),
  tags: tagListSchema.optional(),
});

/** Creates an IAM user (no credentials: CreateAccessKey gives it keys). Names are unique without regard to case. */
export const createUser: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'CreateUser',
  readOnly: false,
  input,
  resolve(ctx, { path, userName, permissionsBoundary, tags }) {
    const context: Record<string, string | string[]> = requestTagContext(tags);
    if (permissionsBoundary) context['iam:PermissionsBoundary'] = permissionsBoundary;
    return { resourceArn: userArn(ctx.principal.accountId, path ?? '/', userName), resourceAccountId: ctx.principal.accountId, context };
  },
  execute(ctx, request) {
    const account = callerAccount(ctx);
    if (findByName(account.users, request.userName)) throw iamErrors.userExists(request.userName);
    if (request.permissionsBoundary && !attachable(ctx, request.permissionsBoundary)) throw iamErrors.notAttachable(request.permissionsBoundary);
    const tags = assertTags([], request.tags ?? []);
    const path = request.path ?? '/';
    const user = {
      userName: request.userName,
      userId: uniqueId(ctx.rng, 'AIDA'),
      arn: userArn(ctx.principal.accountId, path, request.userName),
      path,
      createDate: ctx.now,
      inlinePolicies: {},
      attachedPolicies: [],
      groups: [],
      ...(request.permissionsBoundary ? { permissionsBoundary: request.permissionsBoundary } : {}),
      tags,
    };
    account.users[request.userName] = user;
    return { user: userOutput(user, true) };
  },
};
