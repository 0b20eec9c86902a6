import type { ServiceModule } from '../kernel/index.ts';
import { emptyTargetsState, targetsStateSchema } from './state.ts';

/**
 * What rotation touches: simulated databases and the applications that read a secret to log in to them. Not an
 * AWS API: the learner builds them through the engine's simulator controls (index.ts), so the module has no
 * operations, only its slice of the world.
 */
export const targetsModule: ServiceModule = {
  name: 'targets',
  iamPrefix: 'secretslab',
  targetPrefix: 'SecretsLabTargets',
  stateSchema: targetsStateSchema,
  initialState: emptyTargetsState,
  operations: [],
};
