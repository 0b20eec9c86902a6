import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretsErrors } from '../errors.ts';
import { secretIdSchema } from '../schemas.ts';
import type { Secret } from '../state.ts';
import { isReplica, peekRegionSecrets, resolveSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema });

/**
 * Promotes a replica to a standalone secret (disaster recovery). It is called in the replica's region; the old
 * primary stops listing that region.
 */
export function stopReplicationToReplica(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'StopReplicationToReplica',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, _request, target) {
      const replica = target.resource as Secret;
      if (!isReplica(replica)) throw secretsErrors.invalidRequest('The secret is not a replica secret.');
      const primary = peekRegionSecrets(ctx.world, replica.accountId, replica.primaryRegion!)?.secrets[replica.name];
      if (primary?.replicas) {
        primary.replicas = primary.replicas.filter((r) => r.region !== replica.region);
        if (primary.replicas.length === 0) {
          delete primary.replicas;
          delete primary.primaryRegion;
        }
        primary.lastChangedDate = ctx.now;
      }
      delete replica.primaryRegion;
      replica.lastChangedDate = ctx.now;
      return { arn: replica.arn };
    },
  };
}
