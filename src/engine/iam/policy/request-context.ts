/**
 * What a request looks like to the policy language (spec section 1): who calls, what action, on which
 * resource, and the context keys. Plain data; the simulator builds it, tests write it by hand.
 */
import { arnComponents } from './glob.ts';

export type ContextValue = string | readonly string[];

/** The kinds of caller the decision procedure distinguishes (spec section 1.1). */
export type CallerKind = 'root' | 'user' | 'assumed-role' | 'federated-user' | 'service' | 'anonymous';

export interface Caller {
  kind: CallerKind;
  /** The caller's ARN (for a service principal: its name, e.g. `lambda.amazonaws.com`). */
  arn: string;
  /** The caller's account; undefined for services and anonymous callers. */
  account: string | undefined;
  /** For a role session: the role's ARN (`aws:PrincipalArn` is this, not the session ARN [GKEYS]). */
  roleArn?: string;
  /** For a federated-user session: the IAM user that called GetFederationToken [SESS]. */
  federatingUserArn?: string;
}

export interface CallerOverrides {
  roleArn?: string;
  federatingUserArn?: string;
}

/**
 * Describes a caller from its ARN. A role session ARN carries no role path, so the role ARN is rebuilt
 * without one unless given; principal matching compares roles by account and name, which IAM keeps unique.
 */
export function describeCaller(arn: string, overrides: CallerOverrides = {}): Caller {
  if (arn === '*' || arn === 'anonymous') return { kind: 'anonymous', arn: 'anonymous', account: undefined };
  if (arn.endsWith('.amazonaws.com') && !arn.startsWith('arn:')) return { kind: 'service', arn, account: undefined };
  const parts = arnComponents(arn);
  if (!parts) throw new Error(`not a principal ARN: ${arn}`);
  const [, partition, service, , account, resource = ''] = parts;
  if (service === 'iam' && resource === 'root') return { kind: 'root', arn, account };
  if (service === 'iam' && resource.startsWith('user/')) return { kind: 'user', arn, account };
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const roleName = resource.split('/')[1] ?? '';
    return { kind: 'assumed-role', arn, account, roleArn: overrides.roleArn ?? `arn:${partition}:iam::${account}:role/${roleName}` };
  }
  if (service === 'sts' && resource.startsWith('federated-user/')) {
    const caller: Caller = { kind: 'federated-user', arn, account };
    if (overrides.federatingUserArn) caller.federatingUserArn = overrides.federatingUserArn;
    return caller;
  }
  throw new Error(`not a caller ARN (expected root, user, assumed-role or federated-user): ${arn}`);
}

interface ContextEntry {
  key: string;
  value: ContextValue;
  /** The value as a list, built on first read and kept: conditions read it for every clause naming the key. */
  list: readonly string[] | undefined;
}

const LOWER_MEMO_LIMIT = 1_024;
const lowerMemo = new Map<string, string>();

/**
 * Key names come from a small vocabulary (`aws:SourceIp`, `kms:ViaService`, ...), usually interned literals or JSON
 * property names, so their lower-case forms are remembered: the same string comes back, already hashed for the map.
 */
function lowerCased(key: string): string {
  let lower = lowerMemo.get(key);
  if (lower === undefined) {
    lower = key.toLowerCase();
    if (lowerMemo.size < LOWER_MEMO_LIMIT) lowerMemo.set(key, lower);
  }
  return lower;
}

function listOf(entry: ContextEntry): readonly string[] {
  return entry.list ?? (entry.list = typeof entry.value === 'string' ? [entry.value] : entry.value);
}

const CALLER_MEMO_LIMIT = 4_096;
const callerMemo = new Map<string, Readonly<Caller>>();
const roleSessionMemo = new Map<string, Map<string, Readonly<Caller>>>();

/**
 * `describeCaller` remembered (the same callers call again and again), for a plain ARN or a role session with its
 * role's ARN; the result is frozen, and the same object each time.
 */
export function describeCallerMemo(arn: string, roleArn?: string): Readonly<Caller> {
  if (roleArn) {
    let byRole = roleSessionMemo.get(arn);
    let caller = byRole?.get(roleArn);
    if (!caller) {
      caller = Object.freeze(describeCaller(arn, { roleArn }));
      if (!byRole && roleSessionMemo.size < CALLER_MEMO_LIMIT) roleSessionMemo.set(arn, (byRole = new Map()));
      if (byRole && byRole.size < CALLER_MEMO_LIMIT) byRole.set(roleArn, caller);
    }
    return caller;
  }
  let caller = callerMemo.get(arn);
  if (!caller) {
    caller = Object.freeze(describeCaller(arn));
    if (callerMemo.size < CALLER_MEMO_LIMIT) callerMemo.set(arn, caller);
  }
  return caller;
}

/** A principal key with its lower-cased name, shared by every context of the same caller. */
interface DefaultEntry extends ContextEntry {
  lowerKey: string;
}

/** Context keys with case-insensitive names [ELEM Condition]; values keep their case. */
export class ContextKeys {
  /** The request's own keys by lower-cased name; made on the first key (a request often states none). */
  private values: Map<string, ContextEntry> | undefined;
  /**
   * Principal keys that apply where the request does not state them (`addPrincipalKeys`). Kept aside rather than
   * copied in, so a decision does not rebuild them; read as if they followed the request's own keys.
   */
  private defaults: readonly DefaultEntry[] | undefined;

  constructor(entries: Readonly<Record<string, ContextValue>> = {}) {
    for (const key in entries) {
      if (Object.prototype.hasOwnProperty.call(entries, key)) this.set(key, entries[key] as ContextValue);
    }
  }

  set(key: string, value: ContextValue): void {
    // A key set after the defaults replaces one in place, as when the defaults were copied in.
    if (this.defaults) this.materializeDefaults();
    (this.values ??= new Map()).set(lowerCased(key), { key, value, list: undefined });
  }

  has(key: string): boolean {
    return this.find(key.toLowerCase()) !== undefined;
  }

  /** The values of a key as a list (a single-valued key gives one element), or undefined when absent. */
  get(key: string): readonly string[] | undefined {
    const entry = this.find(key.toLowerCase());
    return entry ? listOf(entry) : undefined;
  }

  /** `get` for a key name already in lower case (compiled conditions keep theirs). */
  getLowerCased(lowerKey: string): readonly string[] | undefined {
    const entry = this.find(lowerKey);
    return entry ? listOf(entry) : undefined;
  }

  /** The value as given (a string or a list), for a key name already in lower case. */
  valueLowerCased(lowerKey: string): ContextValue | undefined {
    return this.find(lowerKey)?.value;
  }

  /** The single value of a key, for policy variables: undefined when absent or multivalued [VARS]. */
  single(key: string): string | undefined {
    const entry = this.find(key.toLowerCase());
    if (!entry) return undefined;
    if (typeof entry.value === 'string') return entry.value;
    return entry.value.length === 1 ? entry.value[0] : undefined;
  }

  entries(): Array<[string, ContextValue]> {
    const result: Array<[string, ContextValue]> = [];
    for (const { key, value } of this.values?.values() ?? []) result.push([key, value]);
    for (const entry of this.defaults ?? []) if (!this.values?.has(entry.lowerKey)) result.push([entry.key, entry.value]);
    return result;
  }

  /** Adds keys that apply only where none of the same name is present now (see `addPrincipalKeys`). */
  addDefaults(defaults: readonly DefaultEntry[]): void {
    if (this.defaults) this.materializeDefaults();
    this.defaults = defaults;
  }

  private find(lowerKey: string): ContextEntry | undefined {
    const entry = this.values?.get(lowerKey);
    if (entry !== undefined || this.defaults === undefined) return entry;
    for (const candidate of this.defaults) if (candidate.lowerKey === lowerKey) return candidate;
    return undefined;
  }

  private materializeDefaults(): void {
    const defaults = this.defaults ?? [];
    this.defaults = undefined;
    const values = (this.values ??= new Map());
    for (const entry of defaults) {
      if (!values.has(entry.lowerKey)) values.set(entry.lowerKey, { key: entry.key, value: entry.value, list: undefined });
    }
  }
}

/** The `aws:PrincipalType` value of a caller [GKEYS]. */
export function principalTypeOf(caller: Caller): string {
  switch (caller.kind) {
    case 'root':
      return 'Account';
    case 'user':
      return 'User';
    case 'assumed-role':
      return 'AssumedRole';
    case 'federated-user':
      return 'FederatedUser';
    case 'service':
      return 'Service';
    case 'anonymous':
      return 'Anonymous';
  }
}

/**
 * Adds the principal keys every request carries (spec section 1.1) unless the input states them already:
 * `aws:PrincipalArn` (the role ARN for a session), `aws:PrincipalAccount`, `aws:PrincipalType`, and
 * `aws:username` for IAM users only.
 */
export function withPrincipalKeys(caller: Caller, context: ContextKeys): ContextKeys {
  return addPrincipalKeys(caller, new ContextKeys(Object.fromEntries(context.entries())));
}

/** `withPrincipalKeys` in place, for a context the caller has just built and owns. */
export function addPrincipalKeys(caller: Caller, context: ContextKeys): ContextKeys {
  context.addDefaults(principalDefaults(caller));
  return context;
}

const defaultsMemo = new WeakMap<Caller, readonly DefaultEntry[]>();

/** The principal keys of a caller, built once per caller object (memoized callers come back as the same object). */
function principalDefaults(caller: Caller): readonly DefaultEntry[] {
  let defaults = defaultsMemo.get(caller);
  if (defaults) return defaults;
  const built: DefaultEntry[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) built.push({ key, lowerKey: key.toLowerCase(), value, list: undefined });
  };
  if (caller.kind !== 'service' && caller.kind !== 'anonymous') {
    add('aws:PrincipalArn', caller.kind === 'assumed-role' ? caller.roleArn : caller.arn);
    add('aws:PrincipalAccount', caller.account);
    add('aws:PrincipalType', principalTypeOf(caller));
  }
  if (caller.kind === 'user') add('aws:username', caller.arn.slice(caller.arn.lastIndexOf('/') + 1));
  if (caller.kind === 'service') add('aws:PrincipalServiceName', caller.arn);
  defaults = Object.freeze(built);
  defaultsMemo.set(caller, defaults);
  return defaults;
}
