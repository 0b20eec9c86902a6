import { expect } from 'vitest';
import { createDatabase, createSimulator, deployRotationFunction, targetsState, type Simulator, type World } from '../../../../src/engine/index.ts';

// Outputs are loosely typed in tests: each test asserts the exact shape it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = any;

export function call(sim: Simulator, service: string, operation: string, input: Record<string, unknown> = {}): Output {
  const result = sim.call<Output>({ service, operation, input });
  if (!result.ok) throw new Error(`${operation}: ${result.error.code}: ${result.error.message}`);
  return result.output;
}

export const sm = (sim: Simulator, operation: string, input: Record<string, unknown> = {}) => call(sim, 'secretsmanager', operation, input);
export const cw = (sim: Simulator, operation: string, input: Record<string, unknown> = {}) => call(sim, 'monitoring', operation, input);

/** The ACTIVE finding of one control on one resource, through GetFindings as a learner would ask. */
export function finding(sim: Simulator, controlId: string, resourceId: string): Output {
  const out = call(sim, 'securityhub', 'GetFindings', {
    filters: {
      complianceSecurityControlId: [{ value: controlId, comparison: 'EQUALS' }],
      resourceId: [{ value: resourceId, comparison: 'EQUALS' }],
      recordState: [{ value: 'ACTIVE', comparison: 'EQUALS' }],
    },
  });
  expect(out.findings.length).toBeLessThanOrEqual(1);
  return out.findings[0];
}

export function status(sim: Simulator, controlId: string, resourceId: string): string | undefined {
  return finding(sim, controlId, resourceId)?.compliance.status;
}

let tokens = 0;
export function token(): string {
  tokens += 1;
  return `00000000-0000-4000-8000-${tokens.toString().padStart(12, '0')}`;
}

export interface RotationSetup {
  sim: Simulator;
  secretArn: string;
  functionArn: string;
}

/**
 * A MySQL database, a secret holding its application user's credentials, and a deployed single-user rotation
 * function: what a real rotation needs in the simulator (engine/rotation).
 */
export function rotationSetup(sim: Simulator = createSimulator()): RotationSetup {
  const db = createDatabase(sim, { engine: 'mysql', name: 'orders', masterUsername: 'admin', masterPassword: 'master-pass-1' });
  targetsState(sim.state as World).databases[db.id]!.users['app'] = { password: 'app-pass-1' };
  const secret = sm(sim, 'CreateSecret', {
    name: 'orders/app',
    secretString: JSON.stringify({ engine: 'mysql', host: db.host, port: db.port, dbname: db.dbname, username: 'app', password: 'app-pass-1' }),
  });
  const functionArn = deployRotationFunction(sim, { name: 'rotate-orders', template: 'SecretsManagerRDSMySQLRotationSingleUser' });
  return { sim, secretArn: secret.arn, functionArn };
}

/** Lets the asynchronous rotation run finish (its steps are a few seconds of virtual time apart). */
export function settle(sim: Simulator, seconds = 120): void {
  sim.advance({ seconds });
}

/** The version a failed rotation left in AWSPENDING: a reattempt names it as its token. */
export function pendingVersion(sim: Simulator, secretId: string): string {
  const stages = sm(sim, 'DescribeSecret', { secretId }).versionIdsToStages as Record<string, string[]>;
  const [id] = Object.entries(stages).find(([, labels]) => labels.includes('AWSPENDING') && !labels.includes('AWSCURRENT'))!;
  return id;
}
