import type { ServiceModule } from '../kernel/index.ts';
import { emptyIamState, iamStateSchema } from './identity-state.ts';
import { iamOperations } from './operations/index.ts';

/**
 * IAM: a global service (one set of users, groups, roles and policies per account, whatever the Region). It speaks
 * the Query protocol, whose error codes carry no `Exception` suffix: ValidationError, AccessDenied, ...
 */
export const iamModule: ServiceModule = {
  name: 'iam',
  iamPrefix: 'iam',
  targetPrefix: 'IAMService',
  stateSchema: iamStateSchema,
  initialState: emptyIamState,
  operations: iamOperations,
  errorCodes: { validation: 'ValidationError', accessDenied: 'AccessDenied', unrecognizedClient: 'InvalidClientTokenId', expiredToken: 'ExpiredToken' },
};
