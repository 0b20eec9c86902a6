import { ServiceError } from '../errors.ts';

/**
 * KMS's errors with the texts the real service returns (see reference/secretsmanager-api.md §2.8 and the KMS
 * developer guide's key-state table, which quotes the state messages). Texts marked (?) in the report are the best
 * evidence found (moto, LocalStack, local-kms, issue threads), not confirmed against the live service.
 */
export const kmsErrors = {
  notFound: (message: string) => new ServiceError('NotFoundException', message),
  keyNotFound: (keyArnOrId: string) => new ServiceError('NotFoundException', `Key '${keyArnOrId}' does not exist`),
  aliasNotFound: (aliasArn: string) => new ServiceError('NotFoundException', `Alias ${aliasArn} is not found.`),
  /** A KeyId that is neither a key id (UUID), a key ARN, an alias name nor an alias ARN. */
  invalidKeyId: (keyRef: string) => new ServiceError('NotFoundException', `Invalid keyId ${keyRef}`),
  /** A key ARN from another Region: KMS keys are regional and the endpoint only knows its own Region's keys. */
  invalidArnRegion: (region: string) => new ServiceError('NotFoundException', `Invalid arn ${region}`),
  disabled: (keyArn: string) => new ServiceError('DisabledException', `${keyArn} is disabled.`),
  invalidState: (message: string) => new ServiceError('KMSInvalidStateException', message),
  pendingDeletion: (keyArn: string) => new ServiceError('KMSInvalidStateException', `${keyArn} is pending deletion.`),
  notPendingDeletion: (keyArn: string) =>
    new ServiceError('KMSInvalidStateException', `${keyArn} is not pending deletion.`),
  invalidCiphertext: () => new ServiceError('InvalidCiphertextException', ''),
  incorrectKey: () =>
    new ServiceError(
      'IncorrectKeyException',
      'The key ID in the request does not identify a CMK that can perform this operation.',
    ),
  invalidKeyUsage: (message: string) => new ServiceError('InvalidKeyUsageException', message),
  alreadyExists: (aliasArn: string) =>
    new ServiceError('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`),
  invalidAliasName: (message: string) => new ServiceError('InvalidAliasNameException', message),
  aliasPrefix: () =>
    new ServiceError(
      'ValidationException',
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    ),
  aliasTargetIsAlias: () => new ServiceError('ValidationException', 'Aliases must refer to keys. Not aliases'),
  /** The alias/aws/ prefix belongs to AWS managed keys; KMS answers with a bare NotAuthorizedException. */
  reservedAlias: () => new ServiceError('NotAuthorizedException', ''),
  malformedPolicy: (message: string) => new ServiceError('MalformedPolicyDocumentException', message),
  invalidPrincipals: () =>
    new ServiceError('MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.'),
  policyLockout: () =>
    new ServiceError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    ),
  policyNotFound: () => new ServiceError('NotFoundException', 'No such policy exists'),
  validation: (message: string) => new ServiceError('ValidationException', message),
  dataKeySize: () => new ServiceError('ValidationException', 'Please specify either number of bytes or key spec.'),
  notAuthorized: (message: string) => new ServiceError('NotAuthorizedException', message),
  unsupportedOperation: (message: string) => new ServiceError('UnsupportedOperationException', message),
  invalidArn: (message: string) => new ServiceError('InvalidArnException', message),
  invalidMarker: () =>
    new ServiceError('InvalidMarkerException', 'The marker that specifies where pagination should next begin is not valid.'),
  tag: (message: string) => new ServiceError('TagException', message),
  limitExceeded: (message: string) => new ServiceError('LimitExceededException', message),
  dryRun: () =>
    new ServiceError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.'),
  /** What the key policy's refusal looks like (an AWS managed key's policy allows only use through its service). */
  keyPolicyDenied: (principalArn: string, action: string, keyArn: string) =>
    new ServiceError(
      'AccessDeniedException',
      `User: ${principalArn} is not authorized to perform: ${action} on resource: ${keyArn} because no resource-based policy allows the ${action} action`,
    ),
};
