import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pricing } from '../../src/engine/index.ts';
import type { LabSource } from '../../src/scenarios/index.ts';

export const LABS_DIR = join(import.meta.dirname, '../../content/labs');

/** Every lab folder's raw texts, read as the app's import.meta.glob reads them. */
export function labSources(): LabSource[] {
  return readdirSync(LABS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      folder: entry.name,
      indexMarkdown: readFileSync(join(LABS_DIR, entry.name, 'index.md'), 'utf8'),
      labYaml: readFileSync(join(LABS_DIR, entry.name, 'lab.yaml'), 'utf8'),
    }));
}

const PRICING_DIR = join(import.meta.dirname, '../../content/pricing');

/** The dated price table, as the app bundles it, for bill goals. */
export function priceBook(): pricing.PriceBook {
  const files = readdirSync(PRICING_DIR).filter((name) => name.endsWith('.json')).sort();
  return pricing.parsePriceBook(files.map((name) => JSON.parse(readFileSync(join(PRICING_DIR, name), 'utf8')) as unknown));
}
