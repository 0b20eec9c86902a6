import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { policyOutput } from '../describe.ts';
import { assertPolicyDocument } from '../documents.ts';
import { iamErrors } from '../errors.ts';
import { MANAGED_POLICY_SIZE, minifiedLength } from '../holders.ts';
import { uniqueId } from '../identity.ts';
import { policyDescriptionSchema, policyDocumentSchema, policyNameSchema, policyPathSchema, tagListSchema } from '../schemas.ts';
import { callerAccount, policyArn, requestTagContext } from '../store.ts';

const input = z.object({
  policyName: policyNameSchema,
  path: policyPathSchema.optional(),
  policyDocument: policyDocumentSchema,
  description: policyDescriptionSchema.optional(),
  tags: tagListSchema.optional(),
});

/**
 * Creates a customer managed policy with its first version, v1, as the default. Names are unique in the account
 * whatever the path, without regard to case.
 */
export const createPolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'CreatePolicy',
  readOnly: false,
  input,
  resolve: (ctx, { policyName, path, tags }) => ({
    resourceArn: policyArn(ctx.principal.accountId, path ?? '/', policyName),
    resourceAccountId: ctx.principal.accountId,
    context: requestTagContext(tags),
  }),
  execute(ctx, request) {
    const account = callerAccount(ctx);
    const lower = request.policyName.toLowerCase();
    if (Object.values(account.policies).some((p) => p.policyName.toLowerCase() === lower)) throw iamErrors.policyExists(request.policyName);
    assertPolicyDocument(request.policyDocument, 'identity');
    if (minifiedLength(request.policyDocument) > MANAGED_POLICY_SIZE) throw iamErrors.quota('PolicySize', MANAGED_POLICY_SIZE);
    const path = request.path ?? '/';
    const policy = {
      policyName: request.policyName,
      policyId: uniqueId(ctx.rng, 'ANPA'),
      arn: policyArn(ctx.principal.accountId, path, request.policyName),
      path,
      ...(request.description !== undefined ? { description: request.description } : {}),
      createDate: ctx.now,
      updateDate: ctx.now,
      defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', document: request.policyDocument, createDate: ctx.now }],
    };
    account.policies[policy.arn] = policy;
    return { policy: policyOutput(account, policy, false) };
  },
};
