/**
 * `npm run bench`: every benchmark, one table, and bench/results.json updated with this run's figures (other metrics
 * already in the file are kept). `--profile` writes CPU profiles of the endpoint process to bench/profiles/.
 */
import { printTable, writeResults, type Metric } from './results.ts';
import { secretsGetSecretValueBench } from './secrets-get-secret-value.ts';
import { iamEvaluateBench } from './iam-evaluate.ts';
import { appBundleBench } from './app-bundle.ts';
import { rotationYearBench } from './rotation-year.ts';
import { rotationFloorBench } from './rotation-floor.ts';
import { appLighthouseBench } from './app-lighthouse.ts';
import { pricingProjectionBench } from './pricing-projection.ts';
import { auditBench } from './audit-lookup-events.ts';
import { monitoringBench } from './monitoring.ts';
import { labsGoalsBench } from './labs-goals.ts';

const profileDir = process.argv.includes('--profile') ? new URL('./profiles/', import.meta.url).pathname : undefined;

const benches: { name: string; run: () => Promise<Metric[]> }[] = [
  { name: 'Secrets Manager GetSecretValue (in-process, HTTP, echo)', run: () => secretsGetSecretValueBench(profileDir ? { profileDir } : {}) },
  { name: 'IAM policy evaluation (authorizer, policies parsed once)', run: async () => iamEvaluateBench() },
  { name: 'App bundle (initial JavaScript, gzip)', run: async () => appBundleBench() },
  { name: 'Rotation: a year of daily rotations for 1,000 secrets with their applications', run: async () => rotationYearBench() },
  { name: 'Rotation: the encryption floor under that year (two AES-256-GCM encryptions per new version)', run: async () => rotationFloorBench() },
  { name: 'App Lighthouse (home view and secrets list, mobile)', run: appLighthouseBench },
  { name: 'Pricing: 12-month projection, 10,000 secrets, a billion calls', run: async () => pricingProjectionBench() },
  { name: 'CloudTrail: record keeper cost, LookupEvents over a full history', run: async () => auditBench() },
  { name: 'Monitoring: record keepers cost, a watched year, findings caught up', run: async () => monitoringBench() },
  { name: 'Labs: build each lab world, evaluate its goals after its solution', run: async () => labsGoalsBench() },
];

const metrics: Metric[] = [];
for (const bench of benches) {
  process.stderr.write(`running: ${bench.name}\n`);
  metrics.push(...(await bench.run()));
}
printTable(metrics);
writeResults(metrics);
console.log('\nwritten to bench/results.json');
