import { ServiceError } from '../errors.ts';

/** AWS Organizations' errors and their texts (Organizations API reference, "Errors" of each operation). */
export const organizationsErrors = {
  notInUse: () => new ServiceError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'),
  alreadyInOrganization: () =>
    new ServiceError('AlreadyInOrganizationException', 'The AWS account is already a member of an organization.'),
  accessDenied: () => new ServiceError('AccessDeniedException', "You don't have permissions to access this resource."),
  parentNotFound: () => new ServiceError('ParentNotFoundException', "We can't find a root or OU with the ParentId that you specified."),
  targetNotFound: () =>
    new ServiceError('TargetNotFoundException', "We can't find a root, OU, account, or email that matches the ID that you specified."),
  accountNotFound: () =>
    new ServiceError(
      'AccountNotFoundException',
      "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.",
    ),
  sourceParentNotFound: () =>
    new ServiceError('SourceParentNotFoundException', "We can't find a source root or OU with the ParentId that you specified."),
  destinationParentNotFound: () =>
    new ServiceError('DestinationParentNotFoundException', "We can't find the destination container (a root or OU) with the ParentId that you specified."),
  duplicateOu: () => new ServiceError('DuplicateOrganizationalUnitException', 'An OU with the same name already exists.'),
  duplicatePolicy: () => new ServiceError('DuplicatePolicyException', 'A policy with the same name already exists.'),
  duplicateAttachment: () =>
    new ServiceError('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.'),
  policyNotAttached: () => new ServiceError('PolicyNotAttachedException', 'The policy isn\'t attached to the specified target in the specified root.'),
  policyNotFound: () => new ServiceError('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified."),
  policyTypeNotEnabled: () =>
    new ServiceError('PolicyTypeNotEnabledException', 'This operation can be performed only for enabled policy types.'),
  policyTypeAlreadyEnabled: () =>
    new ServiceError('PolicyTypeAlreadyEnabledException', 'The specified policy type is already enabled.'),
  malformedPolicy: (detail: string) =>
    new ServiceError(
      'MalformedPolicyDocumentException',
      `The provided policy document doesn't meet the requirements of the specified policy type. ${detail}`.trim(),
    ),
  handshakeNotFound: () => new ServiceError('HandshakeNotFoundException', "We can't find a handshake with the HandshakeId that you specified."),
  invalidHandshakeTransition: () =>
    new ServiceError('InvalidHandshakeTransitionException', "You can't perform the operation on the handshake in its current state."),
  constraintViolation: (message: string) => new ServiceError('ConstraintViolationException', message),
};
