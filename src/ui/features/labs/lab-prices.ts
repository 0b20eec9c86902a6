/**
 * The dated price table for bill goals, bundled into the labs chunk (as the costs view and the quiz bundle theirs),
 * so goals are checked offline with the same prices as the bill the learner sees.
 */
import { pricing } from '../../../engine/index.ts';

const priceFiles = import.meta.glob('/content/pricing/*.json', { eager: true, import: 'default' });

let cached: pricing.PriceBook | undefined;

export function labPriceBook(): pricing.PriceBook {
  cached ??= pricing.parsePriceBook(Object.keys(priceFiles).sort().map((path) => priceFiles[path]));
  return cached;
}
