import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { arnSuffix } from '../../ids/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretsErrors } from '../errors.ts';
import { replicateToRegions } from '../replication.ts';
import { replicationStatusOutput } from '../describe.ts';
import {
  clientRequestTokenSchema,
  descriptionSchema,
  kmsKeyIdSchema,
  replicaRegionSchema,
  SENSITIVE_MEMBERS,
  secretBinarySchema,
  secretStringSchema,
  tagListSchema,
} from '../schemas.ts';
import { labelNewVersion } from '../staging-labels.ts';
import type { Secret } from '../state.ts';
import { findSecret, regionSecrets, SECRET_NAME_PATTERN, secretArn } from '../store.ts';
import { assertKeyUsable, openValue, sameValue, sealValue, valueFromInput } from '../values.ts';
import { assertTags } from '../tags.ts';

const input = z.object({
  name: z.string().min(1).max(512),
  clientRequestToken: clientRequestTokenSchema.optional(),
  description: descriptionSchema.optional(),
  kmsKeyId: kmsKeyIdSchema.optional(),
  secretString: secretStringSchema.optional(),
  secretBinary: secretBinarySchema.optional(),
  tags: tagListSchema.optional(),
  addReplicaRegions: z.array(replicaRegionSchema).min(1).optional(),
  forceOverwriteReplicaSecret: z.boolean().optional(),
  type: z.string().max(256).optional(),
});

export function createSecret(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'CreateSecret',
    readOnly: false,
    input,
    idempotencyToken: 'clientRequestToken',
    sensitive: SENSITIVE_MEMBERS,
    precheck(raw) {
      // Checked before anything else, even before the name is looked up (recorded against AWS).
      if (raw.clientRequestToken === undefined) throw secretsErrors.missingToken('InvalidRequestException');
    },
    resolve(ctx, { name, tags }) {
      if (!SECRET_NAME_PATTERN.test(name)) throw secretsErrors.invalidName();
      const existing = findSecret(ctx.world, name, ctx.principal.accountId, ctx.region);
      return {
        resourceArn: existing?.arn ?? `arn:aws:secretsmanager:${ctx.region}:${ctx.principal.accountId}:secret:${name}`,
        resourceAccountId: ctx.principal.accountId,
        context: Object.fromEntries((tags ?? []).map((t) => [`aws:RequestTag/${t.key}`, t.value])),
      };
    },
    execute(ctx, request) {
      const accountId = ctx.principal.accountId;
      const value = valueFromInput(request);
      const existing = findSecret(ctx.world, request.name, accountId, ctx.region);
      if (existing) {
        if (existing.deletedDate !== undefined) throw secretsErrors.nameScheduledForDeletion();
        const sameToken = request.clientRequestToken ? existing.versions[request.clientRequestToken] : undefined;
        if (sameToken) {
          // A retry with the same token and value answers as the first call did (idempotency).
          if (value && sameToken.value && sameValue(openValue(ctx, deps.kms, existing, sameToken), value)) {
            return { arn: existing.arn, name: existing.name, versionId: sameToken.versionId };
          }
          throw secretsErrors.tokenInUse(sameToken.versionId, existing.arn);
        }
        throw secretsErrors.secretExists(request.name);
      }
      if (request.tags) assertTags(request.tags);
      for (const replica of request.addReplicaRegions ?? []) {
        if (replica.region === ctx.region || !ctx.world.regions.includes(replica.region)) throw secretsErrors.invalidReplicaRegion();
      }

      const arn = secretArn(ctx.region, accountId, request.name, arnSuffix(ctx.rng));
      const kmsKeyId = request.kmsKeyId ? request.kmsKeyId : undefined;
      const secret: Secret = {
        arn,
        name: request.name,
        accountId,
        region: ctx.region,
        ...(request.description ? { description: request.description } : {}),
        ...(kmsKeyId ? { kmsKeyId } : {}),
        createdDate: ctx.now,
        lastChangedDate: ctx.now,
        ...(request.tags?.length ? { tags: request.tags.map((t) => ({ ...t })) } : {}),
        versions: {},
        ...(request.type ? { type: request.type } : {}),
      };
      let versionId: string | undefined;
      if (value) {
        versionId = request.clientRequestToken!;
        const sealed = sealValue(ctx, deps.kms, secret, versionId, value);
        const version = { versionId, createdDate: ctx.now, stages: [], value: sealed, ...(kmsKeyId ? { kmsKeyId } : {}) };
        secret.versions[versionId] = version;
        labelNewVersion(secret, version, undefined);
      } else {
        assertKeyUsable(ctx, deps.kms, secret);
      }
      regionSecrets(ctx.world, accountId, ctx.region).secrets[secret.name] = secret;
      if (request.addReplicaRegions) replicateToRegions(ctx, deps, secret, request.addReplicaRegions, request.forceOverwriteReplicaSecret ?? false);
      return {
        arn,
        name: secret.name,
        ...(versionId ? { versionId } : {}),
        ...(request.addReplicaRegions ? { replicationStatus: replicationStatusOutput(secret) } : {}),
      };
    },
  };
}
