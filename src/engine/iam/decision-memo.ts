import type { AuthorizationDecision, AuthorizationRequest } from '../kernel/index.ts';
import type { ParsedPolicy, PolicySet } from './policy/index.ts';
import { isRead, type RequestKeysRead } from './keys-read.ts';

/**
 * The world authorizer's memo of decisions. A decision depends on the request (every part of it is in the key,
 * context key names and values, the resource or key policy's text) and on the IAM, STS and Organizations state
 * (the authorizer drops the memo when one of those services writes), and on the virtual time only through
 * aws:CurrentTime and aws:EpochTime: a decision whose policies never mention them holds at every instant, so it is
 * kept once; the others are kept per instant. Rotations and applications repeat the same requests at different
 * instants with other services' writes in between, which a memo keyed by instant and dropped on every write missed.
 *
 * A trie over the request's parts: most parts are strings held by the world, whose hashes V8 keeps, so a lookup
 * hashes almost nothing. Two generations: when the newer fills up it becomes the older and a lookup that finds an
 * entry only there copies it forward, so the requests still being repeated survive a turnover.
 */

/** Entries per generation. */
const GENERATION_LIMIT = 20_000;

type Leaf = AuthorizationDecision | Map<number, AuthorizationDecision>;
type Trie = Map<unknown, Trie | Leaf>;
const END = Symbol('decision');

class Generation {
  readonly root: Trie = new Map();
  size = 0;

  leaf(parts: readonly unknown[]): Leaf | undefined {
    let node: Trie | undefined = this.root;
    for (let i = 0; i < parts.length; i++) {
      node = node.get(parts[i]) as Trie | undefined;
      if (node === undefined) return undefined;
    }
    return node.get(END) as Leaf | undefined;
  }

  /** The trie node that holds the leaf of `parts`, made if missing. */
  node(parts: readonly unknown[]): Trie {
    let node: Trie = this.root;
    for (let i = 0; i < parts.length; i++) {
      let next = node.get(parts[i]) as Trie | undefined;
      if (next === undefined) node.set(parts[i], (next = new Map()));
      node = next;
    }
    return node;
  }
}

function decisionAt(leaf: Leaf | undefined, now: number): AuthorizationDecision | undefined {
  return leaf instanceof Map ? leaf.get(now) : leaf;
}

export class DecisionMemo {
  private recent = new Generation();
  private older: Generation | undefined;

  get size(): number {
    return this.recent.size + (this.older?.size ?? 0);
  }

  clear(): void {
    if (this.size === 0) return;
    this.recent = new Generation();
    this.older = undefined;
  }

  get(parts: readonly unknown[], now: number): AuthorizationDecision | undefined {
    const recentLeaf = this.recent.leaf(parts);
    const known = decisionAt(recentLeaf, now);
    if (known !== undefined || this.older === undefined) return known;
    const leaf = this.older.leaf(parts);
    const old = decisionAt(leaf, now);
    if (old !== undefined && recentLeaf === undefined) {
      // Still in use: carried into the newer generation, as it was kept (once, or per instant).
      this.turnOverIfFull();
      this.recent.node(parts).set(END, leaf!);
      this.recent.size++;
    }
    return old;
  }

  set(parts: readonly unknown[], now: number, decision: AuthorizationDecision, timeBound: boolean): void {
    this.turnOverIfFull();
    const node = this.recent.node(parts);
    if (timeBound) {
      let byInstant = node.get(END);
      if (!(byInstant instanceof Map)) node.set(END, (byInstant = new Map()));
      byInstant.set(now, decision);
    } else node.set(END, decision);
    this.recent.size++;
  }

  private turnOverIfFull(): void {
    if (this.recent.size < GENERATION_LIMIT) return;
    this.older = this.recent;
    this.recent = new Generation();
  }
}

/**
 * Everything of a request a decision depends on besides the IAM, STS and Organizations state and the time. With
 * `read`, the context keys no policy of the request reads are left out (see keys-read.ts): their values cannot change
 * the decision or its trace.
 */
export function decisionParts(request: AuthorizationRequest, read?: RequestKeysRead): unknown[] {
  const p = request.principal;
  const parts: unknown[] = [
    p.arn,
    p.accessKeyId,
    request.action,
    request.resourceArn,
    request.resourceAccountId,
    request.region,
    request.viaService,
    request.sourceIp,
    request.resourcePolicy?.type,
    request.resourcePolicy?.document,
  ];
  // Names as well as values: a tag added to a secret adds a key without changing the others.
  const context = request.context;
  for (const name in context) {
    if (read !== undefined && !isRead(name, read)) continue;
    const value = context[name];
    parts.push(name, Array.isArray(value) ? value.join('\u0000') : value);
  }
  return parts;
}

const TIME_KEYS: ReadonlySet<string> = new Set(['aws:currenttime', 'aws:epochtime']);
const mentions = new WeakMap<ParsedPolicy, boolean>();

/**
 * Whether a policy can decide differently at another instant: a condition on aws:CurrentTime or aws:EpochTime, or a
 * policy variable that may name one (any variable whose text says "time", to err on the safe side).
 */
function mentionsTime(policy: ParsedPolicy): boolean {
  let known = mentions.get(policy);
  if (known === undefined) {
    known = false;
    const variableOfTime = (text: string) => text.includes('${') && /time/i.test(text);
    for (const statement of policy.statements) {
      if (statement.resource?.entries.some((entry) => variableOfTime(entry.value))) known = true;
      for (const clause of statement.conditions) {
        if (TIME_KEYS.has(clause.key.toLowerCase()) || clause.values.some((v) => variableOfTime(v.value))) known = true;
      }
    }
    mentions.set(policy, known);
  }
  return known;
}

/** Whether any policy of the set mentions the time (its decision is then kept per instant). */
export function policiesMentionTime(policies: PolicySet): boolean {
  for (const named of policies.identity ?? []) if (mentionsTime(named.policy)) return true;
  for (const named of policies.session ?? []) if (mentionsTime(named.policy)) return true;
  for (const named of [policies.boundary, policies.resource, policies.keyPolicy, policies.trustPolicy]) {
    if (named && mentionsTime(named.policy)) return true;
  }
  for (const level of [...(policies.scp ?? []), ...(policies.rcp ?? [])]) {
    for (const named of level.policies) if (mentionsTime(named.policy)) return true;
  }
  return false;
}
