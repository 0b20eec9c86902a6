import { z } from 'zod';
import type { ServiceModule } from './operation.ts';
import { WORLD_SCHEMA_VERSION, type World } from './world.ts';
import { sortSchedule } from '../clock/index.ts';

/** A snapshot that cannot be loaded: wrong shape, a future version, or not JSON at all. */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const jsonRecord = z.record(z.string(), z.unknown());

const principalSchema = z.object({
  type: z.enum(['Root', 'IAMUser', 'AssumedRole', 'AWSService']),
  arn: z.string(),
  accountId: z.string(),
  principalId: z.string(),
  accessKeyId: z.string().optional(),
  userName: z.string().optional(),
  roleArn: z.string().optional(),
  sessionName: z.string().optional(),
  serviceName: z.string().optional(),
});

const resourceRef = z.object({ arn: z.string(), accountId: z.string() });

const callEntry = z.object({
  kind: z.literal('call'),
  sequence: z.number(),
  requestId: z.string(),
  eventTime: z.number(),
  service: z.string(),
  operation: z.string(),
  region: z.string(),
  principal: principalSchema,
  invokedBy: z.string().optional(),
  requestParameters: jsonRecord.nullable(),
  responseElements: jsonRecord.nullable(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  readOnly: z.boolean(),
  resources: z.array(resourceRef),
  sourceIpAddress: z.string(),
  userAgent: z.string(),
});

const serviceEventEntry = z.object({
  kind: z.literal('service-event'),
  sequence: z.number(),
  eventTime: z.number(),
  service: z.string(),
  eventName: z.string(),
  region: z.string(),
  accountId: z.string(),
  resources: z.array(resourceRef),
  details: jsonRecord,
});

function worldSchema(services: readonly ServiceModule[]) {
  return z.object({
    schemaVersion: z.literal(WORLD_SCHEMA_VERSION),
    seed: z.string(),
    rng: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    clock: z.object({ now: z.number() }),
    schedule: z.object({
      nextTaskId: z.number().int(),
      tasks: z.array(
        z.object({ id: z.number().int(), at: z.number(), kind: z.string(), payload: jsonRecord, description: z.string() }),
      ),
    }),
    defaultAccountId: z.string().regex(/^\d{12}$/),
    defaultRegion: z.string(),
    regions: z.array(z.string()),
    accounts: z.record(z.string(), z.object({ id: z.string().regex(/^\d{12}$/), name: z.string() })),
    services: z.object(Object.fromEntries(services.map((m) => [m.name, m.stateSchema]))),
    log: z.object({
      entries: z.array(z.discriminatedUnion('kind', [callEntry, serviceEventEntry])),
      limit: z.number().int().positive(),
      nextSequence: z.number().int(),
    }),
    usage: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number()))),
    records: z.object(Object.fromEntries(services.filter((m) => m.records).map((m) => [m.name, m.records!.schema]))),
  });
}

/**
 * Migrations, each from version N to N+1. A snapshot from a newer SecretsLab is refused rather than half-read.
 */
export const migrations: Record<number, (snapshot: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 keeps derived bookkeeping (the audit trail, metrics) in `records`; a version 1 world had none, and
  // its history starts empty rather than being rebuilt from a log that may already have been trimmed.
  1: (snapshot) => ({ ...snapshot, schemaVersion: 2, records: {} }),
};

/**
 * A service or record keeper added after the snapshot was saved starts empty, as it would in a new world: an
 * upgrade adds a slice, it never invalidates the learner's saved work.
 */
function fillNewSlices(snapshot: Record<string, unknown>, services: readonly ServiceModule[]): void {
  const slices = snapshot.services;
  if (slices && typeof slices === 'object' && !Array.isArray(slices)) {
    for (const module of services) (slices as Record<string, unknown>)[module.name] ??= module.initialState();
  }
  const records = snapshot.records;
  if (records && typeof records === 'object' && !Array.isArray(records)) {
    for (const module of services) if (module.records) (records as Record<string, unknown>)[module.name] ??= module.records.initial();
  }
}

export function migrate(snapshot: Record<string, unknown>): Record<string, unknown> {
  let current = snapshot;
  for (;;) {
    const version = current.schemaVersion;
    if (typeof version !== 'number') throw new SnapshotError('The snapshot has no schemaVersion.');
    if (version === WORLD_SCHEMA_VERSION) return current;
    if (version > WORLD_SCHEMA_VERSION) {
      throw new SnapshotError(
        `The snapshot is from a newer SecretsLab (schema version ${version}; this one reads up to ${WORLD_SCHEMA_VERSION}).`,
      );
    }
    const step = migrations[version];
    if (!step) throw new SnapshotError(`No migration from schema version ${version}.`);
    current = step(current);
  }
}

export function parseWorld(snapshot: unknown, services: readonly ServiceModule[]): World {
  let value = snapshot;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new SnapshotError(`The snapshot is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SnapshotError('The snapshot is not a JSON object.');
  }
  // Work on a copy: a loaded world must never share objects with the caller's snapshot.
  const migrated = migrate(JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
  fillNewSlices(migrated, services);
  const parsed = worldSchema(services).safeParse(migrated);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SnapshotError(`The snapshot does not match the world schema: ${issues[0]}`, issues);
  }
  // Zod only validates: the world is the snapshot itself (already a private copy), so key order and every value
  // survive a round trip byte for byte. The scheduler inserts into an ordered schedule, so a hand-written snapshot's
  // tasks are put in order (a saved one already is: sorting it changes nothing).
  const world = migrated as unknown as World;
  sortSchedule(world.schedule);
  return world;
}
