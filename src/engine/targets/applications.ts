import type { Application, Database, TrafficSegment } from './state.ts';
import { canLogin } from './databases.ts';

/** The credentials a read of the secret returns (AWSCURRENT), parsed from its JSON. */
export interface ReadCredentials {
  versionId: string;
  username: string | undefined;
  password: string | undefined;
}

/** AWS's caching client for Secrets Manager keeps a value for one hour by default. */
export const DEFAULT_CACHE_TTL_MS = 60 * 60 * 1000;
const MAX_SEGMENTS = 400;

/** Connection instants of one client: phase + k * interval, k >= 1. How many fall in (from, to]. */
function countIn(from: number, to: number, phase: number, interval: number): number {
  if (to <= from) return 0;
  const upTo = (x: number) => Math.max(0, Math.floor((x - phase) / interval));
  return upTo(to) - upTo(from);
}

/** The first connection instant strictly after `after` (and at or after `notBefore`). */
function firstInstant(after: number, notBefore: number, phase: number, interval: number): number {
  const bound = Math.max(after + 1, notBefore);
  const k = Math.max(1, Math.ceil((bound - phase) / interval));
  return phase + k * interval;
}

/**
 * Plays an application's traffic from its last settlement up to `until`, during which neither the secret's current
 * value nor the database's passwords changed (the engine settles before every change it makes). Each client opens a
 * connection every interval, staggered; without a cache every connection reads the secret; with the caching client
 * a read happens on the first connection after the TTL ran out (and, with refreshOnAuthFailure, after a failed
 * login). Outcomes are counted exactly without stepping through every connection. `readCurrent` makes the read the
 * engine bills; it is asked at most once.
 */
export function settleApplication(
  app: Application,
  db: Database | undefined,
  until: number,
  readCurrent: () => ReadCredentials | undefined,
): { reads: number } {
  const from = app.settledAt;
  if (until <= from) return { reads: 0 };
  let current: ReadCredentials | undefined | null = null;
  const fresh = () => (current === null ? (current = readCurrent()) : current);
  const works = (username: string | undefined, password: string | undefined) => db !== undefined && canLogin(db, username, password);
  let ok = 0;
  let failed = 0;
  let reads = 0;
  let firstFailedAt = Infinity;
  let lastFailedAt = -Infinity;
  const lastInstant = (x: number, phase: number) => phase + Math.floor((x - phase) / interval) * interval;
  const failing = (n: number, first: number, last: number) => {
    if (n <= 0) return;
    failed += n;
    firstFailedAt = Math.min(firstFailedAt, first);
    lastFailedAt = Math.max(lastFailedAt, last);
  };
  const interval = app.connectionIntervalMs;
  app.clients.forEach((client, i) => {
    const phase = Math.floor((i * interval) / app.clients.length);
    const connections = countIn(from, until, phase, interval);
    if (connections === 0) return;
    if (app.cacheTtlMs === null) {
      reads += connections;
      const value = fresh();
      if (value && works(value.username, value.password)) ok += connections;
      else failing(connections, firstInstant(from, -Infinity, phase, interval), lastInstant(until, phase));
      return;
    }
    const cachedWorks = client.fetchedAt !== undefined && works(client.cachedUsername, client.cachedPassword);
    const expiry = client.fetchedAt === undefined ? -Infinity : client.fetchedAt + app.cacheTtlMs;
    // With refresh-on-failure, the first failing connection refreshes at once instead of waiting for the TTL.
    const refreshAt = firstInstant(from, !cachedWorks && app.refreshOnAuthFailure ? -Infinity : expiry, phase, interval);
    const before = refreshAt > until ? connections : countIn(from, refreshAt - 1, phase, interval);
    if (cachedWorks) ok += before;
    else failing(before, firstInstant(from, -Infinity, phase, interval), lastInstant(Math.min(until, refreshAt - 1), phase));
    if (refreshAt > until) return;
    const value = fresh();
    const period = Math.ceil(app.cacheTtlMs / interval) * interval;
    const refreshes = 1 + Math.floor((until - refreshAt) / period);
    reads += refreshes;
    const after = connections - before;
    if (value && works(value.username, value.password)) ok += after;
    else failing(after, refreshAt, lastInstant(until, phase));
    client.fetchedAt = refreshAt + (refreshes - 1) * period;
    if (value) {
      client.cachedVersionId = value.versionId;
      client.cachedUsername = value.username;
      client.cachedPassword = value.password;
    }
  });
  if (db) {
    db.logins.ok += ok;
    db.logins.failed += failed;
  }
  app.totals.ok += ok;
  app.totals.failed += failed;
  app.totals.reads += reads;
  appendSegment(app.segments, { from, to: until, ok, failed, ...(failed > 0 ? { firstFailedAt, lastFailedAt } : {}) });
  app.settledAt = until;
  return { reads };
}

function appendSegment(segments: TrafficSegment[], segment: TrafficSegment): void {
  const last = segments[segments.length - 1];
  // Quiet stretches merge, so a year of healthy traffic stays a handful of segments.
  if (last && last.failed === 0 && segment.failed === 0 && last.to === segment.from) {
    last.to = segment.to;
    last.ok += segment.ok;
    return;
  }
  segments.push(segment);
  if (segments.length > MAX_SEGMENTS) segments.splice(0, segments.length - MAX_SEGMENTS);
}
