import type { ServiceModule } from '../kernel/index.ts';
import type { SsmDeps } from './deps.ts';
import { ssmOperations } from './operations/index.ts';
import { emptySsmState, ssmStateSchema } from './state.ts';

/** Systems Manager, only its Parameter Store part: enough to compare it with Secrets Manager and KMS (lab 14). */
export function createSsmModule(deps: SsmDeps): ServiceModule {
  return {
    name: 'ssm',
    iamPrefix: 'ssm',
    targetPrefix: 'AmazonSSM',
    stateSchema: ssmStateSchema,
    initialState: emptySsmState,
    operations: ssmOperations(deps),
  };
}
