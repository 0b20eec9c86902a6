/**
 * Does a Principal / NotPrincipal element cover the caller, and how (spec section 2.4 [ELEM Principal])?
 * The *kind* of match matters to the authorizer: in the caller's own account a resource policy naming the
 * user or session grants on its own, naming the role still needs the boundary and session policy, and
 * naming the account grants nothing by itself (spec section 4.3, step 5).
 */
import { arnComponents } from './glob.ts';
import type { PrincipalElement, PrincipalEntry } from './policy-model.ts';
import type { Caller } from './request-context.ts';

export type PrincipalMatchKind =
  | 'direct-user'
  | 'direct-session'
  | 'direct-federated'
  | 'service'
  | 'wildcard'
  | 'role'
  | 'federating-user'
  | 'account';

/** Strongest first: when several entries cover the caller, the strongest kind decides what it grants. */
const KIND_STRENGTH: readonly PrincipalMatchKind[] = [
  'direct-user',
  'direct-session',
  'direct-federated',
  'service',
  'wildcard',
  'role',
  'federating-user',
  'account',
];

const ACCOUNT_ID = /^\d{12}$/;

/** What a principal text names, worked out once per text: the whole account, or a role (account:name). */
interface PrincipalFacts {
  account: string | undefined;
  role: string | undefined;
}

const FACTS_LIMIT = 4_096;
const factsMemo = new Map<string, PrincipalFacts>();

function factsOf(value: string): PrincipalFacts {
  let facts = factsMemo.get(value);
  if (!facts) {
    facts = { account: computeNamedAccount(value), role: computeRoleIdentity(value) };
    if (factsMemo.size >= FACTS_LIMIT) factsMemo.clear();
    factsMemo.set(value, facts);
  }
  return facts;
}

/** The account an AWS principal entry names when it names a whole account (`123456789012` or `…:root`). */
function namedAccount(value: string): string | undefined {
  return factsOf(value).account;
}

function roleIdentity(arn: string): string | undefined {
  return factsOf(arn).role;
}

function computeNamedAccount(value: string): string | undefined {
  if (ACCOUNT_ID.test(value)) return value;
  const parts = arnComponents(value);
  if (parts && parts[2] === 'iam' && parts[5] === 'root') return parts[4];
  return undefined;
}

function computeRoleIdentity(arn: string): string | undefined {
  const parts = arnComponents(arn);
  if (!parts || parts[2] !== 'iam' || !parts[5]?.startsWith('role/')) return undefined;
  // Role names are unique in an account whatever their path, and a session ARN does not carry the path.
  return `${parts[4]}:${parts[5].slice(parts[5].lastIndexOf('/') + 1)}`;
}

export function matchPrincipalEntry(entry: PrincipalEntry, caller: Caller): PrincipalMatchKind | undefined {
  if (entry.type === '*' || (entry.type === 'AWS' && entry.value === '*')) return 'wildcard';
  if (entry.type === 'Service') return caller.kind === 'service' && caller.arn === entry.value ? 'service' : undefined;
  if (entry.type !== 'AWS' || caller.kind === 'service' || caller.kind === 'anonymous') return undefined;
  const account = namedAccount(entry.value);
  if (account !== undefined) return account === caller.account ? 'account' : undefined;
  // ARNs in Principal are compared exactly (the user-name part is case-sensitive) [ELEM Principal].
  if (entry.value === caller.arn) {
    if (caller.kind === 'user') return 'direct-user';
    if (caller.kind === 'assumed-role') return 'direct-session';
    if (caller.kind === 'federated-user') return 'direct-federated';
  }
  if (caller.kind === 'assumed-role' && caller.roleArn) {
    const named = roleIdentity(entry.value);
    if (named !== undefined && named === roleIdentity(caller.roleArn)) return 'role';
  }
  if (caller.kind === 'federated-user' && caller.federatingUserArn === entry.value) return 'federating-user';
  return undefined;
}

export interface PrincipalMatch {
  matched: boolean;
  kind: PrincipalMatchKind | undefined;
  matchedEntry: PrincipalEntry | undefined;
  note: string;
}

/** Principal: the caller is covered by some entry; the strongest kind is reported. */
function matchPrincipal(element: PrincipalElement, caller: Caller): PrincipalMatch {
  let best: { kind: PrincipalMatchKind; entry: PrincipalEntry } | undefined;
  for (const entry of element.entries) {
    const kind = matchPrincipalEntry(entry, caller);
    if (kind && (!best || KIND_STRENGTH.indexOf(kind) < KIND_STRENGTH.indexOf(best.kind))) best = { kind, entry };
  }
  if (!best) return { matched: false, kind: undefined, matchedEntry: undefined, note: 'no Principal entry covers the caller' };
  return { matched: true, kind: best.kind, matchedEntry: best.entry, note: `Principal \`${best.entry.value}\` covers the caller (${best.kind})` };
}

/**
 * The identities AWS checks for a caller, outermost first. A NotPrincipal list exempts the caller only when
 * it lists every one of them: the account, then the user (or role and session) [ELEM NotPrincipal]. Listing
 * only the user still denies it, because AWS may evaluate the account first.
 */
function identityChain(caller: Caller): Array<(entry: PrincipalEntry) => boolean> {
  const isAccount = (entry: PrincipalEntry) => entry.type === 'AWS' && namedAccount(entry.value) === caller.account;
  const isArn = (arn: string | undefined) => (entry: PrincipalEntry) => entry.type === 'AWS' && entry.value === arn;
  switch (caller.kind) {
    case 'root':
      return [isAccount];
    case 'user':
    case 'federated-user':
      return [isAccount, isArn(caller.arn)];
    case 'assumed-role': {
      const role = caller.roleArn ? roleIdentity(caller.roleArn) : undefined;
      const isRole = (entry: PrincipalEntry) => entry.type === 'AWS' && role !== undefined && roleIdentity(entry.value) === role;
      return [isAccount, isRole, isArn(caller.arn)];
    }
    case 'service':
      return [(entry) => entry.type === 'Service' && entry.value === caller.arn];
    case 'anonymous':
      return [() => false];
  }
}

/** NotPrincipal: the statement applies to every caller the list does not fully exempt. */
function matchNotPrincipal(element: PrincipalElement, caller: Caller, effect: 'Allow' | 'Deny', hasBoundary: boolean): PrincipalMatch {
  if (effect === 'Deny' && hasBoundary) {
    // Documented: a principal with a permissions boundary is always denied by Deny + NotPrincipal [ELEM].
    return { matched: true, kind: 'wildcard', matchedEntry: undefined, note: 'Deny with NotPrincipal always applies to a principal that has a permissions boundary' };
  }
  if (element.entries.some((entry) => entry.type === '*' || (entry.type === 'AWS' && entry.value === '*'))) {
    return { matched: false, kind: undefined, matchedEntry: undefined, note: 'NotPrincipal `*` exempts every caller' };
  }
  const exempt = identityChain(caller).every((isListed) => element.entries.some(isListed));
  if (exempt) return { matched: false, kind: undefined, matchedEntry: undefined, note: 'NotPrincipal lists the caller (and every identity AWS checks for it)' };
  return { matched: true, kind: 'wildcard', matchedEntry: undefined, note: 'the caller is not fully listed in NotPrincipal, so the statement applies to it' };
}

export function matchPrincipalElement(
  element: PrincipalElement,
  caller: Caller,
  effect: 'Allow' | 'Deny',
  hasBoundary: boolean,
): PrincipalMatch {
  return element.element === 'Principal' ? matchPrincipal(element, caller) : matchNotPrincipal(element, caller, effect, hasBoundary);
}
