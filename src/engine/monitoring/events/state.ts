import { z } from 'zod';
import type { World } from '../../kernel/index.ts';

export const EVENTS_SERVICE = 'events';

/**
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS is how a rule on the default bus also receives read-only management
 * events (GetSecretValue, DescribeSecret…): EventBridge delivers only write events from CloudTrail otherwise.
 */
export const RULE_STATES = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'] as const;
export type RuleState = (typeof RULE_STATES)[number];

export const ruleSchema = z.object({
  name: z.string(),
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  eventPattern: z.string(),
  state: z.enum(RULE_STATES),
  description: z.string().optional(),
  targets: z.array(z.object({ id: z.string(), arn: z.string() })),
});
export type EventRule = z.infer<typeof ruleSchema>;

export const eventsStateSchema = z.object({
  /** Keyed `${accountId}/${region}` (the default event bus of that account and region), then rule name. */
  rules: z.record(z.string(), z.record(z.string(), ruleSchema)),
});
export type EventsState = z.infer<typeof eventsStateSchema>;

export function emptyEventsState(): EventsState {
  return { rules: {} };
}

export function eventsState(world: World): EventsState {
  return (world.services[EVENTS_SERVICE] ??= emptyEventsState()) as EventsState;
}

export function regionRules(world: World, accountId: string, region: string): Record<string, EventRule> {
  return (eventsState(world).rules[`${accountId}/${region}`] ??= {});
}

/** The inbox the app shows: what rules and alarm actions delivered, as a notification target would receive it. */
export const inboxItemSchema = z.object({
  id: z.number().int(),
  time: z.number(),
  accountId: z.string(),
  region: z.string(),
  via: z.enum(['rule', 'alarm']),
  /** The rule's or the alarm's name. */
  name: z.string(),
  targets: z.array(z.string()),
  title: z.string(),
  /** The event as EventBridge (or the alarm action) delivers it. */
  event: z.record(z.string(), z.unknown()),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const INBOX_LIMIT = 200;

export const inboxSchema = z.object({ items: z.array(inboxItemSchema), nextId: z.number().int() });
export type Inbox = z.infer<typeof inboxSchema>;

export function inbox(world: World): Inbox {
  return (world.records[EVENTS_SERVICE] ??= { items: [], nextId: 1 }) as Inbox;
}

export function deliver(world: World, item: Omit<InboxItem, 'id'>): void {
  const box = inbox(world);
  box.items.push({ ...item, id: box.nextId++ });
  if (box.items.length > INBOX_LIMIT) box.items.splice(0, box.items.length - INBOX_LIMIT);
}
