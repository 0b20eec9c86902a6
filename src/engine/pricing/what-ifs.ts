import { formatCount, formatUsd, Money } from './money.ts';
import type { PriceBook } from './price-book.ts';
import { project, type Design, type Projection, type ProjectionLine } from './projection.ts';

/**
 * What-ifs: one change to a design, priced side by side with the design as it is, the difference, and one sentence
 * saying why. Both sides are projected over the same month with the same prices and free-tier setting.
 */

export type WhatIf =
  | { kind: 'consolidate'; secretsPerBundle: number }
  | { kind: 'encryption'; encryption: Design['encryption']; customerManagedKeys?: number }
  | { kind: 'cache-ttl'; seconds: number }
  | { kind: 'rotation'; everyDays: number | null }
  | { kind: 'replicas'; perSecret: number }
  | { kind: 'parameter-store'; tier: 'standard' | 'advanced'; higherThroughput?: boolean }
  | { kind: 'delete-unused'; count: number };

export function applyWhatIf(design: Design, whatIf: WhatIf): Design {
  switch (whatIf.kind) {
    case 'consolidate':
      return { ...design, label: `${whatIf.secretsPerBundle} secrets per JSON secret`, secrets: Math.ceil(design.secrets / Math.max(1, whatIf.secretsPerBundle)) };
    case 'encryption':
      return {
        ...design,
        label: whatIf.encryption === 'aws-managed' ? 'AWS managed key (aws/secretsmanager)' : 'Customer managed key',
        encryption: whatIf.encryption,
        customerManagedKeys: whatIf.encryption === 'aws-managed' ? 0 : (whatIf.customerManagedKeys ?? Math.max(1, design.customerManagedKeys)),
      };
    case 'cache-ttl':
      return { ...design, label: whatIf.seconds > 0 ? `Cache TTL ${whatIf.seconds} s` : 'No cache', traffic: { ...design.traffic, cacheTtlSeconds: whatIf.seconds } };
    case 'rotation':
      return { ...design, label: whatIf.everyDays ? `Rotate every ${whatIf.everyDays} days` : 'No rotation', rotationEveryDays: whatIf.everyDays };
    case 'replicas':
      return { ...design, label: `${whatIf.perSecret} replica${whatIf.perSecret === 1 ? '' : 's'} per secret`, replicasPerSecret: whatIf.perSecret };
    case 'parameter-store':
      return {
        ...design,
        label: `Parameter Store ${whatIf.tier}${whatIf.higherThroughput ? ', higher throughput' : ''}`,
        store: whatIf.tier === 'advanced' ? 'parameter-store-advanced' : 'parameter-store-standard',
        replicasPerSecret: 0,
        rotationEveryDays: null,
        higherThroughput: whatIf.higherThroughput ?? false,
      };
    case 'delete-unused':
      return { ...design, label: `${whatIf.count} unused secrets deleted`, secrets: Math.max(0, design.secrets - whatIf.count) };
  }
}

export interface Comparison {
  base: Projection;
  alternative: Projection;
  /** Alternative minus base, per month, rounded once. */
  delta: Money;
  explanation: string;
  lost: string[];
}

/** Why, in the terms of the change itself; the figures come from the two projections. */
function reason(whatIf: WhatIf, base: Projection, alternative: Projection): string {
  const b = base.months[0]!;
  const a = alternative.months[0]!;
  const pct = (share: Money) => `${share.times(100).toDecimalPlaces(1).toString()}%`;
  switch (whatIf.kind) {
    case 'consolidate':
      return `${base.design.secrets} secrets become ${alternative.design.secrets}, and storage is billed per secret while each read still fetches one secret`;
    case 'encryption':
      return whatIf.encryption === 'aws-managed'
        ? 'the AWS managed key has no monthly charge (its requests are still billed), but it cannot be used for cross-account access'
        : 'a customer managed key costs a monthly fee (and more once rotated) on top of the same requests, in exchange for its key policy and cross-account use';
    case 'cache-ttl': {
      const throttle = a.traffic.throttledShare.isZero() ? '' : `, and ${pct(a.traffic.throttledShare)} of the calls are still throttled`;
      return `API calls go from ${formatCount(b.traffic.attempted)} to ${formatCount(a.traffic.attempted)} a month as the cache answers repeated reads${throttle}`;
    }
    case 'rotation':
      return 'each rotation runs the function four times and makes its own Secrets Manager and KMS calls, so frequency scales that part of the bill';
    case 'replicas':
      return 'every replica is billed as a secret of its own in its Region';
    case 'parameter-store': {
      const throttle = a.traffic.throttledShare.isZero() ? '' : ` (and ${pct(a.traffic.throttledShare)} of reads are throttled at ${a.traffic.quotaPerSecond} per second)`;
      return `${whatIf.tier === 'standard' ? 'standard parameters are stored free' : 'advanced parameters cost less to store than secrets'}${throttle}, at the price of ${alternative.lost.length} features`;
    }
    case 'delete-unused':
      return `${whatIf.count} secrets no longer pay their monthly storage`;
  }
}

function biggestChange(base: ProjectionLine[], alternative: ProjectionLine[]): string | undefined {
  const labels = new Set([...base, ...alternative].map((l) => l.label));
  let best: { label: string; change: Money } | undefined;
  for (const label of labels) {
    const before = base.find((l) => l.label === label)?.amount ?? new Money(0);
    const after = alternative.find((l) => l.label === label)?.amount ?? new Money(0);
    const change = after.minus(before).abs();
    if (!best || change.greaterThan(best.change)) best = { label, change };
  }
  return best && !best.change.isZero() ? best.label : undefined;
}

export function compareDesigns(base: Design, whatIf: WhatIf, prices: PriceBook, options: { month: string; freeTier?: boolean }): Comparison {
  const alternativeDesign = applyWhatIf(base, whatIf);
  const opts = { startMonth: options.month, months: 1, ...(options.freeTier !== undefined ? { freeTier: options.freeTier } : {}) };
  const baseProjection = project(base, prices, opts);
  const alternative = project(alternativeDesign, prices, opts);
  const delta = alternative.totalDue.minus(baseProjection.totalDue);
  const direction = delta.isZero() ? 'costs the same as' : delta.isNegative() ? `saves ${formatUsd(delta.abs())} a month against` : `costs ${formatUsd(delta)} a month more than`;
  const mostly = biggestChange(baseProjection.months[0]!.lines, alternative.months[0]!.lines);
  const explanation = `${alternativeDesign.label} ${direction} ${base.label.toLowerCase()}${mostly ? ` (mostly ${mostly})` : ''}: ${reason(whatIf, baseProjection, alternative)}.`;
  return { base: baseProjection, alternative, delta, explanation, lost: alternative.lost };
}
