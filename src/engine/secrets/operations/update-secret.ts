import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretsErrors } from '../errors.ts';
import {
  clientRequestTokenSchema,
  descriptionSchema,
  kmsKeyIdSchema,
  SENSITIVE_MEMBERS,
  secretBinarySchema,
  secretIdSchema,
  secretStringSchema,
} from '../schemas.ts';
import { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from '../staging-labels.ts';
import type { EncryptedValue, Secret, SecretVersion } from '../state.ts';
import { resolveSecret, writableSecret } from '../store.ts';
import { assertKeyUsable, openValue, sealValue, valueFromInput } from '../values.ts';
import { addVersion } from '../versioning.ts';

const input = z.object({
  secretId: secretIdSchema,
  clientRequestToken: clientRequestTokenSchema.optional(),
  description: descriptionSchema.optional(),
  kmsKeyId: kmsKeyIdSchema.optional(),
  secretString: secretStringSchema.optional(),
  secretBinary: secretBinarySchema.optional(),
  type: z.string().max(256).optional(),
});

/**
 * Changes metadata and, with a value, adds a version that becomes AWSCURRENT. Only a value creates a version (a
 * description-only update returns no VersionId even though SDKs always send a token). A new KmsKeyId ("" means
 * aws/secretsmanager) re-encrypts the versions labelled AWSCURRENT, AWSPENDING and AWSPREVIOUS.
 */
export function updateSecret(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'UpdateSecret',
    readOnly: false,
    input,
    idempotencyToken: 'clientRequestToken',
    sensitive: SENSITIVE_MEMBERS,
    precheck(raw) {
      if (raw.clientRequestToken === undefined) throw secretsErrors.missingToken('InvalidRequestException');
    },
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      const value = valueFromInput(request);
      if (value && secret.accountId !== ctx.principal.accountId && secret.kmsKeyId === undefined) {
        throw secretsErrors.defaultKeyCrossAccount();
      }
      const oldKeyId = secret.kmsKeyId;
      const newKeyId = request.kmsKeyId === undefined ? oldKeyId : request.kmsKeyId || undefined;
      const keyChanged = newKeyId !== oldKeyId;

      const resealed: [SecretVersion, EncryptedValue][] = [];
      if (keyChanged) {
        const rekeyed: Secret = { ...secret, kmsKeyId: newKeyId };
        if (newKeyId === undefined) delete rekeyed.kmsKeyId;
        assertKeyUsable(ctx, deps.kms, rekeyed);
        for (const version of Object.values(secret.versions)) {
          const labelled = version.stages.some((s) => s === AWSCURRENT || s === AWSPENDING || s === AWSPREVIOUS);
          if (labelled && version.value) {
            resealed.push([version, sealValue(ctx, deps.kms, rekeyed, version.versionId, openValue(ctx, deps.kms, secret, version))]);
          }
        }
      }

      let versionId: string | undefined;
      if (value) {
        setKey(secret, newKeyId);
        try {
          versionId = addVersion(ctx, deps, secret, request.clientRequestToken!, value, undefined).version.versionId;
        } catch (error) {
          setKey(secret, oldKeyId);
          throw error;
        }
      }
      setKey(secret, newKeyId);
      for (const [version, sealed] of resealed) {
        version.value = sealed;
        if (newKeyId === undefined) delete version.kmsKeyId;
        else version.kmsKeyId = newKeyId;
      }
      if (request.description !== undefined) {
        if (request.description) secret.description = request.description;
        else delete secret.description;
      }
      if (request.type !== undefined) secret.type = request.type;
      if (keyChanged || request.description !== undefined || request.type !== undefined) secret.lastChangedDate = ctx.now;
      return { arn: secret.arn, name: secret.name, ...(versionId ? { versionId } : {}) };
    },
  };
}

function setKey(secret: Secret, kmsKeyId: string | undefined): void {
  if (kmsKeyId === undefined) delete secret.kmsKeyId;
  else secret.kmsKeyId = kmsKeyId;
}
