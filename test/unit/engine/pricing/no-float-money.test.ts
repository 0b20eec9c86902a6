import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pricing } from '../../../../src/engine/index.ts';
import { priceFiles } from './price-files.ts';

/**
 * No float ever touches money. The proof is in two halves. Types: every amount in engine/pricing is a decimal.js
 * value (Money), and TypeScript refuses `+ - * /` on an object, so arithmetic on money can only be Decimal
 * arithmetic. This scan closes the gap types leave: a money-named field or variable declared as, or initialised to, a
 * plain number, a conversion of a Decimal back to a float, or parseFloat. Usage counts (calls, milliseconds) are
 * integers and may be numbers; they become Money before any price touches them.
 */

const DIR = join(import.meta.dirname, '../../../../src/engine/pricing');
const MONEY_NAME = '\\w*(?:amount|price|cost|total|saving|usd|money|charge|fee|delta)\\w*';
const RULES: { pattern: RegExp; why: string }[] = [
  { pattern: new RegExp(`\\b${MONEY_NAME}\\??\\s*:\\s*number\\b`, 'gi'), why: 'a money-named declaration typed number' },
  { pattern: new RegExp(`\\b(?:let|const|var)\\s+${MONEY_NAME}\\s*=\\s*-?[\\d.]`, 'gi'), why: 'a money-named variable initialised to a number' },
  { pattern: /\.toNumber\(\)/g, why: 'a Decimal turned back into a float' },
  { pattern: /\bparseFloat\(|\bMath\.(?:round|floor|ceil)\(\s*\w*(?:amount|price|cost)/gi, why: 'float parsing or float rounding of money' },
];

function offences(source: string): string[] {
  const found: string[] = [];
  for (const { pattern, why } of RULES) for (const match of source.matchAll(pattern)) found.push(`${why}: ${match[0]}`);
  return found;
}

describe('no float touches money', () => {
  it('finds no money held or converted as a number in src/engine/pricing', () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const bad = files.flatMap((name) => offences(readFileSync(join(DIR, name), 'utf8')).map((o) => `${name}: ${o}`));
    expect(bad).toEqual([]);
  });

  it('catches each kind of offence it looks for (the scan is not vacuous)', () => {
    expect(offences('interface X { unitPrice: number }')).toHaveLength(1);
    expect(offences('let total = 0;')).toHaveLength(1);
    expect(offences('const x = amount.toNumber();')).toHaveLength(1);
    expect(offences('const p = parseFloat(text);')).toHaveLength(1);
    expect(offences('const calls: number = 3; let count = 0;')).toEqual([]);
  });

  it('keeps every price a decimal string in the content files, never a JSON number', () => {
    for (const file of priceFiles() as { prices: { usd: Record<string, unknown> }[] }[]) {
      for (const price of file.prices) for (const amount of Object.values(price.usd)) expect(typeof amount).toBe('string');
    }
    const asNumber = structuredClone(priceFiles()) as { prices: { usd: Record<string, unknown> }[] }[];
    asNumber[0]!.prices[0]!.usd['us-east-1'] = 0.4;
    expect(() => pricing.parsePriceBook(asNumber)).toThrow(pricing.PriceBookError);
  });

  it('hands out money as Decimal values, exact where binary floats are not', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; ten calls at $0.05 per 10,000 are exactly $0.00005.
    const price = pricing.parsePriceBook(priceFiles()).price('secretsmanager', 'api-requests');
    expect(price.amount).toBeInstanceOf(pricing.Money);
    expect(price.amount.times(10).div(price.unitSize).toString()).toBe('0.00005');
  });
});
