import { ServiceError } from '../errors.ts';

/**
 * Parameter Store's errors with the texts AWS returns where they are recorded (CLI and SDK output quoted in public
 * issues). Texts marked (?) are our best evidence, kept here so a correction is one edit.
 */
export const ssmErrors = {
  // AWS answers ParameterNotFound with an empty message on GetParameter and DeleteParameter.
  parameterNotFound: () => new ServiceError('ParameterNotFound', ''),
  parameterExists: () =>
    new ServiceError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'),
  tagsWithOverwrite: () =>
    new ServiceError(
      'ValidationException',
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    ),
  standardTooLarge: () =>
    new ServiceError(
      'ValidationException',
      'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html',
    ),
  // (?) The advanced-tier text is not recorded; worded like the standard one.
  advancedTooLarge: () =>
    new ServiceError('ValidationException', 'Advanced tier parameters support a maximum parameter value of 8192 characters.'),
  // (?) Text as a third-party emulator words it.
  noDowngrade: () =>
    new ServiceError(
      'ValidationException',
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier.",
    ),
  reservedName: () =>
    new ServiceError(
      'ValidationException',
      'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_',
    ),
  notFullyQualified: () => new ServiceError('ValidationException', 'Parameter name must be a fully qualified name.'),
  // (?) Shortened: AWS's text goes on to point at the naming documentation.
  hierarchyTooDeep: () =>
    new ServiceError('HierarchyLevelLimitExceededException', 'A hierarchy can have a maximum of 15 levels.'),
  invalidPath: () =>
    new ServiceError(
      'ValidationException',
      'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
    ),
  // (?) AWS refuses a KeyId on a String or StringList parameter; the exact text is not recorded.
  keyIdNotSecure: () =>
    new ServiceError('ValidationException', 'KeyId is required for SecureString type parameter only.'),
  // (?) A new parameter without Type.
  typeRequired: () => new ServiceError('ValidationException', 'A parameter type is required when you create a parameter.'),
  invalidKeyId: () => new ServiceError('InvalidKeyId', ''),
  // A /aws/reference/secretsmanager/ name read without WithDecryption (AWS's text, quoted in public SDK output).
  referenceNeedsDecryption: () => new ServiceError('ValidationException', 'WithDecryption flag must be True for retrieving a Secret Manager secret.'),
  // (?) When the caller may not use the key, or the key is disabled, Parameter Store reports the KMS failure as
  // AccessDeniedException naming KMS; wording ours.
  kmsAccessDenied: (detail: string) => new ServiceError('AccessDeniedException', detail),
  invalidNextToken: () => new ServiceError('InvalidNextToken', 'The specified token isn\'t valid.'),
  tooManyTags: () => new ServiceError('TooManyTagsError', 'The Tags array exceeds the limit of 50 tags.'),
};
