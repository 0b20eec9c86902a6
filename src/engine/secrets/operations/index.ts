import type { AnyOperation } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { batchGetSecretValue } from './batch-get-secret-value.ts';
import { cancelRotateSecret } from './cancel-rotate-secret.ts';
import { createSecret } from './create-secret.ts';
import { deleteResourcePolicy } from './delete-resource-policy.ts';
import { deleteSecret } from './delete-secret.ts';
import { describeSecret } from './describe-secret.ts';
import { getRandomPassword } from './get-random-password.ts';
import { getResourcePolicy } from './get-resource-policy.ts';
import { getSecretValue } from './get-secret-value.ts';
import { listSecretVersionIds } from './list-secret-version-ids.ts';
import { listSecrets } from './list-secrets.ts';
import { putResourcePolicy } from './put-resource-policy.ts';
import { putSecretValue } from './put-secret-value.ts';
import { removeRegionsFromReplication } from './remove-regions-from-replication.ts';
import { replicateSecretToRegions } from './replicate-secret-to-regions.ts';
import { restoreSecret } from './restore-secret.ts';
import { rotateSecret } from './rotate-secret.ts';
import { stopReplicationToReplica } from './stop-replication-to-replica.ts';
import { tagResource } from './tag-resource.ts';
import { untagResource } from './untag-resource.ts';
import { updateSecret } from './update-secret.ts';
import { updateSecretVersionStageOperation } from './update-secret-version-stage.ts';
import { validateResourcePolicy } from './validate-resource-policy.ts';

/** Every Secrets Manager operation, one file each (the registry behind docs/coverage.md). */
export function secretsOperations(deps: SecretsDeps): AnyOperation[] {
  return [
    batchGetSecretValue(deps),
    cancelRotateSecret(deps),
    createSecret(deps),
    deleteResourcePolicy(),
    deleteSecret(),
    describeSecret(),
    getRandomPassword(),
    getResourcePolicy(),
    getSecretValue(deps),
    listSecretVersionIds(),
    listSecrets(),
    putResourcePolicy(deps),
    putSecretValue(deps),
    removeRegionsFromReplication(),
    replicateSecretToRegions(deps),
    restoreSecret(),
    rotateSecret(deps),
    stopReplicationToReplica(),
    tagResource(),
    untagResource(),
    updateSecret(deps),
    updateSecretVersionStageOperation(),
    validateResourcePolicy(deps),
  ];
}
