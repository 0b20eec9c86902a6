/**
 * KMS wire names that the protocol's general rule (domain name = wire name with its first letter lower-cased) does
 * not produce, keyed by domain name. KeyMetadata's `Arn`, `KeyArn` and `AliasArn` follow the rule; only
 * `AWSAccountId` does not (lower-casing one letter would give `aWSAccountId`).
 */
export const kmsWireNameExceptions: Readonly<Record<string, string>> = {
  awsAccountId: 'AWSAccountId',
};
