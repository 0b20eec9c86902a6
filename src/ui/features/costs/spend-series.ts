import { DAY, pricing, type World } from '../../../engine/index.ts';

/**
 * Spend over virtual time, day by day through one month: storage from the lifecycle ledger (exact, prorated) and
 * calls from the ledger's daily counts at list price. For the chart only: numbers here are for drawing, and free tiers
 * are left out so the curve shows what usage costs; the bill above is the authority.
 */
export interface SpendSeries {
  days: number[];
  series: { label: string; values: number[] }[];
}

const SERVICE_LABELS: Record<string, string> = { secretsmanager: 'Secrets Manager', kms: 'KMS', lambda: 'Lambda' };
const CALL_PRICES: Record<string, [pricing.PricedService, string]> = {
  secretsmanager: ['secretsmanager', 'api-requests'],
  kms: ['kms', 'requests'],
};

export function spendSeries(world: World, prices: pricing.PriceBook, accountId: string, month: string, groupBy: 'service' | { tagKey: string }): SpendSeries {
  const span = pricing.monthSpan(month);
  const end = Math.min(span.end, Math.max(span.start, world.clock.now));
  const dayCount = Math.max(1, Math.ceil((end - span.start) / DAY));
  const daily = pricing.ledgerOf(world).dailyCalls[accountId] ?? {};
  const firstDay = Math.floor(span.start / DAY);
  const days: number[] = [];
  const byLabel = new Map<string, number[]>();
  const push = (label: string, index: number, value: number) => {
    let values = byLabel.get(label);
    if (!values) byLabel.set(label, (values = new Array<number>(dayCount).fill(0)));
    values[index] = value;
  };
  const calls = new Map<string, pricing.Money>();
  for (let d = 0; d < dayCount; d++) {
    const at = Math.min(end, span.start + (d + 1) * DAY);
    days.push(at);
    const bill = pricing.computeBill(world, prices, { accountId, month, freeTier: false, storagePeriod: { from: span.start, to: at } });
    if (groupBy === 'service') {
      for (const [service, count] of Object.entries(daily[String(firstDay + d)] ?? {})) {
        const [priced, priceId] = CALL_PRICES[service] ?? [];
        if (!priced || !priceId) continue;
        const price = prices.price(priced, priceId, world.defaultRegion);
        calls.set(service, (calls.get(service) ?? new pricing.Money(0)).plus(price.amount.times(count).div(price.unitSize)));
      }
      for (const service of ['secretsmanager', 'kms', 'lambda'] as const) {
        const storage = pricing.sum(bill.lineItems.filter((l) => l.service === service && !l.id.includes('requests') && !l.id.includes('duration')).map((l) => l.amount));
        const total = storage.plus(calls.get(service) ?? 0);
        if (!total.isZero() || byLabel.has(SERVICE_LABELS[service]!)) push(SERVICE_LABELS[service]!, d, Number(total.toFixed(6)));
      }
    } else {
      const allocation = bill.allocation.find((a) => a.tagKey === groupBy.tagKey);
      for (const [value, amount] of Object.entries(allocation?.byValue ?? {})) push(`${groupBy.tagKey}=${value}`, d, Number(amount.toFixed(6)));
    }
  }
  return { days, series: [...byLabel].map(([label, values]) => ({ label, values })) };
}
