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

export const targetsStateSchema = z.object({
  nextId: z.number().int(),
  databases: z.record(z.string(), databaseSchema),
  applications: z.record(z.string(), applicationSchema),
});

export type Database = z.infer<typeof databaseSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type ClientState = z.infer<typeof clientStateSchema>;
export type TrafficSegment = z.infer<typeof trafficSegmentSchema>;
export type TargetsState = z.infer<typeof targetsStateSchema>;

export function emptyTargetsState(): TargetsState {
  return { nextId: 1, databases: {}, applications: {} };
}
