import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SsmDeps } from '../deps.ts';
import { ssmErrors } from '../errors.ts';
import { descriptionSchema, keyIdSchema, parameterNameSchema, parameterTierSchema, parameterTypeSchema, SENSITIVE, tagSchema } from '../schemas.ts';
import type { Parameter, ParameterTier } from '../state.ts';
import { meterAdvancedInteraction } from '../billing.ts';
import { assertValidName, findParameter, parameterArn, regionParameters, requestedArn } from '../store.ts';
import { sealSecureString } from '../values.ts';

/** Value limits per tier, in characters (Parameter Store's tier table: 4 KB standard, 8 KB advanced). */
export const STANDARD_MAX = 4096;
export const ADVANCED_MAX = 8192;
const MAX_TAGS = 50;

const input = z.object({
  name: parameterNameSchema,
  description: descriptionSchema.optional(),
  // The API model allows up to 32768; the tier limits below are what AWS enforces on top of it.
  value: z.string().max(32768),
  type: parameterTypeSchema.optional(),
  keyId: keyIdSchema.optional(),
  overwrite: z.boolean().optional(),
  tags: z.array(tagSchema).optional(),
  tier: parameterTierSchema.optional(),
  dataType: z.literal('text').optional(),
});

/**
 * The tier a write lands in. Intelligent-Tiering picks Standard while the value fits and Advanced otherwise; a
 * parameter that is Advanced stays Advanced (AWS never downgrades: the value could be truncated).
 */
function chooseTier(requested: z.infer<typeof parameterTierSchema> | undefined, length: number, existing: Parameter | undefined): ParameterTier {
  const wasAdvanced = existing?.tier === 'Advanced';
  if (requested === 'Intelligent-Tiering') return wasAdvanced || length > STANDARD_MAX ? 'Advanced' : 'Standard';
  if (requested === 'Advanced') return 'Advanced';
  if (requested === 'Standard') {
    if (wasAdvanced) throw ssmErrors.noDowngrade();
    return 'Standard';
  }
  // No tier named: an existing parameter keeps its own; a new one is Standard (the account default).
  return existing?.tier ?? 'Standard';
}

export function putParameter(deps: SsmDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'ssm',
    name: 'PutParameter',
    readOnly: false,
    input,
    sensitive: SENSITIVE,
    resolve(ctx, { name, tags }) {
      return {
        resourceArn: requestedArn(ctx, name),
        resourceAccountId: ctx.principal.accountId,
        context: Object.fromEntries((tags ?? []).map((t) => [`aws:RequestTag/${t.key}`, t.value])),
      };
    },
    execute(ctx, request) {
      assertValidName(request.name);
      if (request.tags?.length && request.overwrite) throw ssmErrors.tagsWithOverwrite();
      if ((request.tags?.length ?? 0) > MAX_TAGS) throw ssmErrors.tooManyTags();
      const existing = findParameter(ctx, request.name);
      if (existing && !request.overwrite) throw ssmErrors.parameterExists();
      // The type is required for a new parameter; an overwrite may leave it out and keep the old one.
      const type = request.type ?? existing?.type;
      if (!type) throw ssmErrors.typeRequired();
      if (request.keyId && type !== 'SecureString') throw ssmErrors.keyIdNotSecure();
      const tier = chooseTier(request.tier, request.value.length, existing);
      if (tier === 'Standard' && request.value.length > STANDARD_MAX) throw ssmErrors.standardTooLarge();
      if (request.value.length > ADVANCED_MAX) throw ssmErrors.advancedTooLarge();

      const name = existing?.name ?? request.name;
      const arn = existing?.arn ?? parameterArn(ctx.region, ctx.principal.accountId, name);
      const keyId = type === 'SecureString' ? (request.keyId ?? (request.overwrite ? existing?.keyId : undefined)) : undefined;
      const parameter: Parameter = {
        name,
        arn,
        accountId: ctx.principal.accountId,
        region: ctx.region,
        type,
        tier,
        version: (existing?.version ?? 0) + 1,
        lastModifiedDate: ctx.now,
        lastModifiedUser: ctx.principal.arn,
        ...(request.description !== undefined ? { description: request.description } : existing?.description ? { description: existing.description } : {}),
        ...(keyId ? { keyId } : {}),
        ...(type === 'SecureString'
          ? { sealed: sealSecureString(ctx, deps, arn, keyId, request.value) }
          : { value: request.value }),
        ...(request.tags?.length ? { tags: request.tags.map((t) => ({ ...t })) } : existing?.tags ? { tags: existing.tags } : {}),
        ...(tier === 'Advanced' ? { advancedSince: existing?.advancedSince ?? ctx.now } : {}),
      };
      regionParameters(ctx.world, ctx.principal.accountId, ctx.region)[name] = parameter;
      meterAdvancedInteraction(ctx, [parameter]);
      return { version: parameter.version, tier: parameter.tier };
    },
  };
}
