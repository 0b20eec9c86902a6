import { ServiceError } from '../errors.ts';

/**
 * Secrets Manager's errors, with the exact texts the real service returns where they are known
 * (reference/secretsmanager-api.md cites a recording for each). Texts marked (?) in the reference are our best
 * evidence and are kept here, in one place, so a correction is one edit.
 */
export const secretsErrors = {
  secretNotFound: () => new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  // No trailing period: AWS's own text has none.
  stageNotFound: (stage: string) =>
    new ServiceError(
      'ResourceNotFoundException',
      `Secrets Manager can't find the specified secret value for staging label: ${stage}`,
    ),
  versionNotFound: (versionId: string) =>
    new ServiceError(
      'ResourceNotFoundException',
      `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`,
    ),
  stageVersionMismatch: () =>
    new ServiceError(
      'InvalidRequestException',
      'You provided a VersionStage that is not associated to the provided VersionId.',
    ),
  invalidName: () =>
    new ServiceError(
      'ValidationException',
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    ),
  secretExists: (name: string) =>
    new ServiceError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`),
  tokenInUse: (token: string, arn: string) =>
    new ServiceError(
      'ResourceExistsException',
      `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`,
    ),
  nameScheduledForDeletion: () =>
    new ServiceError(
      'InvalidRequestException',
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    ),
  markedForDeletion: () =>
    new ServiceError(
      'InvalidRequestException',
      "You can't perform this operation on the secret because it was marked for deletion.",
    ),
  missingToken: (code: 'InvalidRequestException' | 'InvalidParameterException') =>
    new ServiceError(code, 'You must provide a ClientRequestToken value. We recommend a UUID-type value.'),
  bothValues: () =>
    new ServiceError(
      'InvalidParameterException',
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    ),
  noValue: () => new ServiceError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.'),
  recoveryWindowRange: () =>
    new ServiceError(
      'InvalidParameterException',
      'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    ),
  forceWithWindow: () =>
    new ServiceError(
      'InvalidParameterException',
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    ),
  removeFromRequired: (stage: string, currentVersionId: string) =>
    new ServiceError(
      'InvalidParameterException',
      `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${currentVersionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
    ),
  // Text as a third-party emulator reproduces it; not confirmed against AWS (reference §6 lists it as open).
  removeFromMismatch: (stage: string, _versionId: string) =>
    new ServiceError(
      'InvalidParameterException',
      `When you move staging label ${stage}, if you specify RemoveFromVersionId, it must be set to the version that currently has the staging label ${stage}.`,
    ),
  labelQuota: () =>
    new ServiceError(
      'LimitExceededException',
      'A secret can have at most 20 staging labels attached across all of its versions.',
    ),
  versionQuota: () =>
    new ServiceError(
      'LimitExceededException',
      'You have exceeded the maximum number of versions for this secret. Secrets Manager removes versions without staging labels after 24 hours; try again later.',
    ),
  defaultKeyCrossAccount: () =>
    new ServiceError(
      'InvalidRequestException',
      "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.",
    ),
  cannotInvokeLambda: () =>
    new ServiceError(
      'AccessDeniedException',
      'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.',
    ),
  kmsAccessDenied: () => new ServiceError('AccessDeniedException', 'Access to KMS is not allowed'),
  encryptionFailure: (kmsError: ServiceError, requestId: string) =>
    new ServiceError(
      'EncryptionFailure',
      `Secrets Manager can't encrypt the secret value: ${kmsError.message} (Service: AWSKMS; Status Code: 400; Error Code: ${kmsError.code}; Request ID: ${requestId}; Proxy: null)`,
    ),
  decryptionFailure: () =>
    new ServiceError(
      'DecryptionFailure',
      "Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
    ),
  replicaReadOnly: () =>
    new ServiceError(
      'InvalidRequestException',
      "Operation not permitted on a replica secret. Call must be made in primary secret's region.",
    ),
  hasReplicas: (id: string, regions: string[]) =>
    new ServiceError(
      'InvalidParameterException',
      `You can't delete secret ${id} that still has replica regions [${regions.join(',')}]`,
    ),
  invalidReplicaRegion: () => new ServiceError('InvalidParameterException', 'Invalid replica region.'),
  noRotationLambda: () =>
    new ServiceError('InvalidRequestException', 'No Lambda rotation function ARN is associated with this secret.'),
  invalidParameter: (message: string) => new ServiceError('InvalidParameterException', message),
  invalidRequest: (message: string) => new ServiceError('InvalidRequestException', message),
  invalidNextToken: () => new ServiceError('InvalidNextTokenException', 'The NextToken value is not valid.'),
  malformedPolicy: (message: string) => new ServiceError('MalformedPolicyDocumentException', message),
  publicPolicy: () =>
    new ServiceError(
      'PublicPolicyException',
      'BlockPublicPolicy is set to true, and the resource policy that you provided grants broad access to the secret.',
    ),
};
