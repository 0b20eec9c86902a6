import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pricing } from '../../../../src/engine/index.ts';

/** The price files as the app ships them (content/pricing/*.json), validated by the engine's schema. */
export const PRICING_DIR = join(import.meta.dirname, '../../../../content/pricing');

export function priceFiles(): unknown[] {
  return readdirSync(PRICING_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(PRICING_DIR, name), 'utf8')) as unknown);
}

export const prices = pricing.parsePriceBook(priceFiles());
