import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
