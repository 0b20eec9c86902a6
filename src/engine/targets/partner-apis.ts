import type { World } from '../kernel/index.ts';
import { targetsState } from './databases.ts';
import type { PartnerApi, PartnerKey } from './state.ts';

/** The actions a third-party API offers its clients; each is authenticated with one of the account's active keys. */
export const PARTNER_ACTIONS = ['whoAmI', 'listKeys', 'addKey', 'revokeKey'] as const;
export type PartnerAction = (typeof PARTNER_ACTIONS)[number];

export type PartnerResult = { ok: true; output: Record<string, unknown> } | { ok: false; error: { code: string; message: string; status: number } };

/** Keys shorter than this are refused, as providers refuse weak keys. */
export const MIN_KEY_LENGTH = 24;

export interface NewPartnerApi {
  host: string;
  name: string;
  /** The key the account holds today. */
  initialKey: string;
  maxActiveKeys?: number;
}

export function partnerApis(world: World): Record<string, PartnerApi> {
  return (targetsState(world).partnerApis ??= {});
}

export function addPartnerApi(world: World, spec: NewPartnerApi, at: number): PartnerApi {
  if (!/^[a-z0-9.-]+$/.test(spec.host)) throw new Error(`Not a host name: ${spec.host}`);
  const api: PartnerApi = {
    host: spec.host,
    name: spec.name,
    maxActiveKeys: spec.maxActiveKeys ?? 2,
    nextKeyNumber: 2,
    keys: [{ keyId: 'key-1', value: spec.initialKey, createdAt: at, used: 0 }],
    requests: { ok: 0, refused: 0 },
  };
  partnerApis(world)[spec.host] = api;
  return api;
}

export function activeKeys(api: PartnerApi): PartnerKey[] {
  return api.keys.filter((key) => key.revokedAt === undefined);
}

/** Whether the service accepts this key now (an application's or a test's call, counted). */
export function partnerAccepts(api: PartnerApi, value: string | undefined): boolean {
  const key = activeKeys(api).find((k) => k.value === value);
  if (key) {
    key.used++;
    api.requests.ok++;
  } else {
    api.requests.refused++;
  }
  return key !== undefined;
}

function refuse(api: PartnerApi, code: string, message: string, status: number): PartnerResult {
  if (status === 401) api.requests.refused++;
  return { ok: false, error: { code, message, status } };
}

function shown(key: PartnerKey): Record<string, unknown> {
  // Like most providers, the list shows a key's id and last characters, never the key.
  return { keyId: key.keyId, last4: key.value.slice(-4), createdAt: new Date(key.createdAt).toISOString() };
}

/**
 * One request to a third-party API, made by a rotation function (or the learner) with `apiKey` as its credential.
 * `addKey` registers a key the client chose (idempotent for a key already active), `revokeKey` retires one by id or
 * value, `listKeys` and `whoAmI` read. The limit on active keys is why a rotation must retire the key before last.
 */
export function callPartnerApi(world: World, host: string, action: string, input: Record<string, unknown>, at: number): PartnerResult {
  const api = partnerApis(world)[host];
  if (!api) return { ok: false, error: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${host}`, status: 0 } };
  if (!(PARTNER_ACTIONS as readonly string[]).includes(action)) return refuse(api, 'NotFound', `${api.name} has no action ${action}`, 404);
  const apiKey = typeof input.apiKey === 'string' ? input.apiKey : undefined;
  const caller = activeKeys(api).find((k) => k.value === apiKey);
  if (!caller) return refuse(api, 'Unauthorized', apiKey ? 'The API key is not valid or has been revoked.' : 'Missing apiKey.', 401);
  caller.used++;
  api.requests.ok++;
  if (action === 'whoAmI') return { ok: true, output: { keyId: caller.keyId, service: api.name } };
  if (action === 'listKeys') return { ok: true, output: { keys: activeKeys(api).map(shown) } };
  if (action === 'addKey') {
    const value = input.newKey;
    if (typeof value !== 'string' || value.length < MIN_KEY_LENGTH) {
      return refuse(api, 'InvalidKey', `newKey must be a string of at least ${MIN_KEY_LENGTH} characters.`, 400);
    }
    const existing = activeKeys(api).find((k) => k.value === value);
    if (existing) return { ok: true, output: { keyId: existing.keyId, created: false } };
    if (activeKeys(api).length >= api.maxActiveKeys) {
      return refuse(api, 'KeyLimitExceeded', `An account may hold at most ${api.maxActiveKeys} active keys: revoke one first.`, 409);
    }
    const key: PartnerKey = { keyId: `key-${api.nextKeyNumber++}`, value, createdAt: at, used: 0 };
    api.keys.push(key);
    return { ok: true, output: { keyId: key.keyId, created: true } };
  }
  const target = activeKeys(api).find((k) => k.keyId === input.keyId || (typeof input.key === 'string' && k.value === input.key));
  if (!target) return refuse(api, 'KeyNotFound', 'No active key matches keyId or key.', 404);
  if (target === caller) return refuse(api, 'InvalidRequest', 'A key cannot revoke itself: authenticate with another active key.', 400);
  target.revokedAt = at;
  return { ok: true, output: { keyId: target.keyId, revoked: true } };
}
