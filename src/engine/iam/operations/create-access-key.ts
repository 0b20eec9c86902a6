import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { accessKeyId, randomString } from '../../ids/index.ts';
import { callerUserName } from '../caller.ts';
import { iamErrors } from '../errors.ts';
import { iamState, SECRET_ALPHABET } from '../identity.ts';
import { existingUserNameSchema, SENSITIVE_MEMBERS } from '../schemas.ts';
import { requireUser, userTarget } from '../store.ts';

const input = z.object({ userName: existingUserNameSchema.optional() });

/** A user may hold two access keys at once, active or not (IAM quota AccessKeysPerUser), so keys can be rotated. */
const KEYS_PER_USER = 2;

/**
 * Creates a long-term access key (AKIA...) for a user, or for the calling user when UserName is left out. The
 * secret is returned once, here, and never again (it is sensitive: it never reaches the log).
 */
export const createAccessKey: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'CreateAccessKey',
  readOnly: false,
  input,
  sensitive: SENSITIVE_MEMBERS,
  resolve: (ctx, { userName }) => userTarget(ctx, userName ?? callerUserName(ctx)),
  execute(ctx, { userName }) {
    const user = requireUser(ctx, userName ?? callerUserName(ctx));
    const state = iamState(ctx.world);
    const owned = Object.values(state.accessKeys).filter((k) => k.accountId === ctx.principal.accountId && k.userName === user.userName);
    if (owned.length >= KEYS_PER_USER) throw iamErrors.quota('AccessKeysPerUser', KEYS_PER_USER);
    const key = {
      accessKeyId: accessKeyId(ctx.rng, 'AKIA'),
      secretAccessKey: randomString(ctx.rng, SECRET_ALPHABET, 40),
      accountId: ctx.principal.accountId,
      userName: user.userName,
      status: 'Active' as const,
      createDate: ctx.now,
    };
    state.accessKeys[key.accessKeyId] = key;
    return {
      accessKey: { userName: key.userName, accessKeyId: key.accessKeyId, status: key.status, secretAccessKey: key.secretAccessKey, createDate: key.createDate },
    };
  },
};
