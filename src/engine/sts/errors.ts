import { ServiceError } from '../errors.ts';

/**
 * STS's errors, with the codes of its Query protocol (AccessDenied and ValidationError, no `Exception` suffix) and
 * the texts the service returns. STS's AccessDenied names the action and the role but no policy type.
 */
export const stsErrors = {
  accessDenied: (message: string) => new ServiceError('AccessDenied', message, 403),
  notAuthorized: (principalArn: string, action: string, resourceArn: string) =>
    new ServiceError('AccessDenied', `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resourceArn}`, 403),
  rootCannotAssume: () => new ServiceError('AccessDenied', 'Roles may not be assumed by root accounts.', 403),
  invalidArn: () => new ServiceError('ValidationError', 'Request ARN is invalid'),
  durationOverRoleMax: () => new ServiceError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
  durationOverChainingLimit: () =>
    new ServiceError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'),
  malformedPolicy: (message: string) => new ServiceError('MalformedPolicyDocument', message),
};
