import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { replicationStatusOutput } from '../describe.ts';
import { replicaArn } from '../replication.ts';
import { regionSchema, secretIdSchema } from '../schemas.ts';
import type { Secret } from '../state.ts';
import { assertNotReplica, peekRegionSecrets, resolveSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema, removeReplicaRegions: z.array(regionSchema).min(1) });

/** Deletes the replicas in the named regions at once (replicas have no recovery window). */
export function removeRegionsFromReplication(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'RemoveRegionsFromReplication',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = target.resource as Secret;
      assertNotReplica(secret);
      for (const region of request.removeReplicaRegions) {
        const secrets = peekRegionSecrets(ctx.world, secret.accountId, region)?.secrets;
        if (secrets?.[secret.name]?.arn === replicaArn(secret, region)) delete secrets[secret.name];
      }
      secret.replicas = (secret.replicas ?? []).filter((r) => !request.removeReplicaRegions.includes(r.region));
      if (secret.replicas.length === 0) {
        delete secret.replicas;
        delete secret.primaryRegion;
      }
      secret.lastChangedDate = ctx.now;
      return { arn: secret.arn, replicationStatus: replicationStatusOutput(secret) };
    },
  };
}
