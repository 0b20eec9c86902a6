import { monthSpan } from './calendar.ts';
import { formatCount, formatUsd, Money, ZERO, sum, toCents } from './money.ts';
import type { PriceBook, PricedService, UnitPrice } from './price-book.ts';
import { ADVANCED_INTERACTIONS_METER } from '../ssm/index.ts';
import { storageSpans, type BillableWorld, type StorageSpan } from './storage-usage.ts';

/**
 * One account's bill for one calendar month, like the Bills page: line items (usage, unit price, amount), the free
 * tier applied and shown, totals per service, and cost allocation by tag. Every amount stays exact (decimal.js);
 * the rounding to the cent happens once, on the total, as AWS rounds an invoice: a line item's displayed cents are
 * for reading and may not add up to the total by a cent.
 */

export interface BillRequest {
  accountId: string;
  /** 'YYYY-MM' */
  month: string;
  /** Apply the always-free tiers (KMS requests, Lambda). False gives the exam view. Default true. */
  freeTier?: boolean;
  /**
   * Part of the month, for storage only (request meters are kept per month): the cost view's spend-so-far curve, and
   * the proof that storage charges add up over any split of time. Clipped to the month.
   */
  storagePeriod?: { from: number; to: number };
}

export interface LineItem {
  service: PricedService;
  /** Stable id for tests and the UI, e.g. 'secretsmanager/secret-month/us-east-1'. */
  id: string;
  label: string;
  region?: string;
  /** Measured usage in its natural unit (hours, requests, GB-seconds). */
  usage: Money;
  usageUnit: string;
  /** Usage the free tier covered. */
  freeUsage: Money;
  /** Priced units billed (secret-months, blocks of 10,000 calls), after the free tier. */
  billedQuantity: Money;
  unit: string;
  /** Usage units one priced unit covers (10,000 for a price per 10,000 calls). */
  unitSize: number;
  unitPrice: Money;
  amount: Money;
  /** Why this line costs what it does, in a sentence (proration, free tier, "not charged"). */
  explanation: string;
  /** For call lines: calls by operation, as the pipeline metered them (e.g. {GetSecretValue: 99990, CreateSecret: 10}). */
  byOperation?: Record<string, number>;
  sourceUrl: string;
}

export interface TagAllocation {
  tagKey: string;
  /** Amount by tag value; '(untagged)' for resources without the key. */
  byValue: Record<string, Money>;
}

export interface Bill {
  accountId: string;
  month: string;
  periodStart: number;
  /** The end of the month, or the world's clock if the month is still running. */
  periodEnd: number;
  freeTier: boolean;
  lineItems: LineItem[];
  totals: { service: PricedService; amount: Money }[];
  /** Exact. */
  total: Money;
  /** The total rounded once, to the cent, half up. */
  totalDue: Money;
  /** What the free tier saved this month (zero in the exam view). */
  freeTierSavings: Money;
  /** Storage (secrets, keys) allocated by each tag key seen; request charges are not tied to a resource here. */
  allocation: TagAllocation[];
  unallocated: Money;
  rounding: string;
}

export const ROUNDING_RULE =
  'Amounts are computed exactly and rounded once, to the cent (half up), on the total; line items show rounded cents for reading.';

const HOUR_MS = new Money(3_600_000);

function formatHours(hours: Money): string {
  const whole = hours.floor();
  const rest = hours.minus(whole).toDecimalPlaces(2);
  return `${formatCount(whole)}${rest.isZero() ? '' : rest.toFixed(2).slice(1)}`;
}

function usageMeters(world: BillableWorld, month: string, accountId: string): Record<string, number> {
  return world.usage[month]?.[accountId] ?? {};
}

function operationsOf(meters: Record<string, number>, service: string): Record<string, number> {
  const prefix = `${service}:`;
  const found = Object.entries(meters).filter(([meter]) => meter.startsWith(prefix));
  found.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return Object.fromEntries(found.map(([meter, count]) => [meter.slice(prefix.length), count]));
}

function breakdownText(byOperation: Record<string, number>): string {
  const parts = Object.entries(byOperation).map(([operation, count]) => `${operation} ${formatCount(count)}`);
  return parts.length > 1 ? ` (${parts.join(', ')})` : '';
}

function requestCount(meters: Record<string, number>, service: string): number {
  let calls = 0;
  const prefix = `${service}:`;
  for (const [meter, count] of Object.entries(meters)) if (meter.startsWith(prefix)) calls += count;
  return calls;
}

function fellBackNote(price: UnitPrice, region: string): string {
  return price.fellBack ? ` (no list price recorded for ${region}; us-east-1's is used)` : '';
}

interface StorageGroup {
  service: PricedService;
  priceId: string;
  label: string;
  region: string;
  milliseconds: number;
  /** For the rotation surcharge: milliseconds times billed rotations. */
  weightedMilliseconds: number;
  spans: StorageSpan[];
}

function storageLines(spans: StorageSpan[], prices: PriceBook, monthMs: number, allocate: (span: StorageSpan, amount: Money) => void): LineItem[] {
  const groups = new Map<string, StorageGroup>();
  const group = (key: string, init: Omit<StorageGroup, 'milliseconds' | 'weightedMilliseconds' | 'spans'>) => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { ...init, milliseconds: 0, weightedMilliseconds: 0, spans: [] }));
    return found;
  };
  for (const span of spans) {
    if (span.kind === 'secret') {
      const label = span.state === 'replica' ? 'Replica secrets' : span.state === 'pending-deletion' ? 'Secrets scheduled for deletion' : 'Secrets';
      const g = group(`secret/${span.state}/${span.region}`, { service: 'secretsmanager', priceId: 'secret-month', label, region: span.region });
      g.milliseconds += span.milliseconds;
      g.spans.push(span);
    } else if (span.kind === 'advanced-parameter') {
      const g = group(`parameter/advanced/${span.region}`, { service: 'ssm', priceId: 'advanced-parameter-month', label: 'Advanced parameters', region: span.region });
      g.milliseconds += span.milliseconds;
      g.spans.push(span);
    } else {
      const label = span.state === 'pending-deletion' ? 'Customer managed keys scheduled for deletion' : 'Customer managed keys';
      const g = group(`key/${span.state === 'pending-deletion' ? 'pending' : 'billed'}/${span.region}`, { service: 'kms', priceId: 'key-month', label, region: span.region });
      g.milliseconds += span.milliseconds;
      g.spans.push(span);
      if (span.state !== 'pending-deletion' && span.rotations > 0) {
        const r = group(`key-rotation/${span.region}`, { service: 'kms', priceId: 'key-rotation-month', label: 'Key rotations (first two per key)', region: span.region });
        const cap = prices.price('kms', 'key-rotation-month', span.region).billedUpTo ?? span.rotations;
        r.milliseconds += span.milliseconds;
        r.weightedMilliseconds += span.milliseconds * Math.min(span.rotations, cap);
        r.spans.push(span);
      }
    }
  }
  const lines: LineItem[] = [];
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const price = prices.price(g.service, g.priceId, g.region);
    const notBilled = key.includes('pending');
    const rotation = g.priceId === 'key-rotation-month';
    const weighted = new Money(rotation ? g.weightedMilliseconds : g.milliseconds);
    const months = weighted.div(monthMs);
    const amount = notBilled ? ZERO : price.amount.times(months);
    const hours = new Money(g.milliseconds).div(HOUR_MS);
    const explanation = notBilled
      ? `${formatHours(hours)} hours scheduled for deletion: AWS does not charge for ${g.service === 'kms' ? 'a key' : 'a secret'} waiting to be deleted.`
      : rotation
        ? `Each of a key's first two rotations adds the monthly key price, prorated by the hour; later rotations add nothing${fellBackNote(price, g.region)}.`
        : `${formatHours(hours)} ${g.service === 'kms' ? 'key' : g.service === 'ssm' ? 'parameter' : 'secret'}-hours = ${months.toDecimalPlaces(6).toString()} ${price.unit}s, prorated by the hour${g.label.startsWith('Replica') ? '; each replica is billed as a secret of its own' : ''}${fellBackNote(price, g.region)}.`;
    if (!notBilled) {
      for (const span of g.spans) {
        const spanWeight = rotation ? span.milliseconds * Math.min(span.rotations, price.billedUpTo ?? span.rotations) : span.milliseconds;
        allocate(span, price.amount.times(new Money(spanWeight).div(monthMs)));
      }
    }
    lines.push({
      service: g.service,
      id: `${g.service}/${key}`,
      label: `${g.label} (${g.region})`,
      region: g.region,
      usage: hours,
      usageUnit: 'hours',
      freeUsage: ZERO,
      billedQuantity: notBilled ? ZERO : months,
      unit: price.unit,
      unitSize: price.unitSize,
      unitPrice: price.amount,
      amount,
      explanation,
      sourceUrl: price.sourceUrl,
    });
  }
  return lines;
}

function requestLine(
  prices: PriceBook,
  service: PricedService,
  priceId: string,
  label: string,
  usage: Money,
  usageUnit: string,
  region: string,
  freeTier: boolean,
  explain: (free: Money) => string,
): LineItem | undefined {
  if (usage.isZero()) return undefined;
  const price = prices.price(service, priceId, region);
  const allowance = freeTier ? new Money(prices.freeQuantity(service, priceId)) : ZERO;
  const freeUsage = Money.min(usage, allowance);
  const billedQuantity = usage.minus(freeUsage).div(price.unitSize);
  return {
    service,
    id: `${service}/${priceId}`,
    label,
    usage,
    usageUnit,
    freeUsage,
    billedQuantity,
    unit: price.unit,
    unitSize: price.unitSize,
    unitPrice: price.amount,
    amount: price.amount.times(billedQuantity),
    explanation: explain(freeUsage) + fellBackNote(price, region),
    sourceUrl: price.sourceUrl,
  };
}

const MB_MS_PER_GB_SECOND = new Money(1024 * 1000);

export function computeBill(world: BillableWorld, prices: PriceBook, request: BillRequest): Bill {
  const freeTier = request.freeTier ?? true;
  const span = monthSpan(request.month);
  const periodEnd = Math.max(span.start, Math.min(span.end, world.clock.now));
  const meters = usageMeters(world, request.month, request.accountId);
  // Request meters carry no Region; they are priced at the world's home Region (list prices are the same in the
  // Regions the table has, and KMS's free tier is counted across all Regions anyway).
  const region = world.defaultRegion;

  const tagTotals = new Map<string, Map<string, Money>>();
  const allocatedSpans: { span: StorageSpan; amount: Money }[] = [];
  const storageFrom = Math.max(span.start, request.storagePeriod?.from ?? span.start);
  const storageTo = Math.min(span.end, request.storagePeriod?.to ?? span.end);
  const lines = storageLines(storageSpans(world, request.accountId, storageFrom, storageTo), prices, span.milliseconds, (s, amount) => allocatedSpans.push({ span: s, amount }));
  const tagKeys = new Set(allocatedSpans.flatMap(({ span: s }) => Object.keys(s.tags)));
  for (const tagKey of [...tagKeys].sort()) {
    const byValue = new Map<string, Money>();
    for (const { span: s, amount } of allocatedSpans) {
      const value = s.tags[tagKey] ?? '(untagged)';
      byValue.set(value, (byValue.get(value) ?? ZERO).plus(amount));
    }
    tagTotals.set(tagKey, byValue);
  }

  const smCalls = new Money(requestCount(meters, 'secretsmanager'));
  const kmsCalls = new Money(requestCount(meters, 'kms'));
  const lambdaCalls = new Money(meters['lambda:Requests'] ?? 0);
  const gbSeconds = new Money(meters['lambda:MbMs'] ?? 0).div(MB_MS_PER_GB_SECOND);
  const smOperations = operationsOf(meters, 'secretsmanager');
  const kmsOperations = operationsOf(meters, 'kms');
  const requestLines = [
    requestLine(prices, 'secretsmanager', 'api-requests', 'Secrets Manager API calls', smCalls, 'calls', region, freeTier,
      () => `${formatCount(smCalls)} calls${breakdownText(smOperations)} at the price per 10,000; every Secrets Manager API call counts, reads and writes.`),
    requestLine(prices, 'kms', 'requests', 'KMS requests', kmsCalls, 'requests', region, freeTier, (free) =>
      free.isZero()
        ? `${formatCount(kmsCalls)} requests${breakdownText(kmsOperations)}${freeTier ? '' : ' (exam view: free tier ignored)'}, including the Decrypt and GenerateDataKey calls Secrets Manager made on this account's behalf.`
        : `${formatCount(kmsCalls)} requests${breakdownText(kmsOperations)}, ${formatCount(free)} of them free (20,000 a month across all Regions); the calls Secrets Manager made on this account's behalf count too.`),
    requestLine(prices, 'ssm', 'api-interactions', 'Parameter Store API interactions (advanced parameters)', new Money(meters[ADVANCED_INTERACTIONS_METER] ?? 0), 'interactions', region, freeTier,
      () => 'Calls that touched an advanced parameter, billed per 10,000 whatever the throughput setting; standard parameters at standard throughput are free.'),
    requestLine(prices, 'lambda', 'requests', 'Lambda requests (rotation functions)', lambdaCalls, 'requests', region, freeTier, (free) =>
      `${formatCount(lambdaCalls)} invocations${free.isZero() ? '' : `, ${formatCount(free)} inside the monthly free tier`}.`),
    requestLine(prices, 'lambda', 'duration-gb-second', 'Lambda duration (rotation functions)', gbSeconds, 'GB-seconds', region, freeTier, (free) =>
      `${gbSeconds.toDecimalPlaces(3).toString()} GB-seconds (memory in GB times milliseconds run)${free.isZero() ? '' : `, ${free.toDecimalPlaces(3).toString()} of them free`}.`),
  ].filter((line): line is LineItem => line !== undefined);
  for (const line of requestLines) {
    if (line.id === 'secretsmanager/api-requests') line.byOperation = smOperations;
    if (line.id === 'kms/requests') line.byOperation = kmsOperations;
  }
  lines.push(...requestLines);

  const services: PricedService[] = ['secretsmanager', 'kms', 'lambda', 'ssm'];
  const totals = services
    .map((service) => ({ service, amount: sum(lines.filter((l) => l.service === service).map((l) => l.amount)) }))
    .filter((t) => lines.some((l) => l.service === t.service));
  const total = sum(totals.map((t) => t.amount));
  const freeTierSavings = sum(lines.map((l) => l.unitPrice.times(l.freeUsage.div(l.unitSize))));
  const allocated = sum(allocatedSpans.map((a) => a.amount));
  return {
    accountId: request.accountId,
    month: request.month,
    periodStart: span.start,
    periodEnd,
    freeTier,
    lineItems: lines,
    totals,
    total,
    totalDue: toCents(total),
    freeTierSavings,
    allocation: [...tagTotals].map(([tagKey, byValue]) => ({ tagKey, byValue: Object.fromEntries(byValue) })),
    unallocated: total.minus(allocated),
    rounding: ROUNDING_RULE,
  };
}

export interface ExamComparison {
  withFreeTier: Bill;
  examView: Bill;
  difference: Money;
  explanation: string;
}

/**
 * Exam questions price things as if no free tier existed; the real bill applies it. Same usage, two readings, and the
 * difference explained.
 */
export function examComparison(world: BillableWorld, prices: PriceBook, request: Omit<BillRequest, 'freeTier'>): ExamComparison {
  const withFreeTier = computeBill(world, prices, { ...request, freeTier: true });
  const examView = computeBill(world, prices, { ...request, freeTier: false });
  // Exact, not the difference of two rounded totals: a saving under half a cent is still a saving to explain.
  const difference = examView.total.minus(withFreeTier.total);
  const shown = formatUsd(difference, difference.lessThan('0.01') ? 6 : 2);
  const explanation = difference.isZero()
    ? 'The exam view and the bill agree: nothing this month fell inside a free tier.'
    : `The exam view ignores the always-free tiers (20,000 KMS requests a month, and Lambda's monthly requests and GB-seconds), as exam questions usually do; here that adds ${shown}.`;
  return { withFreeTier, examView, difference, explanation };
}
