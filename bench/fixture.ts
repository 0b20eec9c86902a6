import { createSimulator } from '../src/engine/index.ts';

export const BENCH_SECRET_NAME = 'bench/database';
export const BENCH_SECRET_VALUE = JSON.stringify({
  engine: 'postgres',
  host: 'db.internal',
  username: 'app',
  password: 'Xq7#pL2!vR9@kM4$wT6&zN8*bC3^fH5s',
});

/** A world with one secret to read, sealed with the AWS managed key as most secrets are. */
export function benchSimulator(options: { logLimit?: number } = {}) {
  const sim = createSimulator({ seed: 'bench', ...options });
  const created = sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: BENCH_SECRET_NAME, secretString: BENCH_SECRET_VALUE } });
  if (!created.ok) throw new Error(`bench set-up failed: ${created.error.code} ${created.error.message}`);
  return sim;
}
