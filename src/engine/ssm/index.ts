export { createSsmModule } from './module.ts';
export type { SsmDeps } from './deps.ts';
export { ssmState, findParameter } from './store.ts';
export { STANDARD_MAX, ADVANCED_MAX } from './operations/put-parameter.ts';
export type { Parameter, ParameterTier, ParameterType, SsmState } from './state.ts';
export { advancedParameterSpans, ADVANCED_INTERACTIONS_METER } from './billing.ts';
