import type { AnyOperation } from '../../kernel/index.ts';
import { cancelKeyDeletion } from './cancel-key-deletion.ts';
import { createAlias } from './create-alias.ts';
import { createKey } from './create-key.ts';
import { decrypt } from './decrypt.ts';
import { deleteAlias } from './delete-alias.ts';
import { describeKey } from './describe-key.ts';
import { disableKey } from './disable-key.ts';
import { disableKeyRotation } from './disable-key-rotation.ts';
import { enableKey } from './enable-key.ts';
import { enableKeyRotation } from './enable-key-rotation.ts';
import { encrypt } from './encrypt.ts';
import { generateDataKey } from './generate-data-key.ts';
import { generateDataKeyWithoutPlaintext } from './generate-data-key-without-plaintext.ts';
import { getKeyPolicy } from './get-key-policy.ts';
import { getKeyRotationStatus } from './get-key-rotation-status.ts';
import { listAliases } from './list-aliases.ts';
import { listKeyPolicies } from './list-key-policies.ts';
import { listKeys } from './list-keys.ts';
import { listResourceTags } from './list-resource-tags.ts';
import { listKeyRotations } from './list-key-rotations.ts';
import { putKeyPolicy } from './put-key-policy.ts';
import { rotateKeyOnDemand } from './rotate-key-on-demand.ts';
import { scheduleKeyDeletion } from './schedule-key-deletion.ts';
import { tagResource } from './tag-resource.ts';
import { untagResource } from './untag-resource.ts';
import { updateAlias } from './update-alias.ts';
import { updateKeyDescription } from './update-key-description.ts';

/** The KMS operations the simulator implements, one file each. */
export const kmsOperations: readonly AnyOperation[] = [
  createKey,
  describeKey,
  listKeys,
  updateKeyDescription,
  createAlias,
  deleteAlias,
  updateAlias,
  listAliases,
  enableKey,
  disableKey,
  scheduleKeyDeletion,
  cancelKeyDeletion,
  getKeyPolicy,
  putKeyPolicy,
  listKeyPolicies,
  enableKeyRotation,
  disableKeyRotation,
  getKeyRotationStatus,
  rotateKeyOnDemand,
  listKeyRotations,
  generateDataKey,
  generateDataKeyWithoutPlaintext,
  encrypt,
  decrypt,
  tagResource,
  untagResource,
  listResourceTags,
];
