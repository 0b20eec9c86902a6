export { lambdaModule } from './module.ts';
export { functionByArn, findFunction, regionFunctions, functionArn } from './store.ts';
export { ROTATION_TEMPLATES, type RotationTemplate, type LambdaFunction, type FunctionNetwork } from './state.ts';
