import { expect } from 'vitest';
import {
  createDatabase,
  createSimulator,
  deployRotationFunction,
  rotationState,
  targetsState,
  type Database,
  type RotationTemplate,
  type Simulator,
  type World,
} from '../../../../src/engine/index.ts';

// Outputs are loosely typed in tests: each test asserts the exact shape it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = any;

export const SINGLE: RotationTemplate = 'SecretsManagerRDSMySQLRotationSingleUser';
export const MULTI: RotationTemplate = 'SecretsManagerRDSMySQLRotationMultiUser';

export function sm(sim: Simulator, operation: string, input: Record<string, unknown> = {}): Output {
  const result = sim.call<Output>({ service: 'secretsmanager', operation, input });
  if (!result.ok) throw new Error(`${operation}: ${result.error.code}: ${result.error.message}`);
  return result.output;
}

export function smResult(sim: Simulator, operation: string, input: Record<string, unknown> = {}) {
  return sim.call<Output>({ service: 'secretsmanager', operation, input });
}

export function token(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

export interface Lab {
  sim: Simulator;
  db: Database;
  secretArn: string;
  masterArn: string;
  functionArn: string;
}

/**
 * A MySQL database with a master user and an application user, its secrets (the application's names the master
 * secret in masterarn, for alternating users), and a deployed rotation function of the given template.
 */
export function rotationLab(template: RotationTemplate = SINGLE, options: { seed?: string; timeout?: number; inVpc?: boolean } = {}): Lab {
  const sim = createSimulator(options.seed ? { seed: options.seed } : {});
  const db = createDatabase(sim, { engine: 'mysql', name: 'orders', masterUsername: 'admin', masterPassword: 'master-pass-1' });
  liveDb(sim, db.id).users['app'] = { password: 'app-pass-1' };
  const base = { engine: 'mysql', host: db.host, port: db.port, dbname: db.dbname };
  const master = sm(sim, 'CreateSecret', { name: 'orders/master', secretString: JSON.stringify({ ...base, username: 'admin', password: 'master-pass-1' }) });
  const secret = sm(sim, 'CreateSecret', {
    name: 'orders/app',
    secretString: JSON.stringify({ ...base, username: 'app', password: 'app-pass-1', masterarn: master.arn }),
    clientRequestToken: token(1),
  });
  const functionArn = deployRotationFunction(sim, {
    name: 'rotate-orders',
    template,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.inVpc !== undefined ? { inVpc: options.inVpc } : {}),
  });
  return { sim, db, secretArn: secret.arn, masterArn: master.arn, functionArn };
}

/** The database as it is in the live world now. */
export function liveDb(sim: Simulator, id: string): Database {
  return targetsState(sim.state as World).databases[id]!;
}

export function stages(sim: Simulator, secretId: string): Record<string, string[]> {
  const map = (sm(sim, 'DescribeSecret', { secretId }).versionIdsToStages ?? {}) as Record<string, string[]>;
  return Object.fromEntries(Object.entries(map).map(([id, labels]) => [id, [...labels].sort()]));
}

export function currentValue(sim: Simulator, secretId: string): { username: string; password: string } {
  return JSON.parse(sm(sim, 'GetSecretValue', { secretId }).secretString as string) as { username: string; password: string };
}

export function run(sim: Simulator, secretArn: string) {
  return rotationState(sim.state as World).runs[secretArn];
}

/** Advances virtual time until the secret's run is over (a few seconds of virtual time per step). */
export function finishRun(sim: Simulator, secretArn: string): void {
  for (let i = 0; i < 20; i++) {
    const r = run(sim, secretArn);
    if (r && ['succeeded', 'failed', 'abandoned', 'cancelled', 'tested'].includes(r.state)) return;
    const next = sim.nextTask();
    if (!next) return;
    sim.advanceTo(Math.max(sim.now, next.at));
  }
}

export function serviceEvents(sim: Simulator, name: string): Output[] {
  return sim.state.log.entries.filter((e) => e.kind === 'service-event' && (e as Output).eventName === name);
}

export function expectOneCurrent(sim: Simulator, secretId: string): string {
  const holders = Object.entries(stages(sim, secretId)).filter(([, s]) => s.includes('AWSCURRENT'));
  expect(holders).toHaveLength(1);
  return holders[0]![0];
}
