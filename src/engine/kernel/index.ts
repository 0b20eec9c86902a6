export { Simulator, type CallRequest, type CallResult, type SimulatorEvent, type SimulatorParts, type NewWorldOptions } from './simulator.ts';
export type {
  AnyOperation,
  AuthorizationDecision,
  AuthorizationRequest,
  Authorizer,
  IdentityResolver,
  NestedCall,
  OperationContext,
  OperationDefinition,
  ResolvedTarget,
  RecordKeeper,
  ServiceModule,
} from './operation.ts';
export { servicePrincipal, type CallerRef, type Principal } from './principal.ts';
export type { CallRecord, LogEntry, LogState, ServiceEventRecord, UsageState } from './records.ts';
export {
  BOOKKEEPING_KEYS,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  DEFAULT_START_TIME,
  SECOND_ACCOUNT_ID,
  SUPPORTED_REGIONS,
  WORLD_SCHEMA_VERSION,
  resourceState,
  type AccountRecord,
  type World,
} from './world.ts';
export { SnapshotError, migrate, migrations, parseWorld } from './snapshot.ts';
export { validationErrorFrom } from './validation.ts';
export { redact } from './redact.ts';
export { coverageMarkdown } from './coverage.ts';
