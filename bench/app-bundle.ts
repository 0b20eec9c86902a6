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
  const closure = (roots: string[], exclude: Set<string>) => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file) || exclude.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const root of roots) visit(root);
    return files;
  };
  const initial = closure(Object.keys(manifest).filter((key) => manifest[key]!.isEntry), new Set());
  // The shell and the simulator, fetched right after the first paint (src/ui/boot.ts): reported so the split is
  // visible, not hidden.
  const boot = closure(['src/ui/boot.ts'], initial);
  const measure = (files: Set<string>) => {
    let raw = 0;
    let gzipped = 0;
    for (const file of files) {
      if (!file.endsWith('.js')) continue;
      const bytes = readFileSync(new URL(file, dist));
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, kb: Math.round((gzipped / 1000) * 10) / 10 };
  };
  const first = measure(initial);
  const then = measure(boot);
  if (boot.size === 0) throw new Error('src/ui/boot.ts is not a chunk of the build');
  return [
    {
      name: 'app.initialJsGzipKb',
      value: first.kb,
      unit: 'kB',
      note: `${initial.size} initial chunk(s), ${Math.round(first.raw / 1000)} kB raw; limit 150 kB gzip (issue 7)`,
    },
    {
      name: 'app.bootJsGzipKb',
      value: then.kb,
      unit: 'kB',
      note: `the shell and the simulator, loaded right after the first paint: ${boot.size} chunk(s), ${Math.round(then.raw / 1000)} kB raw`,
    },
  ];
}
