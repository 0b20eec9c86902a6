import type { IdentityResolver, Principal, World } from '../kernel/index.ts';
import { accessKeyId as newAccessKeyId, randomString, type Rng } from '../ids/index.ts';
import type { IamState, IamUser } from './identity-state.ts';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function iamState(world: World): IamState {
  return world.services.iam as IamState;
}

function userPrincipal(user: IamUser, accountId: string, accessKeyId?: string): Principal {
  return {
    type: 'IAMUser',
    arn: user.arn,
    accountId,
    principalId: user.userId,
    userName: user.userName,
    ...(accessKeyId ? { accessKeyId } : {}),
  };
}

function rootPrincipal(accountId: string): Principal {
  return { type: 'Root', arn: `arn:aws:iam::${accountId}:root`, accountId, principalId: accountId };
}

export const identityResolver: IdentityResolver = {
  byAccessKey(world, accessKeyId) {
    const state = iamState(world);
    const key = state.accessKeys[accessKeyId];
    if (!key || key.status !== 'Active') return undefined;
    const user = state.accounts[key.accountId]?.users[key.userName];
    return user ? userPrincipal(user, key.accountId, accessKeyId) : undefined;
  },
  byArn(world, principalArn) {
    const match = /^arn:aws:iam::(\d{12}):(root|user\/(?:.*\/)?([\w+=,.@-]+))$/.exec(principalArn);
    if (!match) return undefined;
    const accountId = match[1]!;
    const account = iamState(world).accounts[accountId];
    if (!account) return undefined;
    if (match[2] === 'root') return rootPrincipal(accountId);
    const user = account.users[match[3]!];
    return user && user.arn === principalArn ? userPrincipal(user, accountId) : undefined;
  },
  secretAccessKey(world, accessKeyId) {
    const key = iamState(world).accessKeys[accessKeyId];
    return key?.status === 'Active' ? key.secretAccessKey : undefined;
  },
  defaultPrincipal(world, accountId) {
    const account = iamState(world).accounts[accountId];
    const admin = account?.users[account.adminUserName];
    if (!admin) throw new Error(`Account ${accountId} has no admin user`);
    return userPrincipal(admin, accountId);
  },
};

/**
 * Every account starts with an `admin` user and one access key. The default account's key pair is `test` /
 * `test`, so habits from other local AWS emulators carry over; other accounts get seeded keys.
 */
export function bootstrapIdentities(world: World, rng: Rng): void {
  const state = iamState(world);
  for (const accountId of Object.keys(world.accounts)) addAccountIdentities(state, accountId, world.clock.now, rng, accountId === world.defaultAccountId);
}

export function addAccountIdentities(state: IamState, accountId: string, now: number, rng: Rng, isDefault: boolean): void {
  const userName = 'admin';
  state.accounts[accountId] = {
    adminUserName: userName,
    users: {
      [userName]: {
        userName,
        userId: `AIDA${randomString(rng, ID_ALPHABET, 17)}`,
        arn: `arn:aws:iam::${accountId}:user/${userName}`,
        path: '/',
        createDate: now,
      },
    },
  };
  const keyId = isDefault ? 'test' : newAccessKeyId(rng, 'AKIA');
  state.accessKeys[keyId] = {
    accessKeyId: keyId,
    secretAccessKey: isDefault ? 'test' : randomString(rng, SECRET_ALPHABET, 40),
    accountId,
    userName,
    status: 'Active',
    createDate: now,
  };
}
