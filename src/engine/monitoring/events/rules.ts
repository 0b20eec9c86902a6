import { z } from 'zod';
import type { OperationContext, ResolvedTarget } from '../../kernel/index.ts';
import { eventsErrors } from './errors.ts';
import { eventsState, type EventRule } from './state.ts';

export const ruleNameSchema = z.string().min(1).max(64).regex(/^[.\-_A-Za-z0-9]+$/);
/** Only the default bus exists in the simulator: the one AWS services send their events to. */
export const eventBusNameSchema = z.string().min(1).max(1600).optional();

export function ruleArn(region: string, accountId: string, name: string): string {
  return `arn:aws:events:${region}:${accountId}:rule/${name}`;
}

export function assertDefaultBus(eventBusName: string | undefined): void {
  if (eventBusName !== undefined && eventBusName !== 'default' && !eventBusName.endsWith(':event-bus/default')) {
    throw eventsErrors.busNotFound(eventBusName);
  }
}

/** The authorization target of an operation on one rule (which may not exist yet, for PutRule). */
export function ruleTarget(ctx: OperationContext, name: string): ResolvedTarget<EventRule | undefined> {
  const accountId = ctx.principal.accountId;
  return {
    resourceArn: ruleArn(ctx.region, accountId, name),
    resourceAccountId: accountId,
    // Looked up without creating the region's table: a refused call must leave the world as it was.
    resource: eventsState(ctx.world).rules[`${accountId}/${ctx.region}`]?.[name],
  };
}

export function requireRule(target: ResolvedTarget<EventRule | undefined>, name: string): EventRule {
  if (!target.resource) throw eventsErrors.ruleNotFound(name);
  return target.resource;
}
