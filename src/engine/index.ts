/**
 * The engine's public surface: everything outside src/engine (the app, the server, labs, quiz) imports from here.
 */
import { Simulator, type NewWorldOptions, type SimulatorParts } from './kernel/index.ts';
import { iamModule, identityResolver, bootstrapIdentities, createPolicyAuthorizer, checkPolicyDocument } from './iam/index.ts';
import { kmsModule, kmsPort } from './kms/index.ts';
import { stsModule } from './sts/index.ts';
import { createSecretsModule, noRotationFunctions } from './secrets/index.ts';
import { organizationsModule, organizationPolicyLevels, organizationOf } from './organizations/index.ts';
import { cloudtrailModule } from './audit/index.ts';
import { billingModule } from './pricing/index.ts';

export function simulatorParts(): SimulatorParts {
  return {
    services: [iamModule, organizationsModule, kmsModule, createSecretsModule({
        kms: kmsPort,
        rotation: noRotationFunctions,
        policies: { check: (document) => checkPolicyDocument(document, 'secret') },
      }), stsModule, billingModule, cloudtrailModule],
    identity: identityResolver,
    authorizer: createPolicyAuthorizer({
      levels: organizationPolicyLevels,
      organizationId: (world, accountId) => organizationOf(world, accountId)?.id,
    }),
    bootstrap: bootstrapIdentities,
  };
}

export function createSimulator(options: NewWorldOptions = {}): Simulator {
  return Simulator.create(simulatorParts(), options);
}

export function loadSimulator(snapshot: unknown): Simulator {
  return Simulator.fromSnapshot(simulatorParts(), snapshot);
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
