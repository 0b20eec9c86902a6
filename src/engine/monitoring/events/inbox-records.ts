import type { LogEntry, RecordKeeper, World } from '../../kernel/index.ts';
import { eventBridgeEvent, recipientAccounts } from './event-shape.ts';
import { matchesPattern, parseEventPattern, type EventPattern } from './event-pattern.ts';
import { deliver, eventsState, inboxSchema, type Inbox } from './state.ts';

/** Parsed patterns by their text: a rule's pattern is checked by PutRule, then matched against many events. */
const parsedPatterns = new Map<string, EventPattern>();

function patternOf(text: string): EventPattern {
  let pattern = parsedPatterns.get(text);
  if (!pattern) {
    pattern = parseEventPattern(text);
    if (parsedPatterns.size < 1000) parsedPatterns.set(text, pattern);
  }
  return pattern;
}

function titleOf(entry: LogEntry, accountId: string): string {
  if (entry.kind === 'service-event') return `${entry.eventName} (${entry.resources[0]?.arn ?? entry.service})`;
  const who = entry.principal.accountId === accountId ? entry.principal.arn : `${entry.principal.arn} (account ${entry.principal.accountId})`;
  return `${entry.operation} by ${who}${entry.errorCode ? `: ${entry.errorCode}` : ''}`;
}

/**
 * EventBridge's side of the record stream: every entry goes to the default bus of each account whose trail gets it
 * (a cross-account read reaches the secret owner's bus too), and each enabled rule there whose pattern matches
 * delivers it to its targets, which the app shows as its inbox. Read-only calls reach only rules in the state
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, as on AWS.
 */
export const inboxRecordKeeper: RecordKeeper<Inbox> = {
  schema: inboxSchema,
  initial: () => ({ items: [], nextId: 1 }),
  observe(_box, entry, world: World) {
    const allRules = eventsState(world).rules;
    // Most worlds have no rule at all: nothing to build for the entry then.
    let any = false;
    for (const key in allRules) {
      any = key.length > 0;
      break;
    }
    if (!any) return;
    for (const accountId of recipientAccounts(entry)) {
      const rules = allRules[`${accountId}/${entry.region}`];
      if (!rules) continue;
      let event: Record<string, unknown> | undefined;
      for (const rule of Object.values(rules)) {
        if (rule.state === 'DISABLED' || rule.targets.length === 0) continue;
        if (entry.kind === 'call' && entry.readOnly && rule.state !== 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') continue;
        event ??= eventBridgeEvent(entry, accountId);
        if (!matchesPattern(patternOf(rule.eventPattern), event)) continue;
        deliver(world, {
          time: entry.eventTime,
          accountId,
          region: entry.region,
          via: 'rule',
          name: rule.name,
          targets: rule.targets.map((t) => t.arn),
          title: titleOf(entry, accountId),
          event,
        });
      }
    }
  },
};
