import type { OperationContext, World } from '../kernel/index.ts';
import type { AdvancedSpan, Parameter } from './state.ts';
import { ssmState } from './store.ts';

/** The meter billing reads for Parameter Store's per-interaction charge on advanced parameters. */
export const ADVANCED_INTERACTIONS_METER = 'ssm:AdvancedParameterInteractions';

/**
 * Advanced parameters' API interactions are billed per 10,000 whatever the throughput setting, standard ones are
 * free at standard throughput (pricing reference §5). One call that touches any advanced parameter is one
 * interaction; the kernel's own per-operation meter counts every call regardless.
 */
export function meterAdvancedInteraction(ctx: OperationContext, parameters: readonly Parameter[]): void {
  if (parameters.some((p) => p.tier === 'Advanced')) ctx.meter(ADVANCED_INTERACTIONS_METER, 1);
}

/** A deleted advanced parameter's billed time, kept for the month's bill (the parameter itself is gone). */
export function closeAdvancedSpan(ctx: OperationContext, parameter: Parameter): void {
  if (parameter.advancedSince === undefined) return;
  const state = ssmState(ctx.world);
  (state.deletedAdvanced ??= []).push({
    arn: parameter.arn,
    accountId: parameter.accountId,
    region: parameter.region,
    from: parameter.advancedSince,
    to: ctx.now,
    ...(parameter.tags ? { tags: parameter.tags } : {}),
  });
}

/**
 * Every stretch of time an account's parameters spent in the Advanced tier, open-ended for those that still exist:
 * what billing prices per parameter-month, prorated by the hour. A world without Parameter Store has none.
 */
export function advancedParameterSpans(world: Pick<World, 'services'>, accountId: string): { arn: string; region: string; from: number; to?: number; tags: Record<string, string> }[] {
  const state = world.services.ssm as ReturnType<typeof ssmState> | undefined;
  if (!state) return [];
  const tagsOf = (tags: Parameter['tags'] | AdvancedSpan['tags']) => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));
  const spans: { arn: string; region: string; from: number; to?: number; tags: Record<string, string> }[] = [];
  for (const span of state.deletedAdvanced ?? []) {
    if (span.accountId === accountId) spans.push({ arn: span.arn, region: span.region, from: span.from, to: span.to, tags: tagsOf(span.tags) });
  }
  for (const [place, region] of Object.entries(state.regions)) {
    if (!place.startsWith(`${accountId}/`)) continue;
    for (const parameter of Object.values(region.parameters)) {
      if (parameter.advancedSince !== undefined) spans.push({ arn: parameter.arn, region: parameter.region, from: parameter.advancedSince, tags: tagsOf(parameter.tags) });
    }
  }
  return spans;
}
