import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { requireAccessKey } from '../access-keys.ts';
import { callerUserName } from '../caller.ts';
import { iamErrors } from '../errors.ts';
import { accessKeyIdSchema, existingUserNameSchema, statusSchema } from '../schemas.ts';
import { userTarget } from '../store.ts';

const input = z.object({ userName: existingUserNameSchema.optional(), accessKeyId: accessKeyIdSchema, status: statusSchema });

/**
 * Makes a key Active or Inactive. An inactive key signs nothing (the request is refused as an unknown key) but can
 * be reactivated, which is how AWS recommends rotating keys: create, switch over, deactivate, then delete.
 */
export const updateAccessKey: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'UpdateAccessKey',
  readOnly: false,
  input,
  resolve: (ctx, { userName }) => userTarget(ctx, userName ?? callerUserName(ctx)),
  execute(ctx, { userName, accessKeyId, status }) {
    const key = requireAccessKey(ctx, userName ?? callerUserName(ctx), accessKeyId);
    // The model's status type also lists Expired, but only Active and Inactive can be set.
    if (status === 'Expired') throw iamErrors.validation(`Invalid status: ${status}. Status must be Active or Inactive.`);
    key.status = status;
    return {};
  },
};
