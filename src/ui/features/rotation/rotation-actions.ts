import {
  addApplication,
  createDatabase,
  deployRotationFunction,
  setDatabaseUser,
  type DatabaseEngine,
  type RotationTemplate,
  type Simulator,
} from '../../../engine/index.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import { GENERIC_HANDLER } from './handler-skeletons.ts';

type Failure = { code: string; message: string };

/** The engine each template rotates, for the database the view builds. */
export function engineOf(template: RotationTemplate): DatabaseEngine {
  if (template.includes('PostgreSQL')) return 'postgres';
  if (template.includes('MariaDB')) return 'mariadb';
  if (template.includes('Oracle')) return 'oracle';
  if (template.includes('SQLServer')) return 'sqlserver';
  if (template.includes('Redshift')) return 'redshift';
  if (template.includes('MongoDB')) return 'docdb';
  return 'mysql';
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 40);
}

/**
 * Gives a database secret something to rotate: a simulated database whose master user is `admin` (its own secret,
 * named in `masterarn` for the alternating-users strategy) and whose application user is the secret's, plus an
 * application of three caching clients. The secret's value gains host, port, engine and dbname, as RDS writes them.
 */
export function attachDatabase(app: AppState, secretArn: string, secretName: string, engine: DatabaseEngine): Failure | undefined {
  const read = app.call<{ secretString?: string }>('secretsmanager', 'GetSecretValue', { secretId: secretArn });
  if (!read.ok) return read.error;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(read.output.secretString ?? '') as Record<string, unknown>;
  } catch {
    return { code: 'SecretsLab', message: 'Rotation of a database needs a JSON secret with username and password.' };
  }
  if (typeof value.username !== 'string' || typeof value.password !== 'string') {
    return { code: 'SecretsLab', message: 'The secret has no username and password to log in with.' };
  }
  const sim: Simulator = app.simulator;
  const masterPassword = `admin-${secretName.length}-${sim.now % 100000}`;
  const masterUsername = value.username === 'admin' ? 'rdsadmin' : 'admin';
  const db = createDatabase(sim, { engine, name: safeName(secretName).toLowerCase(), masterUsername, masterPassword });
  setDatabaseUser(sim, db.id, value.username, value.password);
  const connection = { engine, host: db.host, port: db.port, dbname: db.dbname };
  const master = app.call<{ arn: string }>('secretsmanager', 'CreateSecret', {
    name: `${secretName}-master`,
    secretString: JSON.stringify({ ...connection, username: masterUsername, password: masterPassword }),
  });
  if (!master.ok) return master.error;
  const put = app.call('secretsmanager', 'PutSecretValue', { secretId: secretArn, secretString: JSON.stringify({ ...value, ...connection, masterarn: master.output.arn }) });
  if (!put.ok) return put.error;
  addApplication(sim, { name: `${secretName} app`, secretArn, databaseId: db.id, clients: 3, connectionIntervalMs: 60_000, cache: true });
  return undefined;
}

/** Deploys (once per template) the rotation function the console would create for this secret, and returns its ARN. */
export function ensureFunction(app: AppState, secretName: string, template: RotationTemplate): { arn: string } | { error: Failure } {
  const name = `rotate-${safeName(secretName)}-${template.replace('SecretsManager', '').replace('Rotation', '').slice(0, 20)}`.slice(0, 50);
  const existing = app.call<{ functionArn: string }>('lambda', 'GetFunctionConfiguration', { functionName: name });
  if (existing.ok) return { arn: existing.output.functionArn };
  try {
    return { arn: deployRotationFunction(app.simulator, { name, template, region: app.region }) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { error: { code: e.code ?? 'Error', message: e.message ?? String(error) } };
  }
}

/**
 * Deploys a function of the generic template (SecretsManagerRotationTemplate) that runs a complete handler of our
 * own for an API-key secret, outside any VPC (it reaches Secrets Manager and the internet), as a learner would start
 * from the console's "Create function".
 */
export function createCustomFunction(app: AppState, secretName: string): { arn: string; name: string } | { error: Failure } {
  const base = `rotate-${safeName(secretName)}-custom`.slice(0, 56);
  let name = base;
  for (let n = 2; app.call('lambda', 'GetFunctionConfiguration', { functionName: name }).ok; n++) name = `${base}-${n}`;
  try {
    return { arn: deployRotationFunction(app.simulator, { name, template: 'SecretsManagerRotationTemplate', inVpc: false, source: GENERIC_HANDLER, region: app.region }), name };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { error: { code: e.code ?? 'Error', message: e.message ?? String(error) } };
  }
}
