import type { ServiceModule } from '../kernel/index.ts';
import { emptyKmsState, kmsStateSchema } from './state.ts';
import { kmsOperations } from './operations/index.ts';
import { kmsTaskHandlers } from './tasks.ts';

export const kmsModule: ServiceModule = {
  name: 'kms',
  iamPrefix: 'kms',
  targetPrefix: 'TrentService',
  stateSchema: kmsStateSchema,
  initialState: emptyKmsState,
  operations: kmsOperations,
  taskHandlers: kmsTaskHandlers,
};
