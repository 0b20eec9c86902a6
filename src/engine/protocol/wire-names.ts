/**
 * What the AWS JSON 1.1 wire and the engine's domain objects disagree on, per service. The general rule is
 * mechanical (the domain name is the wire name with its first letter lower-cased, as in AWS's own validation
 * messages: `SecretId` -> `secretId`); these tables hold everything the rule does not cover.
 */

/** The services the endpoint speaks AWS JSON 1.1 to, by the engine's module name. */
export type WireService = 'secretsmanager' | 'kms' | 'cloudtrail' | 'ssm' | 'events';

/** The services the endpoint speaks the AWS Query protocol to (form-encoded requests, XML responses). */
export type QueryService = 'iam' | 'sts';

/** Every service with a wire form, whichever protocol it speaks. */
export type ProtocolService = WireService | QueryService;

/**
 * Wire names whose domain name is not "first letter lower-cased". Keyed by domain name. The same domain name can be
 * spelled differently by two services: Secrets Manager says `ARN` (CreateSecret, DescribeSecret...), KMS says `Arn`
 * (KeyMetadata) and `KeyArn`/`AliasArn`, which the general rule already handles.
 */
export const WIRE_NAME_EXCEPTIONS: Record<ProtocolService, Readonly<Record<string, string>>> = {
  secretsmanager: {
    arn: 'ARN',
  },
  kms: {
    // KeyMetadata.AWSAccountId: lower-casing one letter would give `aWSAccountId`.
    awsAccountId: 'AWSAccountId',
  },
  // CloudTrail's LookupEvents members all follow the rule (EventId, Username, CloudTrailEvent, NextToken...).
  cloudtrail: {},
  // Parameter Store spells the parameter's ARN in capitals (Parameter.ARN), like Secrets Manager.
  ssm: {
    arn: 'ARN',
  },
  // EventBridge says `Arn` (Rule.Arn, Target.Arn) and `RuleArn`, which the general rule gives. A Target's ECS
  // parameters keep ECS's own lower-case member names (the engine ignores them; the codec still maps them right).
  events: {
    awsvpcConfiguration: 'awsvpcConfiguration',
    capacityProvider: 'capacityProvider',
    weight: 'weight',
    base: 'base',
    type: 'type',
    expression: 'expression',
    field: 'field',
  },
  // Every IAM and STS member the engine implements follows the rule (checked against the model in
  // test/endpoint/query-model.test.ts). STS's PolicyDescriptorType spells its one member `arn` in lower case; it is
  // input only, and lower-casing the first letter of `arn` leaves it as it is.
  iam: {},
  sts: {},
};

/**
 * Members typed as maps in the AWS models: their keys are data (version ids, encryption-context keys), not member
 * names, so they cross the wire unchanged. Keyed by the domain name of the member holding the map.
 */
export const MAP_MEMBERS: ReadonlySet<string> = new Set([
  // Secrets Manager: DescribeSecret.VersionIdsToStages, ListSecrets SecretListEntry.SecretVersionsToStages.
  'versionIdsToStages',
  'secretVersionsToStages',
  // KMS: Encrypt/Decrypt/GenerateDataKey*/ReEncrypt EncryptionContext, ReEncrypt source/destination contexts,
  // CreateGrant Constraints.
  'encryptionContext',
  'sourceEncryptionContext',
  'destinationEncryptionContext',
  'encryptionContextSubset',
  'encryptionContextEquals',
  // EventBridge: a Target's InputTransformer.InputPathsMap and HttpParameters' header and query-string maps.
  'inputPathsMap',
  'headerParameters',
  'queryStringParameters',
]);

/**
 * Blob members (base64 on the wire, Uint8Array in the domain), by domain name. On input they must be named, because
 * a base64 string cannot be told from any other string; on output every Uint8Array is encoded, whatever its name.
 * Per service because KMS's Sign/Verify/GenerateMac `Message` is a blob while elsewhere `Message` is text.
 */
export const BLOB_MEMBERS: Record<WireService, ReadonlySet<string>> = {
  secretsmanager: new Set(['secretBinary']),
  kms: new Set([
    'plaintext',
    'ciphertextBlob',
    'ciphertextForRecipient',
    'attestationDocument',
    'publicKey',
    'signature',
    'message',
    'mac',
    'encryptedKeyMaterial',
    'importToken',
    'sharedSecret',
  ]),
  cloudtrail: new Set(),
  ssm: new Set(),
  events: new Set(),
};

/**
 * Timestamp members that do not end in `Date` (epoch seconds on the wire, epoch milliseconds in the domain). Every
 * member whose name ends in `Date` is a timestamp in both models (CreatedDate, DeletionDate, NextRotationDate...).
 */
export const EXTRA_DATE_MEMBERS: ReadonlySet<string> = new Set([
  'validTo',
  'parametersValidTo',
  // CloudTrail LookupEvents: StartTime and EndTime in, Events[].EventTime out (Timestamp shapes in the model).
  'startTime',
  'endTime',
  'eventTime',
]);

export function isDateMember(domainName: string): boolean {
  return domainName.endsWith('Date') || EXTRA_DATE_MEMBERS.has(domainName);
}
