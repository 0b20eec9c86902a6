import type { KmsKey } from './state.ts';

/** KeyMetadata as DescribeKey, CreateKey and ListKeys' neighbours return it (domain names; see wire-names.ts). */
export interface KeyMetadata {
  awsAccountId: string;
  keyId: string;
  arn: string;
  creationDate: number;
  enabled: boolean;
  description: string;
  keyUsage: 'ENCRYPT_DECRYPT';
  keyState: KmsKey['keyState'];
  deletionDate?: number;
  origin: 'AWS_KMS';
  keyManager: KmsKey['keyManager'];
  customerMasterKeySpec: 'SYMMETRIC_DEFAULT';
  keySpec: 'SYMMETRIC_DEFAULT';
  encryptionAlgorithms: ['SYMMETRIC_DEFAULT'];
  multiRegion: false;
}

/**
 * The simulator models symmetric encryption keys with AWS-generated material in one Region, which is what Secrets
 * Manager accepts. `Enabled` is true only in the Enabled state; `DeletionDate` appears only while the key is pending
 * deletion. `PendingDeletionWindowInDays` belongs to multi-Region primaries in PendingReplicaDeletion, so it is
 * never shown here.
 */
export function keyMetadata(key: KmsKey): KeyMetadata {
  return {
    awsAccountId: key.accountId,
    keyId: key.keyId,
    arn: key.arn,
    creationDate: key.creationDate,
    enabled: key.keyState === 'Enabled',
    description: key.description,
    keyUsage: 'ENCRYPT_DECRYPT',
    keyState: key.keyState,
    ...(key.keyState === 'PendingDeletion' && key.deletionDate !== undefined ? { deletionDate: key.deletionDate } : {}),
    origin: 'AWS_KMS',
    keyManager: key.keyManager,
    customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    keySpec: 'SYMMETRIC_DEFAULT',
    encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    multiRegion: false,
  };
}
