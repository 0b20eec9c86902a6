import type { World } from '../kernel/index.ts';
import { iamState } from './identity.ts';

/** Someone the learner can act as in the app: a user, or a role (acted as through a session, as the console does). */
export interface ActingPrincipal {
  arn: string;
  accountId: string;
  kind: 'user' | 'role';
  name: string;
}

/** Every user and role in the world, for the app's "acting as" switcher, accounts in order. */
export function actingPrincipals(world: World): ActingPrincipal[] {
  const state = iamState(world);
  const out: ActingPrincipal[] = [];
  for (const accountId of Object.keys(world.accounts)) {
    const account = state.accounts[accountId];
    if (!account) continue;
    for (const user of Object.values(account.users)) out.push({ arn: user.arn, accountId, kind: 'user', name: user.userName });
    for (const role of Object.values(account.roles)) {
      out.push({ arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/console`, accountId, kind: 'role', name: role.roleName });
    }
  }
  return out;
}
