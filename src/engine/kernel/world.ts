import type { RngState } from '../ids/index.ts';
import type { ScheduleState } from '../clock/index.ts';
import type { LogState, UsageState } from './records.ts';

export const WORLD_SCHEMA_VERSION = 2;

export const DEFAULT_ACCOUNT_ID = '111122223333';
export const SECOND_ACCOUNT_ID = '444455556666';
export const DEFAULT_REGION = 'us-east-1';
/** 2026-01-01T00:00:00Z: worlds start at a fixed instant so every replay is identical. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 1);

export interface AccountRecord {
  id: string;
  name: string;
}

/**
 * The whole simulated world: plain JSON, so save, load, undo, export and lab set-up are all snapshots.
 * Each service keeps its own slice under `services`, shaped and validated by that service's module.
 */
export interface World {
  schemaVersion: number;
  seed: string;
  rng: RngState;
  clock: { now: number };
  schedule: ScheduleState;
  defaultAccountId: string;
  defaultRegion: string;
  regions: string[];
  accounts: Record<string, AccountRecord>;
  services: Record<string, unknown>;
  log: LogState;
  usage: UsageState;
  /** Each service's bookkeeping derived from the log (see ServiceModule.records), by service name. */
  records: Record<string, unknown>;
}

/** Bookkeeping that moves even when a call is refused (the refusal itself is logged, with a fresh request id). */
export const BOOKKEEPING_KEYS = ['rng', 'log', 'records'] as const;

/** The part of a world that a refused call must leave untouched: everything but the bookkeeping. */
export function resourceState(world: World): Omit<World, (typeof BOOKKEEPING_KEYS)[number]> {
  const { rng: _rng, log: _log, records: _records, ...rest } = world;
  return rest;
}

export const SUPPORTED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'eu-north-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-south-1',
  'sa-east-1',
];
