import type { ServiceModule } from '../kernel/index.ts';
import { addPermission } from './operations/add-permission.ts';
import { createFunction } from './operations/create-function.ts';
import { deleteFunction } from './operations/delete-function.ts';
import { getFunctionConfiguration } from './operations/get-function-configuration.ts';
import { listFunctions } from './operations/list-functions.ts';
import { updateFunctionConfiguration } from './operations/update-function-configuration.ts';
import { emptyLambdaState, lambdaStateSchema } from './state.ts';

/** The part of AWS Lambda that rotation needs: functions in the world, their configuration and invoke permissions. */
export const lambdaModule: ServiceModule = {
  name: 'lambda',
  iamPrefix: 'lambda',
  targetPrefix: 'AWSLambda',
  stateSchema: lambdaStateSchema,
  initialState: emptyLambdaState,
  operations: [addPermission, createFunction, deleteFunction, getFunctionConfiguration, listFunctions, updateFunctionConfiguration],
};
