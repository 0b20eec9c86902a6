import { ServiceError } from '../errors.ts';

/**
 * IAM's errors, with the codes of its Query protocol (no `Exception` suffix) and the texts the service returns, as
 * recorded by the AWS CLI and SDK users and mirrored by moto. HTTP statuses: NoSuchEntity 404, EntityAlreadyExists /
 * DeleteConflict / LimitExceeded 409, the rest 400.
 */
export const iamErrors = {
  noSuchUser: (userName: string) => new ServiceError('NoSuchEntity', `The user with name ${userName} cannot be found.`, 404),
  noSuchRole: (roleName: string) => new ServiceError('NoSuchEntity', `The role with name ${roleName} cannot be found.`, 404),
  noSuchGroup: (groupName: string) => new ServiceError('NoSuchEntity', `The group with name ${groupName} cannot be found.`, 404),
  noSuchAccessKey: (accessKeyId: string) =>
    new ServiceError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, 404),
  /** Attaching (or using as a boundary) a policy ARN that names no managed policy. */
  notAttachable: (policyArn: string) =>
    new ServiceError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`, 404),
  /** GetPolicy, DeletePolicy, CreatePolicyVersion on a missing policy; Detach* of a policy that is not attached. */
  policyNotFound: (policyArn: string) => new ServiceError('NoSuchEntity', `Policy ${policyArn} was not found.`, 404),
  policyVersionNotFound: (policyArn: string, versionId: string) =>
    new ServiceError('NoSuchEntity', `Policy ${policyArn} version ${versionId} does not exist or is not attachable.`, 404),
  noSuchInlinePolicy: (owner: 'user' | 'role' | 'group', policyName: string) =>
    new ServiceError('NoSuchEntity', `The ${owner} policy with name ${policyName} cannot be found.`, 404),
  userExists: (userName: string) => new ServiceError('EntityAlreadyExists', `User with name ${userName} already exists.`, 409),
  roleExists: (roleName: string) => new ServiceError('EntityAlreadyExists', `Role with name ${roleName} already exists.`, 409),
  groupExists: (groupName: string) => new ServiceError('EntityAlreadyExists', `Group with name ${groupName} already exists.`, 409),
  policyExists: (policyName: string) =>
    new ServiceError('EntityAlreadyExists', `A policy called ${policyName} already exists. Duplicate names are not allowed.`, 409),
  malformedPolicy: (message: string) => new ServiceError('MalformedPolicyDocument', message),
  limitExceeded: (message: string) => new ServiceError('LimitExceeded', message, 409),
  quota: (quotaName: string, value: number) => new ServiceError('LimitExceeded', `Cannot exceed quota for ${quotaName}: ${value}`, 409),
  deleteConflict: (message: string) => new ServiceError('DeleteConflict', message, 409),
  invalidInput: (message: string) => new ServiceError('InvalidInput', message),
  validation: (message: string) => new ServiceError('ValidationError', message),
  /** AWS managed policies belong to AWS: they cannot be deleted or given new versions. */
  unmodifiable: (policyArn: string) =>
    new ServiceError('UnmodifiableEntity', `Cannot perform the operation on the AWS managed policy ${policyArn}.`),
  invalidMarker: () => new ServiceError('InvalidInput', 'Invalid Marker.'),
};
