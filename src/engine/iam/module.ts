import type { ServiceModule } from '../kernel/index.ts';
import { emptyIamState, iamStateSchema } from './identity-state.ts';

export const iamModule: ServiceModule = {
  name: 'iam',
  iamPrefix: 'iam',
  targetPrefix: 'IAMService',
  stateSchema: iamStateSchema,
  initialState: emptyIamState,
  operations: [],
};
