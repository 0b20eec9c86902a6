import { z } from 'zod';
import { Money } from './money.ts';

/**
 * Prices are data (content/pricing/*.json), each with its unit, source and the date it was checked. The engine cannot
 * read files, and must not import anything outside src/engine, so whoever runs it (the app, `secretslab bill`, the
 * tests) imports the JSON and hands it to parsePriceBook: the table is validated at that edge and the app stays
 * offline, since the JSON is bundled rather than fetched.
 */

/** Amounts are decimal strings in the files, so no price is ever a binary float, even in transit. */
const usdAmount = z.string().regex(/^\d+(\.\d+)?$/, 'a price is a decimal string such as "0.40"');
const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a Region name such as us-east-1');
const checkedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'the date the price was checked, YYYY-MM-DD');

export const priceSchema = z.object({
  id: z.string().min(1),
  description: z.string().min(1),
  unit: z.string().min(1),
  /** How many usage units one priced unit covers (10,000 for "per 10,000 API calls"). */
  unitSize: z.number().int().positive(),
  /** At most this many units per resource are billed (KMS bills only the first two rotations). */
  billedUpTo: z.number().int().positive().optional(),
  /** List price by Region; us-east-1 at least. Other Regions fall back to it, and the bill says so. */
  usd: z.record(regionName, usdAmount).refine((byRegion) => byRegion['us-east-1'] !== undefined, 'us-east-1 is required'),
  sourceUrl: z.url(),
  checked: checkedDate,
  note: z.string().optional(),
});

export const freeTierSchema = z.object({
  id: z.string().min(1),
  priceId: z.string().min(1),
  /** Usage units free each month, per account, summed across Regions. */
  quantity: z.number().int().positive(),
  description: z.string().min(1),
  sourceUrl: z.url(),
  checked: checkedDate,
});

export const quotaSchema = z.object({
  id: z.string().min(1),
  description: z.string().min(1),
  perSecond: z.number().int().positive(),
  sourceUrl: z.url(),
  checked: checkedDate,
});

export const PRICED_SERVICES = ['secretsmanager', 'kms', 'lambda', 'ssm'] as const;
export type PricedService = (typeof PRICED_SERVICES)[number];

export const priceFileSchema = z
  .object({
    service: z.enum(PRICED_SERVICES),
    title: z.string().min(1),
    currency: z.literal('USD'),
    prices: z.array(priceSchema).min(1),
    freeTiers: z.array(freeTierSchema),
    quotas: z.array(quotaSchema),
  })
  .superRefine((file, issues) => {
    const ids = new Set<string>();
    for (const price of file.prices) {
      if (ids.has(price.id)) issues.addIssue({ code: 'custom', message: `duplicate price id ${price.id}`, path: ['prices'] });
      ids.add(price.id);
    }
    for (const tier of file.freeTiers) {
      if (!ids.has(tier.priceId)) issues.addIssue({ code: 'custom', message: `free tier ${tier.id} names unknown price ${tier.priceId}`, path: ['freeTiers'] });
    }
  });

export type PriceFile = z.infer<typeof priceFileSchema>;
export type PriceEntry = z.infer<typeof priceSchema>;

export interface UnitPrice {
  /** Price of one priced unit (e.g. $0.05 for 10,000 calls). */
  amount: Money;
  unitSize: number;
  unit: string;
  billedUpTo?: number;
  region: string;
  /** True when the Region has no price of its own in the table and us-east-1's was used. */
  fellBack: boolean;
  sourceUrl: string;
  checked: string;
  description: string;
}

export interface PriceBook {
  files: readonly PriceFile[];
  price(service: PricedService, priceId: string, region?: string): UnitPrice;
  /** Free usage units a month for a price, or 0 when it has none. */
  freeQuantity(service: PricedService, priceId: string): number;
  quota(service: PricedService, quotaId: string): number;
}

export class PriceBookError extends Error {}

/** Validates the price files (one per service) and indexes them. Throws PriceBookError naming the bad field. */
export function parsePriceBook(files: readonly unknown[]): PriceBook {
  const parsed = files.map((file, index) => {
    const result = priceFileSchema.safeParse(file);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new PriceBookError(`price file ${index}: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`);
    }
    return result.data;
  });
  const byService = new Map<string, PriceFile>();
  for (const file of parsed) {
    if (byService.has(file.service)) throw new PriceBookError(`two price files for ${file.service}`);
    byService.set(file.service, file);
  }
  // Parsed once per price and Region: projections ask for the same few prices thousands of times.
  const cache = new Map<string, UnitPrice>();
  const fileOf = (service: PricedService): PriceFile => {
    const file = byService.get(service);
    if (!file) throw new PriceBookError(`no price file for ${service}`);
    return file;
  };
  return {
    files: parsed,
    price(service, priceId, region = 'us-east-1') {
      const cacheKey = `${service}/${priceId}/${region}`;
      const known = cache.get(cacheKey);
      if (known) return known;
      const entry = fileOf(service).prices.find((p) => p.id === priceId);
      if (!entry) throw new PriceBookError(`no price ${priceId} for ${service}`);
      const own = entry.usd[region];
      const unitPrice: UnitPrice = {
        amount: new Money(own ?? entry.usd['us-east-1']!),
        unitSize: entry.unitSize,
        unit: entry.unit,
        ...(entry.billedUpTo !== undefined ? { billedUpTo: entry.billedUpTo } : {}),
        region: own !== undefined ? region : 'us-east-1',
        fellBack: own === undefined,
        sourceUrl: entry.sourceUrl,
        checked: entry.checked,
        description: entry.description,
      };
      cache.set(cacheKey, unitPrice);
      return unitPrice;
    },
    freeQuantity(service, priceId) {
      return fileOf(service).freeTiers.filter((t) => t.priceId === priceId).reduce((total, t) => total + t.quantity, 0);
    },
    quota(service, quotaId) {
      const quota = fileOf(service).quotas.find((q) => q.id === quotaId);
      if (!quota) throw new PriceBookError(`no quota ${quotaId} for ${service}`);
      return quota.perSecond;
    },
  };
}
