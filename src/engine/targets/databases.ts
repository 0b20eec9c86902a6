import type { World } from '../kernel/index.ts';
import type { Application, Database, DatabaseEngine, TargetsState } from './state.ts';

export function targetsState(world: World): TargetsState {
  return world.services.targets as TargetsState;
}

const DEFAULT_PORTS: Record<DatabaseEngine, number> = {
  mysql: 3306,
  mariadb: 3306,
  'aurora-mysql': 3306,
  postgres: 5432,
  'aurora-postgresql': 5432,
  oracle: 1521,
  sqlserver: 1433,
  redshift: 5439,
  docdb: 27017,
};

export interface NewDatabase {
  engine: DatabaseEngine;
  name: string;
  accountId: string;
  region: string;
  masterUsername: string;
  masterPassword: string;
  dbname?: string;
}

/** A simulated database with its master user; its host name follows the RDS endpoint pattern. */
export function addDatabase(world: World, spec: NewDatabase): Database {
  const state = targetsState(world);
  const id = `db-${state.nextId++}`;
  const domain = spec.engine === 'redshift' ? 'redshift' : spec.engine === 'docdb' ? 'docdb' : 'rds';
  const db: Database = {
    id,
    engine: spec.engine,
    host: `${spec.name}.c0ffee${id.slice(3)}.${spec.region}.${domain}.amazonaws.com`,
    port: DEFAULT_PORTS[spec.engine],
    dbname: spec.dbname ?? (spec.engine === 'docdb' ? 'admin' : 'app'),
    accountId: spec.accountId,
    region: spec.region,
    masterUsername: spec.masterUsername,
    users: { [spec.masterUsername]: { password: spec.masterPassword } },
    logins: { ok: 0, failed: 0 },
  };
  state.databases[id] = db;
  return db;
}

/**
 * Host name to database id, per targets state, rebuilt when anything was added (nextId moved) or a world loaded (a
 * new state object): every rotation step looks its database up, and a thousand databases make a scan costly.
 */
const hostIndex = new WeakMap<object, { version: number; ids: Map<string, string> }>();

export function databaseByHost(world: World, host: string | undefined): Database | undefined {
  if (!host) return undefined;
  const state = targetsState(world);
  let index = hostIndex.get(state);
  if (!index || index.version !== state.nextId) {
    index = { version: state.nextId, ids: new Map(Object.values(state.databases).map((db) => [db.host, db.id])) };
    hostIndex.set(state, index);
  }
  const id = index.ids.get(host);
  return id === undefined ? undefined : state.databases[id];
}

const appIndex = new WeakMap<object, { version: number; bySecret: Map<string, string[]> }>();

/** The applications reading one secret (indexed like the hosts above). */
export function applicationsOf(world: World, secretArn: string): Application[] {
  const state = targetsState(world);
  let index = appIndex.get(state);
  if (!index || index.version !== state.nextId) {
    const bySecret = new Map<string, string[]>();
    for (const app of Object.values(state.applications)) bySecret.set(app.secretArn, [...(bySecret.get(app.secretArn) ?? []), app.id]);
    index = { version: state.nextId, bySecret };
    appIndex.set(state, index);
  }
  return (index.bySecret.get(secretArn) ?? []).flatMap((id) => (state.applications[id] ? [state.applications[id]] : []));
}

/** Whether a login succeeds: the user exists and the password is the one the database holds now. */
export function canLogin(db: Database, username: string | undefined, password: string | undefined): boolean {
  return username !== undefined && db.users[username]?.password === password;
}

/** A login attempt, counted on the database. */
export function login(db: Database, username: string | undefined, password: string | undefined): boolean {
  const ok = canLogin(db, username, password);
  if (ok) db.logins.ok++;
  else db.logins.failed++;
  return ok;
}
