import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { roleOutput } from '../describe.ts';
import { assertTrustPolicy } from '../documents.ts';
import { iamErrors } from '../errors.ts';
import { uniqueId } from '../identity.ts';
import {
  arnSchema,
  maxSessionDurationSchema,
  pathSchema,
  policyDocumentSchema,
  roleDescriptionSchema,
  roleNameSchema,
  tagListSchema,
} from '../schemas.ts';
import { attachable, callerAccount, findByName, requestTagContext, roleArn } from '../store.ts';
import { assertTags } from '../tags.ts';

const input = z.object({
  path: pathSchema.optional(),
  roleName: roleNameSchema,
  assumeRolePolicyDocument: policyDocumentSchema,
  description: roleDescriptionSchema.optional(),
  maxSessionDuration: maxSessionDurationSchema.optional(),
  permissionsBoundary: arnSchema.optional(),
  tags: tagListSchema.optional(),
});

/**
 * Creates a role. Its trust policy (AssumeRolePolicyDocument) says who may assume it; its permissions come from
 * the policies put or attached later. MaxSessionDuration (1 to 12 hours, default 1) caps AssumeRole's
 * DurationSeconds.
 */
export const createRole: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'CreateRole',
  readOnly: false,
  input,
  resolve(ctx, { path, roleName, permissionsBoundary, tags }) {
    const context: Record<string, string | string[]> = requestTagContext(tags);
    if (permissionsBoundary) context['iam:PermissionsBoundary'] = permissionsBoundary;
    return { resourceArn: roleArn(ctx.principal.accountId, path ?? '/', roleName), resourceAccountId: ctx.principal.accountId, context };
  },
  execute(ctx, request) {
    const account = callerAccount(ctx);
    if (findByName(account.roles, request.roleName)) throw iamErrors.roleExists(request.roleName);
    assertTrustPolicy(ctx.world, request.assumeRolePolicyDocument);
    if (request.permissionsBoundary && !attachable(ctx, request.permissionsBoundary)) throw iamErrors.notAttachable(request.permissionsBoundary);
    const tags = assertTags([], request.tags ?? []);
    const path = request.path ?? '/';
    const role = {
      roleName: request.roleName,
      roleId: uniqueId(ctx.rng, 'AROA'),
      arn: roleArn(ctx.principal.accountId, path, request.roleName),
      path,
      createDate: ctx.now,
      assumeRolePolicyDocument: request.assumeRolePolicyDocument,
      ...(request.description !== undefined ? { description: request.description } : {}),
      maxSessionDuration: request.maxSessionDuration ?? 3600,
      inlinePolicies: {},
      attachedPolicies: [],
      ...(request.permissionsBoundary ? { permissionsBoundary: request.permissionsBoundary } : {}),
      tags,
    };
    account.roles[request.roleName] = role;
    return { role: roleOutput(role, 'create') };
  },
};
