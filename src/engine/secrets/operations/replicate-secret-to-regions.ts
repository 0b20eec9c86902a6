import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { replicationStatusOutput } from '../describe.ts';
import { secretsErrors } from '../errors.ts';
import { replicateToRegions } from '../replication.ts';
import { replicaRegionSchema, secretIdSchema } from '../schemas.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({
  secretId: secretIdSchema,
  addReplicaRegions: z.array(replicaRegionSchema).min(1),
  forceOverwriteReplicaSecret: z.boolean().optional(),
});

/** Adds read-only replicas in other regions; a name clash there fails that replica unless overwrite is forced. */
export function replicateSecretToRegions(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'ReplicateSecretToRegions',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      for (const replica of request.addReplicaRegions) {
        if (replica.region === secret.region || !ctx.world.regions.includes(replica.region)) throw secretsErrors.invalidReplicaRegion();
      }
      replicateToRegions(ctx, deps, secret, request.addReplicaRegions, request.forceOverwriteReplicaSecret ?? false);
      secret.lastChangedDate = ctx.now;
      return { arn: secret.arn, replicationStatus: replicationStatusOutput(secret) };
    },
  };
}
