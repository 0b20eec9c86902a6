import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { keyMetadata, type KeyMetadata } from '../describe.ts';
import { grantTokensSchema, keyIdSchema } from '../schemas.ts';
import { resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, grantTokens: grantTokensSchema.optional() });

/**
 * Any key state may be described, and any key form (id, ARN, alias, alias ARN) used, including another account's key
 * by ARN. Describing a predefined AWS alias whose key does not exist yet makes KMS create that AWS managed key
 * (DescribeKey API reference), which is how `aws kms describe-key --key-id alias/aws/secretsmanager` shows it.
 */
export const describeKey: OperationDefinition<z.infer<typeof input>, { keyMetadata: KeyMetadata }, KeyTarget> = {
  service: 'kms',
  name: 'DescribeKey',
  readOnly: true,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'any', crossAccount: true }),
  execute: (ctx, _request, target) => ({ keyMetadata: keyMetadata(targetKey(ctx, target)) }),
};
