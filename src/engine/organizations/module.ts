import type { ServiceModule } from '../kernel/index.ts';
import { organizationsOperations } from './operations/index.ts';
import { emptyOrganizationsState, organizationsStateSchema } from './state.ts';

export const organizationsModule: ServiceModule = {
  name: 'organizations',
  iamPrefix: 'organizations',
  targetPrefix: 'AWSOrganizationsV20161128',
  stateSchema: organizationsStateSchema,
  initialState: emptyOrganizationsState,
  operations: organizationsOperations,
};
