import type { IdentityResolver, Principal, World } from '../kernel/index.ts';
import { accessKeyId as newAccessKeyId, randomString, type Rng } from '../ids/index.ts';
import type { IamRole, IamState, IamUser, RoleSession } from './identity-state.ts';

export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
export const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function iamState(world: World): IamState {
  return world.services.iam as IamState;
}

/** IAM unique ids: a four-letter prefix by entity type (AIDA user, AROA role, AGPA group, ANPA policy). */
export function uniqueId(rng: Rng, prefix: 'AIDA' | 'AROA' | 'AGPA' | 'ANPA'): string {
  return `${prefix}${randomString(rng, ID_ALPHABET, 17)}`;
}

export function userPrincipal(user: IamUser, accountId: string, accessKeyId?: string): Principal {
  return {
    type: 'IAMUser',
    arn: user.arn,
    accountId,
    principalId: user.userId,
    userName: user.userName,
    ...(accessKeyId ? { accessKeyId } : {}),
  };
}

export function rootPrincipal(accountId: string): Principal {
  return { type: 'Root', arn: `arn:aws:iam::${accountId}:root`, accountId, principalId: accountId };
}

export function sessionPrincipal(session: RoleSession): Principal {
  return {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
    accountId: session.accountId,
    principalId: `${session.roleId}:${session.sessionName}`,
    accessKeyId: session.accessKeyId,
    roleArn: session.roleArn,
    sessionName: session.sessionName,
  };
}

/** A role session as it would look with no credentials, for acting as a role in the app. */
export function roleAsPrincipal(role: IamRole, accountId: string, sessionName: string): Principal {
  return {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${sessionName}`,
    accountId,
    principalId: `${role.roleId}:${sessionName}`,
    roleArn: role.arn,
    sessionName,
  };
}

export const identityResolver: IdentityResolver = {
  byAccessKey(world, accessKeyId) {
    const state = iamState(world);
    const session = state.sessions[accessKeyId];
    if (session) return session.expiration > world.clock.now ? sessionPrincipal(session) : undefined;
    const key = state.accessKeys[accessKeyId];
    if (!key || key.status !== 'Active') return undefined;
    const user = state.accounts[key.accountId]?.users[key.userName];
    return user ? userPrincipal(user, key.accountId, accessKeyId) : undefined;
  },
  isExpired(world, accessKeyId) {
    const session = iamState(world).sessions[accessKeyId];
    return session !== undefined && session.expiration <= world.clock.now;
  },
  byArn(world, principalArn) {
    const state = iamState(world);
    const root = /^arn:aws:iam::(\d{12}):root$/.exec(principalArn);
    if (root) return state.accounts[root[1]!] ? rootPrincipal(root[1]!) : undefined;
    const user = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([\w+=,.@-]+)$/.exec(principalArn);
    if (user) {
      const found = state.accounts[user[1]!]?.users[user[2]!];
      return found && found.arn === principalArn ? userPrincipal(found, user[1]!) : undefined;
    }
    // Acting as a role: the app names the session ARN; the role must exist (no credentials are needed in-page).
    const session = /^arn:aws:sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/.exec(principalArn);
    if (session) {
      const role = state.accounts[session[1]!]?.roles[session[2]!];
      return role ? roleAsPrincipal(role, session[1]!, session[3]!) : undefined;
    }
    return undefined;
  },
  secretAccessKey(world, accessKeyId) {
    const state = iamState(world);
    const session = state.sessions[accessKeyId];
    if (session) return session.secretAccessKey;
    const key = state.accessKeys[accessKeyId];
    return key?.status === 'Active' ? key.secretAccessKey : undefined;
  },
  sessionToken(world, accessKeyId) {
    return iamState(world).sessions[accessKeyId]?.sessionToken;
  },
  defaultPrincipal(world, accountId) {
    const account = iamState(world).accounts[accountId];
    const admin = account?.users[account.adminUserName];
    if (!admin) throw new Error(`Account ${accountId} has no admin user`);
    return userPrincipal(admin, accountId);
  },
};

/**
 * Every account starts with an `admin` user that has AdministratorAccess and one access key. The default account's
 * key pair is `test` / `test`, so habits from other local AWS emulators carry over; other accounts get seeded keys.
 */
export function bootstrapIdentities(world: World, rng: Rng): void {
  const state = iamState(world);
  for (const accountId of Object.keys(world.accounts)) {
    addAccountIdentities(state, accountId, world.clock.now, rng, accountId === world.defaultAccountId);
  }
}

export function addAccountIdentities(state: IamState, accountId: string, now: number, rng: Rng, isDefault: boolean): void {
  const userName = 'admin';
  state.accounts[accountId] = {
    adminUserName: userName,
    users: {
      [userName]: {
        userName,
        userId: uniqueId(rng, 'AIDA'),
        arn: `arn:aws:iam::${accountId}:user/${userName}`,
        path: '/',
        createDate: now,
        inlinePolicies: {},
        attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        groups: [],
        tags: [],
      },
    },
    groups: {},
    roles: {},
    policies: {},
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
