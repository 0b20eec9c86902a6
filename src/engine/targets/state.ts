import { z } from 'zod';

/** Engines the rotation templates cover (RDS, Aurora, Redshift, DocumentDB). */
export const DATABASE_ENGINES = ['mysql', 'postgres', 'mariadb', 'oracle', 'sqlserver', 'aurora-mysql', 'aurora-postgresql', 'redshift', 'docdb'] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export const databaseSchema = z.object({
  id: z.string(),
  engine: z.enum(DATABASE_ENGINES),
  host: z.string(),
  port: z.number().int(),
  dbname: z.string(),
  accountId: z.string(),
  region: z.string(),
  masterUsername: z.string(),
  users: z.record(z.string(), z.object({ password: z.string() })),
  /** Logins the database has seen (rotation functions and applications), for the view. */
  logins: z.object({ ok: z.number().int(), failed: z.number().int() }),
});

/** One stretch of virtual time in which an application's connection attempts had one outcome per client. */
export const trafficSegmentSchema = z.object({
  from: z.number(),
  to: z.number(),
  ok: z.number().int(),
  failed: z.number().int(),
  /** The first and last failed connection instants in the stretch, when any failed. */
  firstFailedAt: z.number().optional(),
  lastFailedAt: z.number().optional(),
});

export const clientStateSchema = z.object({
  /** When this client's cache was filled; undefined before its first read. */
  fetchedAt: z.number().optional(),
  cachedVersionId: z.string().optional(),
  cachedUsername: z.string().optional(),
  cachedPassword: z.string().optional(),
});

export const applicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  secretArn: z.string(),
  /** The database it connects to. */
  databaseId: z.string().optional(),
  /** Who the application calls Secrets Manager as (a principal ARN); the account admin when absent. */
  callerArn: z.string().optional(),
  connectionIntervalMs: z.number().int().positive(),
  /** Null: every connection reads the secret (no cache). Otherwise AWS's caching client, default TTL one hour. */
  cacheTtlMs: z.number().int().positive().nullable(),
  refreshOnAuthFailure: z.boolean(),
  clients: z.array(clientStateSchema),
  settledAt: z.number(),
  totals: z.object({ ok: z.number().int(), failed: z.number().int(), reads: z.number().int() }),
  segments: z.array(trafficSegmentSchema),
});

/** One API key a third-party service issued to the account (its value is the secret the rotation keeps). */
export const partnerKeySchema = z.object({
  keyId: z.string(),
  value: z.string(),
  createdAt: z.number(),
  revokedAt: z.number().optional(),
  /** Requests the service accepted with this key. */
  used: z.number().int(),
});

/**
 * A third-party HTTPS API whose keys a custom rotation function rotates (issue 8's lab 08): it accepts a key the
 * client chooses, allows only a few active keys at once (as many providers do), and counts accepted and refused calls.
 */
export const partnerApiSchema = z.object({
  host: z.string(),
  name: z.string(),
  maxActiveKeys: z.number().int().positive(),
  nextKeyNumber: z.number().int(),
  keys: z.array(partnerKeySchema),
  requests: z.object({ ok: z.number().int(), refused: z.number().int() }),
});

export const targetsStateSchema = z.object({
  nextId: z.number().int(),
  databases: z.record(z.string(), databaseSchema),
  applications: z.record(z.string(), applicationSchema),
  /** Third-party APIs by host name; absent in worlds saved before they existed. */
  partnerApis: z.record(z.string(), partnerApiSchema).optional(),
});

export type Database = z.infer<typeof databaseSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type ClientState = z.infer<typeof clientStateSchema>;
export type TrafficSegment = z.infer<typeof trafficSegmentSchema>;
export type TargetsState = z.infer<typeof targetsStateSchema>;
export type PartnerApi = z.infer<typeof partnerApiSchema>;
export type PartnerKey = z.infer<typeof partnerKeySchema>;

export function emptyTargetsState(): TargetsState {
  return { nextId: 1, databases: {}, applications: {} };
}
