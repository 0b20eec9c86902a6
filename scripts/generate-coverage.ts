// Writes docs/coverage.md from the engine's operation registry.
import { writeFileSync } from 'node:fs';
import { coverageMarkdown, createSimulator } from '../src/engine/index.ts';

writeFileSync(new URL('../docs/coverage.md', import.meta.url), coverageMarkdown(createSimulator()));
console.log('docs/coverage.md written');
