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
  accessDeniedMessage: iamAccessDeniedMessage,
};

/**
 * IAM names its own users, groups and roles by type and name in its denials ("... iam:GetRole on resource: role App
 * because ..."), as recorded AWS responses show; the Create operations, whose entity does not exist yet, name the ARN.
 */
export function iamAccessDeniedMessage(message: string, operation: string): string {
  if (operation.startsWith('Create')) return message;
  return message.replace(/ on resource: arn:aws:iam::\d{12}:(user|group|role)\/(?:[^ ]*\/)?([\w+=,.@-]+)( |$)/, ' on resource: $1 $2$3');
}
