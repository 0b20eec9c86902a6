/**
 * The engine's public surface: everything outside src/engine (the app, the server, labs, quiz) imports from here.
 */
import { Simulator, type NewWorldOptions, type SimulatorParts } from './kernel/index.ts';
import { iamModule, identityResolver, bootstrapIdentities, createPolicyAuthorizer, checkPolicyDocument } from './iam/index.ts';
import { kmsModule, kmsPort } from './kms/index.ts';
import { stsModule } from './sts/index.ts';
import { createSecretsModule } from './secrets/index.ts';
import { createSsmModule } from './ssm/index.ts';
import { organizationsModule, organizationPolicyLevels, organizationOf } from './organizations/index.ts';
import { cloudtrailModule } from './audit/index.ts';
import { billingModule } from './pricing/index.ts';
import { createMonitoringModules } from './monitoring/index.ts';
import { createRotationEngine, type RotationEngine } from './rotation/index.ts';
import { lambdaModule } from './lambda/index.ts';
import { targetsModule } from './targets/index.ts';
import type { ServiceModule } from './kernel/index.ts';

/** Each world's rotation engine, found from its module (which survives `{ ...parts }` copies) to attach the pipeline. */
const rotationEngines = new WeakMap<ServiceModule, RotationEngine>();

export function simulatorParts(): SimulatorParts {
  const rotation = createRotationEngine();
  rotationEngines.set(rotation.module, rotation);
  const secretsModule = createSecretsModule({
    kms: kmsPort,
    rotation: rotation.port,
    policies: { check: (document) => checkPolicyDocument(document, 'secret') },
  });
  return {
    services: [iamModule, organizationsModule, kmsModule, secretsModule, stsModule, billingModule, cloudtrailModule, ...createMonitoringModules({ isPublicPolicy: (document) => checkPolicyDocument(document, 'secret').broad.length > 0 }), lambdaModule, targetsModule, rotation.module, createSsmModule({ kms: kmsPort, secretsManager: secretsModule })],
    identity: identityResolver,
    authorizer: createPolicyAuthorizer({
      levels: organizationPolicyLevels,
      organizationId: (world, accountId) => organizationOf(world, accountId)?.id,
    }),
    bootstrap: bootstrapIdentities,
  };
}

export function createSimulator(options: NewWorldOptions = {}): Simulator {
  const parts = simulatorParts();
  return attachRotation(Simulator.create(parts, options), parts);
}

export function loadSimulator(snapshot: unknown): Simulator {
  const parts = simulatorParts();
  return attachRotation(Simulator.fromSnapshot(parts, snapshot), parts);
}

/** The rotation function's calls go through the simulator's own pipeline; a simulator built from parts needs this. */
export function attachRotation(simulator: Simulator, parts: SimulatorParts): Simulator {
  for (const module of parts.services) rotationEngines.get(module)?.attach(simulator);
  return simulator;
}

export {
  Simulator,
  SnapshotError,
  DEFAULT_ACCOUNT_ID,
  SECOND_ACCOUNT_ID,
  DEFAULT_REGION,
  DEFAULT_START_TIME,
  WORLD_SCHEMA_VERSION,
  resourceState,
  coverageMarkdown,
} from './kernel/index.ts';
export type {
  CallRequest,
  CallResult,
  CallRecord,
  CallerRef,
  LogEntry,
  NewWorldOptions,
  Principal,
  SimulatorParts,
  ServiceEventRecord,
  SimulatorEvent,
  World,
} from './kernel/index.ts';
export { ServiceError, isServiceError } from './errors.ts';
export { DAY, HOUR, MINUTE, SECOND, isoTime, type Duration, type ScheduledTask } from './clock/index.ts';
export { actingPrincipals, AWS_MANAGED_POLICIES, type ActingPrincipal, type AwsManagedPolicy } from './iam/index.ts';

// CloudTrail's event history, read directly by the app's audit view (a lookup through call() would itself be an event).
export {
  queryEventHistory,
  LOOKUP_ATTRIBUTE_KEYS,
  RETENTION_MS as EVENT_HISTORY_RETENTION_MS,
  type CloudTrailEvent,
  type HistoryEvent,
  type HistoryQuery,
  type LookupAttributeKey,
} from './audit/index.ts';

// The wire layer (AWS JSON 1.1 codec, SigV4 verification, the in-page SDK handler) for the server and the app.
export * from './protocol/index.ts';

// The IAM policy language (parse, validate, evaluate, authorize) for `secretslab evaluate` and the Policy Lab.
export * as iamPolicy from './iam/policy/index.ts';

// Bills, price tables and traffic projections (decimal.js money) for the cost view and `secretslab bill`.
export * as pricing from './pricing/index.ts';

// CloudWatch metrics and alarms, EventBridge rules and the inbox, Security Hub findings, for the monitoring view.
export * as monitoring from './monitoring/index.ts';

// Rotation you can watch: the statechart, schedules, rotation functions, and the databases and applications it touches.
export {
  rotationMachine,
  ROTATION_STEPS,
  FAULT_KINDS,
  rotationState,
  parseRotationRules,
  nextRotationWindow,
  type RotationStep,
  type RunStateName,
  type RotationRun,
  type StepLog,
  type FaultKind,
  type RotationState,
} from './rotation/index.ts';
export { deployRotationFunction, setFunctionNetwork, injectFault, createDatabase, setDatabaseUser, addApplication, setApplicationCaching, settleTraffic } from './rotation/index.ts';
// Learner-written rotation functions: the engine hands each step to a sandbox outside it (src/sandbox) and hears back.
export {
  deployFunctionCode,
  completeInvocation,
  pendingInvocations,
  createPartnerApi,
  partnerApiRequest,
  MAX_SOURCE_CHARS,
  type PendingInvocation,
  type InvocationResult,
} from './rotation/index.ts';
export { partnerApis, activeKeys, PARTNER_ACTIONS, type PartnerApi, type PartnerKey, type PartnerResult } from './targets/index.ts';
export { ROTATION_TEMPLATES, type RotationTemplate, type LambdaFunction } from './lambda/index.ts';
export { targetsState, DATABASE_ENGINES, type Database, type DatabaseEngine, type Application, type TrafficSegment } from './targets/index.ts';
