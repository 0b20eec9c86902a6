export { createRotationEngine, type RotationEngine } from './engine.ts';
export { rotationMachine, ROTATION_STEPS, type RotationStep, type RunMode, type RunStateName } from './rotation.machine.ts';
export { parseRotationRules, nextRotationWindow, momentInWindow, shownNextRotationDate, type RotationWindow, type RotationRulesInput } from './schedule.ts';
export { alternateUsername } from './steps.ts';
export { FAULT_KINDS, type FaultKind, type Fault, type RotationRun, type StepLog, type StepCall, type RotationState } from './state.ts';
export { rotationState } from './store.ts';
export { roleSessionArn } from './invoke.ts';
export type { PipelineCaller } from './function-client.ts';
export {
  deployRotationFunction,
  deployFunctionCode,
  completeInvocation,
  createPartnerApi,
  partnerApiRequest,
  setFunctionNetwork,
  injectFault,
  createDatabase,
  setDatabaseUser,
  addApplication,
  setApplicationCaching,
  settleTraffic,
  MAX_SOURCE_CHARS,
  type DeployRotationFunction,
  type NewApplication,
} from './controls.ts';
export { pendingInvocations, runsLearnerCode, type PendingInvocation, type InvocationResult } from './invocations.ts';
