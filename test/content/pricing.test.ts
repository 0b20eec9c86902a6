import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pricing } from '../../src/engine/index.ts';

const folder = resolve(import.meta.dirname, '../../content/pricing');
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;

describe('pricing content', () => {
  it('has one file per priced service, and together they form a price book', () => {
    expect(files).toEqual(['kms.json', 'lambda.json', 'secretsmanager.json', 'ssm-parameter-store.json']);
    const book = pricing.parsePriceBook(files.map(read));
    expect(book.files.map((f) => f.service).sort()).toEqual(['kms', 'lambda', 'secretsmanager', 'ssm']);
  });

  it.each(files)('%s validates: every price has a unit, a source URL, a checked date and a us-east-1 amount', (file) => {
    const parsed = pricing.priceFileSchema.safeParse(read(file));
    expect(parsed.error?.issues ?? []).toEqual([]);
    for (const price of parsed.data!.prices) {
      expect(price.sourceUrl).toMatch(/^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//);
      expect(price.usd['us-east-1']).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('holds the list prices the reference and the pricing pages agree on', () => {
    const book = pricing.parsePriceBook(files.map(read));
    const at = (service: pricing.PricedService, id: string) => book.price(service, id).amount.toString();
    expect(at('secretsmanager', 'secret-month')).toBe('0.4');
    expect(at('secretsmanager', 'api-requests')).toBe('0.05');
    expect(at('kms', 'key-month')).toBe('1');
    expect(at('kms', 'requests')).toBe('0.03');
    expect(book.price('kms', 'key-rotation-month').billedUpTo).toBe(2);
    expect(book.freeQuantity('kms', 'requests')).toBe(20_000);
    expect(at('lambda', 'duration-gb-second')).toBe('0.0000166667');
    expect(book.freeQuantity('lambda', 'duration-gb-second')).toBe(400_000);
    expect(at('ssm', 'advanced-parameter-month')).toBe('0.05');
  });

  it('falls back to us-east-1 for a Region without its own price, and says so', () => {
    const book = pricing.parsePriceBook(files.map(read));
    const price = book.price('secretsmanager', 'secret-month', 'eu-west-1');
    expect(price.fellBack).toBe(true);
    expect(price.region).toBe('us-east-1');
  });

  it('refuses a file without a source, with a bad date, or with a free tier for an unknown price', () => {
    const base = read('kms.json') as { prices: Record<string, unknown>[]; freeTiers: Record<string, unknown>[] };
    const noSource = structuredClone(base);
    delete noSource.prices[0]!.sourceUrl;
    expect(pricing.priceFileSchema.safeParse(noSource).success).toBe(false);
    const badDate = structuredClone(base);
    badDate.prices[0]!.checked = 'last week';
    expect(pricing.priceFileSchema.safeParse(badDate).success).toBe(false);
    const orphan = structuredClone(base);
    orphan.freeTiers[0]!.priceId = 'nothing';
    expect(pricing.priceFileSchema.safeParse(orphan).success).toBe(false);
  });
});
