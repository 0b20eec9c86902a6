import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Metric } from './results.ts';

/**
 * Lighthouse 12.8.2 (the newest that runs on Node 20; run with npx, not a dependency: DESIGN.md) against the
 * production build served by `vite preview`, mobile preset, for the home view and the secrets list. Lighthouse
 * cannot click, so it measures what a first visit loads and paints. Needs a fresh `dist/` (the bundle bench builds
 * it just before).
 */
const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage';
const PORT = 4199;

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
}

function audit(url: string): LighthouseReport {
  const chrome = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const run = spawnSync(
    'npx',
    ['-y', 'lighthouse@12.8.2', url, '--quiet', '--output=json', '--output-path=stdout', '--only-categories=performance,accessibility', `--chrome-flags=${CHROME_FLAGS}`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) } },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as LighthouseReport;
}

const score = (report: LighthouseReport, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);

export async function appLighthouseBench(): Promise<Metric[]> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    const base = `http://localhost:${PORT}/`;
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        if (attempt > 100) throw new Error('vite preview did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const home = audit(base);
    const secrets = audit(`${base}#/secrets`);
    return [
      { name: 'app.lighthouse.performance', value: score(home, 'performance'), unit: 'score', note: `home view, mobile; secrets list ${score(secrets, 'performance')}` },
      { name: 'app.lighthouse.accessibility', value: score(home, 'accessibility'), unit: 'score', note: `home view; secrets list ${score(secrets, 'accessibility')}` },
    ];
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}
