import { pricing } from '../src/engine/index.ts';
import { readFileSync, readdirSync } from 'node:fs';
import type { Metric } from './results.ts';

/**
 * Issue 5's projection figure: a 12-month projection of 10,000 secrets read a billion times (3,171 clients each
 * reading every 100 seconds, no cache), with rotation every 30 days and a customer managed key, priced month by
 * month in closed form. The median of many runs, after a warm-up.
 */

const RUNS = 200;

function priceBook(): pricing.PriceBook {
  const dir = new URL('../content/pricing/', import.meta.url);
  return pricing.parsePriceBook(readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(new URL(n, dir), 'utf8')) as unknown));
}

export function pricingProjectionBench(): Metric[] {
  const prices = priceBook();
  const design: pricing.Design = {
    ...pricing.DEFAULT_DESIGN,
    secrets: 10_000,
    encryption: 'customer-managed',
    customerManagedKeys: 1,
    traffic: { clients: 3_171, readEverySeconds: 100, cacheTtlSeconds: 0 },
    rotationEveryDays: 30,
  };
  const once = () => pricing.project(design, prices, { startMonth: '2026-01', months: 12 });
  const check = once();
  const calls = check.months.reduce((total, m) => total.plus(m.traffic.served), new pricing.Money(0));
  // 3,171 / 100 calls a second over 365 days: 1,000,006,560 calls. A projection that skipped the work fails here.
  if (!calls.equals(1_000_006_560)) throw new Error(`projection served ${calls.toString()} calls, not a billion`);
  for (let i = 0; i < 20; i++) once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return [
    {
      name: 'pricing.projection12Months10kSecrets',
      value: Number(median.toFixed(3)),
      unit: 'ms',
      note: `median of ${RUNS}; ${median.toFixed(3)} ms for 12 months, 10,000 secrets, ${calls.toString()} calls, total ${pricing.formatUsd(check.totalDue)}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(pricingProjectionBench());
