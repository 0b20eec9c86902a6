import type { NamedPolicy, OrganizationLevel, ParsedPolicy, ParsedStatement } from './policy/index.ts';
import { variablesEnabled } from './policy/index.ts';
import { compiledStatement } from './policy/compiled-statement.ts';

/**
 * Which request context keys a set of policies can read. A policy's evaluation reads the context only through its
 * condition clauses (each names one key) and through policy variables (`${...}` in a condition value or a Resource
 * entry, which may name any key). So two requests that differ only in the values of keys no policy of the set names
 * get the same evaluation, trace included, and a decision kept for one is the decision for the other.
 *
 * The decision memo uses this to leave such values out of its key: Secrets Manager's reads and writes carry
 * kms:EncryptionContext:SecretVersionId, new with every version, which the default key policy never reads; keyed by
 * it, every rotation's KMS steps were new requests and each was evaluated (and its trace kept) afresh.
 */

/** Lower-cased key names, or 'any' when a variable may name any key. */
export type KeysRead = ReadonlySet<string> | 'any';

const NONE: KeysRead = new Set<string>();
const byPolicy = new WeakMap<ParsedPolicy, KeysRead>();

/** The keys one policy can read (worked out once per parsed policy, with the evaluator's own compiled forms). */
export function keysReadBy(policy: ParsedPolicy): KeysRead {
  let known = byPolicy.get(policy);
  if (known === undefined) {
    known = computeKeys(policy.statements, variablesEnabled(policy));
    byPolicy.set(policy, known);
  }
  return known;
}

function computeKeys(statements: readonly ParsedStatement[], variables: boolean): KeysRead {
  const keys = new Set<string>();
  for (const statement of statements) {
    const compiled = compiledStatement(statement, variables);
    // A Resource entry with a variable is matched per request (compiled as undefined), and so is a clause that is not fixed.
    if (compiled.resources.some((matcher) => matcher === undefined)) return 'any';
    for (const clause of compiled.conditions) {
      if (!clause.fixed) return 'any';
      keys.add(clause.keyLower);
    }
  }
  return keys.size === 0 ? NONE : keys;
}

/** The union of what several policies read. */
export function keysReadByAll(policies: Iterable<NamedPolicy | null | undefined>): KeysRead {
  let union: Set<string> | undefined;
  for (const named of policies) {
    if (!named) continue;
    const keys = keysReadBy(named.policy);
    if (keys === 'any') return 'any';
    if (keys.size === 0) continue;
    union ??= new Set();
    for (const key of keys) union.add(key);
  }
  return union ?? NONE;
}

/** Every policy of some organization levels (SCPs or RCPs). */
export function policiesOfLevels(levels: readonly OrganizationLevel[]): NamedPolicy[] {
  return levels.flatMap((level) => level.policies);
}

/** What the policies that bear on one request read: the caller's side, the resource account's RCPs, the resource's policy. */
export interface RequestKeysRead {
  caller: KeysRead;
  account: KeysRead;
  resource: KeysRead;
}

const LOWER_LIMIT = 1_000;
const lowerNames = new Map<string, string>();

/** Whether a context key is read by any policy of the request. Key names are few, so their lower-case forms are kept. */
export function isRead(key: string, read: RequestKeysRead): boolean {
  let lower = lowerNames.get(key);
  if (lower === undefined) {
    lower = key.toLowerCase();
    if (lowerNames.size < LOWER_LIMIT) lowerNames.set(key, lower);
  }
  const { caller, account, resource } = read;
  return caller === 'any' || account === 'any' || resource === 'any' || caller.has(lower) || account.has(lower) || resource.has(lower);
}
