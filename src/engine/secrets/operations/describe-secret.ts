import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { replicationStatusOutput, stagesOf, writeMetadata, type SecretMetadata } from '../describe.ts';
import { secretIdSchema } from '../schemas.ts';
import type { Secret } from '../state.ts';
import { resolveSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema });

interface DescribeSecretOutput extends SecretMetadata {
  versionIdsToStages?: Record<string, string[]>;
  replicationStatus?: ReturnType<typeof replicationStatusOutput>;
}

/** Metadata only, never the value; works on a secret scheduled for deletion (it then shows DeletedDate). */
export function describeSecret(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'DescribeSecret',
    readOnly: true,
    input,
    resolve: resolveSecret,
    execute(_ctx, _request, target) {
      const secret = target.resource as Secret;
      const output: DescribeSecretOutput = writeMetadata(secret, {} as DescribeSecretOutput);
      const stagesByVersion = stagesOf(secret);
      if (stagesByVersion) output.versionIdsToStages = stagesByVersion;
      if (secret.replicas) output.replicationStatus = replicationStatusOutput(secret);
      return output;
    },
  };
}
