import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Metric } from './results.ts';

/**
 * The JavaScript a first visit downloads, gzip -9, as issue 7 counts it: the entry chunk and every chunk it imports
 * statically (from Vite's manifest of a fresh production build); lazy chunks (the SDK, Monaco, the Policy Lab) do
 * not count.
 */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export function appBundleBench(): Metric[] {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed; the bundle size cannot be measured');
  const dist = new URL('../dist/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let raw = 0;
  let gzipped = 0;
  for (const file of initial) {
    if (!file.endsWith('.js')) continue;
    const bytes = readFileSync(new URL(file, dist));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return [
    {
      name: 'app.initialJsGzipKb',
      value: Math.round((gzipped / 1000) * 10) / 10,
      unit: 'kB',
      note: `${initial.size} initial chunk(s), ${Math.round(raw / 1000)} kB raw; limit 150 kB gzip (issue 7)`,
    },
  ];
}
