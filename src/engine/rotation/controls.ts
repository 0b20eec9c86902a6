import type { CallRequest, Simulator, World } from '../kernel/index.ts';
import { ServiceError } from '../errors.ts';
import { findFunction, type FunctionNetwork, type RotationTemplate } from '../lambda/index.ts';
import {
  addDatabase,
  addPartnerApi,
  callPartnerApi,
  settleApplication,
  targetsState,
  DEFAULT_CACHE_TTL_MS,
  type Database,
  type NewDatabase,
  type NewPartnerApi,
  type PartnerApi,
  type PartnerResult,
  type ReadCredentials,
} from '../targets/index.ts';
import { COMPLETE_TASK, invocationResultSchema, type InvocationResult } from './invocations.ts';
import type { RotationStep } from './rotation.machine.ts';
import type { Fault } from './state.ts';
import { rotationState } from './store.ts';

/**
 * Simulator controls for labs, tests and the rotation view: building the things rotation acts on (databases,
 * applications), staging faults, and placing a function's network. They are not AWS operations (AWS has no API for
 * "make this step fail"), so they change the world directly, like the clock controls; anything that AWS does have an
 * API for (roles, functions, secrets) goes through the pipeline as the account's admin.
 */
function world(sim: Simulator): World {
  // The controls are the simulator's own hands on its world, as advance() is for the clock.
  return sim.state as World;
}

function mustCall<O>(sim: Simulator, request: CallRequest): O {
  const result = sim.call<O>(request);
  if (!result.ok) throw result.error;
  return result.output;
}

/** The execution role policy the Secrets Manager rotation templates create (their SAM template's statements). */
function rotationRolePolicy(multiUser: boolean): string {
  const actions = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: actions, Resource: '*' },
      { Effect: 'Allow', Action: 'secretsmanager:GetRandomPassword', Resource: '*' },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', ...(multiUser ? {} : {}) },
    ],
  });
}

export interface DeployRotationFunction {
  name: string;
  template: RotationTemplate;
  accountId?: string;
  region?: string;
  timeout?: number;
  memorySize?: number;
  /**
   * Place the function in the database's VPC (the default, as the console does for a database secret). Unless
   * `network` says otherwise, the VPC then has an interface endpoint for Secrets Manager and a route to the database.
   */
  inVpc?: boolean;
  network?: Partial<FunctionNetwork>;
  /** Learner-written handler code (Node.js) deployed in place of the template's; see deployFunctionCode. */
  source?: string;
}

/**
 * Deploys a rotation function as the console's "Create a rotation function" does through the Serverless Application
 * Repository: an execution role with the template's permissions, the function (30 s timeout, as the templates set),
 * and the permission for secretsmanager.amazonaws.com to invoke it. Returns the function ARN.
 */
export function deployRotationFunction(sim: Simulator, spec: DeployRotationFunction): string {
  const accountId = spec.accountId ?? sim.state.defaultAccountId;
  const region = spec.region ?? sim.state.defaultRegion;
  const caller = { principalArn: `arn:aws:iam::${accountId}:root` };
  const admin = accountId === sim.state.defaultAccountId ? {} : { caller };
  const roleName = `${spec.name}-role`;
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  mustCall(sim, { service: 'iam', operation: 'CreateRole', input: { roleName, assumeRolePolicyDocument: trust }, region, ...admin });
  mustCall(sim, {
    service: 'iam',
    operation: 'PutRolePolicy',
    input: { roleName, policyName: 'SecretsManagerRotationPolicy', policyDocument: rotationRolePolicy(spec.template.endsWith('MultiUser')) },
    region,
    ...admin,
  });
  const created = mustCall<{ functionArn: string }>(sim, {
    service: 'lambda',
    operation: 'CreateFunction',
    input: {
      functionName: spec.name,
      role: `arn:aws:iam::${accountId}:role/${roleName}`,
      code: { rotationTemplate: spec.template },
      description: `Rotates secrets with the ${spec.template} template`,
      timeout: spec.timeout ?? 30,
      memorySize: spec.memorySize ?? 128,
      ...(spec.inVpc !== false ? { vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] } } : {}),
    },
    region,
    ...admin,
  });
  mustCall(sim, {
    service: 'lambda',
    operation: 'AddPermission',
    input: { functionName: spec.name, statementId: 'SecretsManagerAccess', action: 'lambda:InvokeFunction', principal: 'secretsmanager.amazonaws.com' },
    region,
    ...admin,
  });
  if (spec.inVpc !== false) setFunctionNetwork(sim, created.functionArn, { secretsManagerRoute: 'endpoint', databaseRoute: true, ...spec.network });
  else if (spec.network) setFunctionNetwork(sim, created.functionArn, spec.network);
  if (spec.source !== undefined) deployFunctionCode(sim, created.functionArn, spec.source);
  return created.functionArn;
}

/** The Lambda console's inline editor takes up to 3 MB; a learner's handler is far smaller. */
export const MAX_SOURCE_CHARS = 200_000;

/**
 * Deploys learner-written code to a function, as the Lambda console's code editor does ("Deploy"): from then on its
 * invocations run that handler (Node.js 20, `index.handler`, CommonJS) in the host's sandbox. `undefined` goes back to
 * the template. Not an AWS API call: AWS's UpdateFunctionCode takes a zip archive, which SecretsLab does not build.
 */
export function deployFunctionCode(sim: Simulator, functionArn: string, source: string | undefined): void {
  const fn = findFunction(world(sim), functionArn, sim.state.defaultAccountId, functionArn.split(':')[3] ?? sim.state.defaultRegion);
  if (!fn) throw new ServiceError('ResourceNotFoundException', `Function not found: ${functionArn}`, 404);
  if (source !== undefined && source.length > MAX_SOURCE_CHARS) {
    throw new ServiceError('CodeStorageExceededException', `The handler is ${source.length} characters; SecretsLab takes up to ${MAX_SOURCE_CHARS}.`, 400);
  }
  if (source === undefined) {
    delete fn.source;
    fn.runtime = 'python3.12';
    fn.handler = 'lambda_function.lambda_handler';
  } else {
    fn.source = source;
    fn.runtime = 'nodejs20.x';
    fn.handler = 'index.handler';
  }
  fn.lastModified = sim.now;
}

/**
 * The host's report on a learner-written handler it ran (see pendingInvocations): the step's log is recorded at the
 * instant the step was requested and the run moves on when the step's virtual time is up. A stale report (the run was
 * cancelled or superseded meanwhile) changes nothing.
 */
export function completeInvocation(sim: Simulator, result: InvocationResult): void {
  const parsed = invocationResultSchema.parse(result);
  const match = /^arn:aws:secretsmanager:([a-z0-9-]+):(\d{12}):/.exec(parsed.secretArn);
  sim.applySchedule({
    at: sim.now,
    kind: COMPLETE_TASK,
    payload: { arn: parsed.secretArn, accountId: match?.[2] ?? sim.state.defaultAccountId, region: match?.[1] ?? sim.state.defaultRegion, result: parsed },
    description: `Rotation: the function's ${parsed.step} handler returned`,
  });
  sim.advanceTo(sim.now);
}

/** A third-party API (outside AWS) holding one key, which a secret stores and a custom rotation function rotates. */
export function createPartnerApi(sim: Simulator, spec: NewPartnerApi): PartnerApi {
  return addPartnerApi(world(sim), spec, sim.now);
}

/** One request to a third-party API (from a learner's rotation function through the host, or from a lab's check). */
export function partnerApiRequest(sim: Simulator, host: string, action: string, input: Record<string, unknown>): PartnerResult {
  return callPartnerApi(world(sim), host, action, input, sim.now);
}

/** Where a function's network lets it go (VPC endpoint or NAT gateway to Secrets Manager; a route to the database). */
export function setFunctionNetwork(sim: Simulator, functionArn: string, network: Partial<FunctionNetwork>): void {
  const fn = findFunction(world(sim), functionArn, sim.state.defaultAccountId, functionArn.split(':')[3] ?? sim.state.defaultRegion);
  if (!fn) throw new ServiceError('ResourceNotFoundException', `Function not found: ${functionArn}`, 404);
  fn.network = { ...fn.network, ...network };
}

/** Stages a fault on one step of a function (undefined clears it). */
export function injectFault(sim: Simulator, functionArn: string, step: RotationStep, fault: Fault | undefined): void {
  const faults = rotationState(world(sim)).faults;
  const byStep = (faults[functionArn] ??= {});
  if (fault) byStep[step] = { ...fault };
  else delete byStep[step];
  if (Object.keys(byStep).length === 0) delete faults[functionArn];
}

export function createDatabase(sim: Simulator, spec: Omit<NewDatabase, 'accountId' | 'region'> & { accountId?: string; region?: string }): Database {
  return addDatabase(world(sim), { ...spec, accountId: spec.accountId ?? sim.state.defaultAccountId, region: spec.region ?? sim.state.defaultRegion });
}

/** Adds (or resets) a user on a simulated database, as a DBA would with CREATE USER / ALTER USER. */
export function setDatabaseUser(sim: Simulator, databaseId: string, username: string, password: string): void {
  const db = targetsState(world(sim)).databases[databaseId];
  if (!db) throw new Error(`No simulated database ${databaseId}`);
  db.users[username] = { password };
}

export interface NewApplication {
  name: string;
  secretArn: string;
  databaseId?: string;
  clients?: number;
  connectionIntervalMs?: number;
  /** Use AWS's caching client (true: its one-hour default TTL; a number: that TTL in ms). */
  cache?: boolean | number;
  refreshOnAuthFailure?: boolean;
  callerArn?: string;
}

/** An application with N clients that read the secret and connect to the database from now on. */
export function addApplication(sim: Simulator, spec: NewApplication): string {
  const state = targetsState(world(sim));
  const id = `app-${state.nextId++}`;
  const match = /^arn:aws:secretsmanager:([a-z0-9-]+):(\d{12}):/.exec(spec.secretArn);
  state.applications[id] = {
    id,
    name: spec.name,
    accountId: match?.[2] ?? sim.state.defaultAccountId,
    region: match?.[1] ?? sim.state.defaultRegion,
    secretArn: spec.secretArn,
    ...(spec.databaseId ? { databaseId: spec.databaseId } : {}),
    ...(spec.callerArn ? { callerArn: spec.callerArn } : {}),
    connectionIntervalMs: spec.connectionIntervalMs ?? 60_000,
    cacheTtlMs: spec.cache === undefined || spec.cache === false ? null : spec.cache === true ? DEFAULT_CACHE_TTL_MS : spec.cache,
    refreshOnAuthFailure: spec.refreshOnAuthFailure ?? false,
    clients: Array.from({ length: spec.clients ?? 1 }, () => ({})),
    settledAt: sim.now,
    totals: { ok: 0, failed: 0, reads: 0 },
    segments: [],
  };
  return id;
}

/**
 * Changes how an application reads its secret, as a code change and redeploy would (AWS's caching client, or
 * back to a read on every connection). Not an AWS operation: it is the application's own code. Traffic is settled
 * first, so what happened before the change is counted under the old behaviour.
 */
export function setApplicationCaching(sim: Simulator, application: string, caching: { cache: boolean | number; refreshOnAuthFailure?: boolean }): void {
  const apps = Object.values(targetsState(world(sim)).applications);
  const app = apps.find((a) => a.id === application || a.name === application);
  if (!app) throw new Error(`No simulated application ${application}`);
  settleTraffic(sim);
  app.cacheTtlMs = caching.cache === false ? null : caching.cache === true ? DEFAULT_CACHE_TTL_MS : caching.cache;
  if (caching.refreshOnAuthFailure !== undefined) app.refreshOnAuthFailure = caching.refreshOnAuthFailure;
}

/**
 * Brings every application's traffic up to the current virtual time (before the view or a test reads the counts).
 * One read per application goes through the pipeline; the others in the stretch return the same value and are
 * metered alike.
 */
export function settleTraffic(sim: Simulator): void {
  const w = world(sim);
  for (const app of Object.values(targetsState(w).applications)) {
    const db = app.databaseId ? targetsState(w).databases[app.databaseId] : undefined;
    const read = (): ReadCredentials | undefined => {
      const result = sim.call<{ versionId: string; secretString?: string }>({
        service: 'secretsmanager',
        operation: 'GetSecretValue',
        input: { secretId: app.secretArn },
        region: app.region,
        ...(app.callerArn ? { caller: { principalArn: app.callerArn } } : {}),
      });
      if (!result.ok) return undefined;
      const value = JSON.parse(result.output.secretString ?? '{}') as { username?: unknown; password?: unknown };
      return { versionId: result.output.versionId, username: String(value.username), password: String(value.password) };
    };
    const { reads } = settleApplication(app, db, sim.now, read);
    if (reads > 1) sim.applyMeter('secretsmanager:GetSecretValue', reads - 1, app.accountId);
  }
}
