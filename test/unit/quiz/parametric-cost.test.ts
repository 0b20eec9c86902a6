import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pricing } from '../../../src/engine/index.ts';
import { costItem, costItemFromId, costScenario, isCostItemId } from '../../../src/quiz/parametric-cost.ts';
import { questionSchema } from '../../../src/quiz/schema.ts';

const folder = resolve(import.meta.dirname, '../../../content/pricing');
const book = pricing.parsePriceBook(readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as unknown));
const seeds = Array.from({ length: 60 }, (_, i) => i + 1);

/**
 * The bill worked out by hand from the published us-east-1 list prices, in integer hundredths of a cent: $0.40 per
 * secret (a replica is a secret), $1 per customer managed key, $0.05 per 10,000 Secrets Manager calls, $0.03 per
 * 10,000 KMS requests (each call that reaches Secrets Manager decrypts once). A caching client calls once per expiry.
 */
function byHand(seed: number): string {
  const { design } = costScenario(seed);
  const { clients, readEverySeconds: read, cacheTtlSeconds: ttl } = design.traffic;
  const interval = ttl > read ? read * Math.ceil(ttl / read) : read;
  const calls = Math.floor((clients * 30 * 86_400) / interval);
  // In millionths of a dollar: $0.40 = 400,000; $1 = 1,000,000; each call $0.000005 + $0.000003 = 8.
  const micros = design.secrets * (1 + design.replicasPerSecret) * 400_000 + design.customerManagedKeys * 1_000_000 + calls * 8;
  const cents = Math.floor((micros + 5_000) / 10_000);
  return `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
}

describe('parametric cost items', () => {
  it('are valid questions with four distinct amounts, one of them right', () => {
    for (const seed of seeds) {
      const { generator: _g, ...question } = costItem(seed, book);
      expect(questionSchema.safeParse(question).error?.issues ?? []).toEqual([]);
      expect(new Set(question.options.map((o) => o.text)).size).toBe(4);
      expect(question.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });

  it('price the design as a learner would by hand from the list prices', () => {
    for (const seed of seeds) {
      const item = costItem(seed, book);
      expect(item.options.find((o) => o.correct)!.text).toBe(byHand(seed));
    }
  });

  it('are rebuilt from their id', () => {
    expect(isCostItemId('q-gen-cost-5')).toBe(true);
    expect(costItemFromId('q-gen-cost-5', book)).toEqual(costItem(5, book));
    expect(costItemFromId('q-gen-policy-5', book)).toBeUndefined();
  });

  it('name the mistake behind each wrong amount', () => {
    const item = costItem(2, book);
    for (const option of item.options.filter((o) => !o.correct)) expect(option.rationale).toMatch(/^This /);
  });
});
