import { z } from 'zod';
import { DAY } from '../clock/index.ts';
import type { LogEntry, RecordKeeper, World } from '../kernel/index.ts';
import { recipientsOf } from './cloudtrail-event.ts';
import { noteSessionStart, type SessionStarts } from './session-starts.ts';

/** CloudTrail's event history keeps 90 days of management events (CloudTrail User Guide, "Event history"). */
export const RETENTION_MS = 90 * DAY;

/**
 * AWS bounds the history by time alone; the simulation also bounds it by count, because the history is part of
 * every snapshot (undo, autosave, export). 5,000 events per account is the kernel's call-log bound: a learner's
 * session stays far below it, a benchmark or a scripted flood does not grow the world without end.
 */
export const EVENTS_PER_ACCOUNT = 5000;

/**
 * Each account's event history, oldest first: the pipeline's own log entries (calls, nested calls, service events),
 * kept as they are and rendered into CloudTrail records when looked up, so recording costs one push per account.
 */
export interface EventHistoryState {
  accounts: Record<string, LogEntry[]>;
  /** When each role session began (absent in histories saved before it was kept). */
  sessionStarts?: SessionStarts;
}

// Entries are the kernel's records; only the fields the history relies on are checked when a snapshot is loaded.
const storedEntry = z.looseObject({
  kind: z.enum(['call', 'service-event']),
  sequence: z.number(),
  eventTime: z.number(),
  service: z.string(),
  region: z.string(),
  resources: z.array(z.object({ arn: z.string(), accountId: z.string() })),
});

export const eventHistorySchema = z.object({
  accounts: z.record(z.string(), z.array(storedEntry)),
  sessionStarts: z.record(z.string(), z.number()).optional(),
});

export function emptyEventHistory(): EventHistoryState {
  return { accounts: {}, sessionStarts: {} };
}

export function eventHistoryOf(world: Readonly<World>): EventHistoryState {
  return (world.records.cloudtrail as EventHistoryState | undefined) ?? emptyEventHistory();
}

function keep(history: LogEntry[], entry: LogEntry): void {
  history.push(entry);
  // Events past the 90 days leave from the front (entries arrive in time order, since virtual time only moves forward).
  let expired = 0;
  const horizon = entry.eventTime - RETENTION_MS;
  while (expired < history.length && history[expired]!.eventTime < horizon) expired++;
  // Trim in batches so a long run costs amortized O(1) per event, as the kernel trims its log.
  const excess = history.length - EVENTS_PER_ACCOUNT;
  if (expired > 0 || excess > EVENTS_PER_ACCOUNT / 4) history.splice(0, Math.max(expired, excess));
}

export const eventHistoryKeeper: RecordKeeper<EventHistoryState> = {
  schema: eventHistorySchema,
  initial: emptyEventHistory,
  observe(state, entry, world) {
    noteSessionStart((state.sessionStarts ??= {}), entry, world);
    // On the hot path of every call: the common case (one account) allocates nothing.
    const own = entry.kind === 'call' ? entry.principal.accountId : entry.accountId;
    keep((state.accounts[own] ??= []), entry);
    const { resources } = entry;
    if (resources.length === 0 || (resources.length === 1 && resources[0]!.accountId === own)) return;
    for (const accountId of recipientsOf(entry)) if (accountId !== own) keep((state.accounts[accountId] ??= []), entry);
  },
};
