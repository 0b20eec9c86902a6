#!/usr/bin/env node
// `npm test`: every test, in order — unit and endpoint tests (vitest, with the real AWS SDK and AWS CLI v2), then
// the browser tests (Playwright in Chromium against a production build). It first checks that the tools the tests
// need are here and says exactly what to install if not, then ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Not test-results/: Playwright empties that folder when it starts.
const resultsDir = 'test-reports';
mkdirSync(resultsDir, { recursive: true });

function missingTools() {
  const missing = [];
  const cli = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
  const version = spawnSync(cli, ['--version'], { encoding: 'utf8' });
  if (version.error || !/aws-cli\/2\./.test(`${version.stdout}${version.stderr}`)) {
    missing.push('AWS CLI v2 (Debian: `apt-get install -y awscli`, which installs /usr/bin/aws; elsewhere see the AWS CLI v2 installer)');
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const probe = spawnSync(process.execPath, ['-e', "const { chromium } = require('@playwright/test'); const fs = require('fs'); process.exit(fs.existsSync(chromium.executablePath()) ? 0 : 1)"], { encoding: 'utf8' });
    if (probe.status !== 0) missing.push("Chromium (Debian: `apt-get install -y chromium`; elsewhere `npx playwright install chromium`)");
  }
  return missing;
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const missing = missingTools();
if (missing.length > 0) {
  console.error('npm test needs tools that are not installed:');
  for (const tool of missing) console.error(`  - ${tool}`);
  process.exit(1);
}

const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const unitOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const buildOk = run('npx', ['vite', 'build', '--logLevel', 'warn']);
const e2eOk = buildOk && run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0);
} else failed += 1;
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += report.stats?.expected ?? 0;
  failed += (report.stats?.unexpected ?? 0);
} else failed += 1;
if (!buildOk) failed += 1;
// A step that failed without a failing test (a suite that did not load, a crashed runner) still counts.
if ((!unitOk || !e2eOk) && failed === 0) failed = 1;

const ok = unitOk && buildOk && e2eOk && failed === 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
