import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pricing, type Simulator } from '../../src/engine/index.ts';
import type { AdvanceClock, LabSource } from '../../src/scenarios/index.ts';
import { advanceRunningFunctionsSync } from '../../src/sandbox/run-functions.ts';
import { nodeSandbox } from '../../src/server/node-sandbox.ts';

export const LABS_DIR = join(import.meta.dirname, '../../content/labs');

/** Every lab folder's raw texts, read as the app's import.meta.glob reads them, with its other files. */
export function labSources(): LabSource[] {
  return readdirSync(LABS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = join(LABS_DIR, entry.name);
      const others = readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((file) => file.isFile())
        .map((file) => relative(folder, join(file.parentPath, file.name)).split(sep).join('/'))
        .filter((path) => path !== 'index.md' && path !== 'lab.yaml');
      return {
        folder: entry.name,
        indexMarkdown: readFileSync(join(folder, 'index.md'), 'utf8'),
        labYaml: readFileSync(join(folder, 'lab.yaml'), 'utf8'),
        files: Object.fromEntries(others.map((path) => [path, readFileSync(join(folder, path), 'utf8')])),
      };
    });
}

const sandbox = nodeSandbox();

/** A lab's clock in Node: time moves as the engine's, and learner-written rotation functions run in node:vm. */
export function nodeClock(sim: Simulator): AdvanceClock {
  return (ms) => advanceRunningFunctionsSync(sim, sim.now + ms, sandbox);
}

const PRICING_DIR = join(import.meta.dirname, '../../content/pricing');

/** The dated price table, as the app bundles it, for bill goals. */
export function priceBook(): pricing.PriceBook {
  const files = readdirSync(PRICING_DIR).filter((name) => name.endsWith('.json')).sort();
  return pricing.parsePriceBook(files.map((name) => JSON.parse(readFileSync(join(PRICING_DIR, name), 'utf8')) as unknown));
}
