import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { requireAccessKey } from '../access-keys.ts';
import { callerUserName } from '../caller.ts';
import { iamState } from '../identity.ts';
import { accessKeyIdSchema, existingUserNameSchema } from '../schemas.ts';
import { userTarget } from '../store.ts';

const input = z.object({ userName: existingUserNameSchema.optional(), accessKeyId: accessKeyIdSchema });

/** Deletes an access key at once: requests signed with it are refused from then on (InvalidClientTokenId). */
export const deleteAccessKey: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'DeleteAccessKey',
  readOnly: false,
  input,
  resolve: (ctx, { userName }) => userTarget(ctx, userName ?? callerUserName(ctx)),
  execute(ctx, { userName, accessKeyId }) {
    const key = requireAccessKey(ctx, userName ?? callerUserName(ctx), accessKeyId);
    delete iamState(ctx.world).accessKeys[key.accessKeyId];
    return {};
  },
};
