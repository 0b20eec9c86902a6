/**
 * Every lab under content/labs, bundled into the labs chunk only (this module is reached from the lazily loaded
 * labs view). The loader takes raw texts, so the same parser serves the app and the content tests.
 */
import { labSourcesFromFiles, parseLabs, type Lab } from '../../../scenarios/index.ts';

// Besides index.md and lab.yaml, the files a lab's actions name ({ file: solution/index.js }, a handler "show me" deploys).
const files = import.meta.glob(['/content/labs/*/{index.md,lab.yaml}', '/content/labs/*/solution/**'], { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

let cached: Lab[] | undefined;

export function labCatalog(): Lab[] {
  cached ??= parseLabs(labSourcesFromFiles(files));
  return cached;
}

export function findLab(id: string): Lab | undefined {
  return labCatalog().find((lab) => lab.id === id);
}
