import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { ServiceError } from '../../errors.ts';
import { controlById } from './controls.ts';
import { securityHubState } from './state.ts';

const input = z.object({
  securityControlId: z.string().min(1),
  parameters: z.record(
    z.string(),
    z.object({
      valueType: z.enum(['DEFAULT', 'CUSTOM']),
      value: z.object({ integer: z.number().int().optional(), stringList: z.array(z.string()).optional() }).optional(),
    }),
  ),
  lastUpdateReason: z.string().max(500).optional(),
});

const invalid = (message: string) => new ServiceError('InvalidInputException', message);

/**
 * Customizes a control's parameters (e.g. SecretsManager.3 unusedForDays); the next check uses them. DEFAULT
 * returns a parameter to its default.
 */
export const updateSecurityControl: OperationDefinition<z.infer<typeof input>> = {
  service: 'securityhub',
  name: 'UpdateSecurityControl',
  readOnly: false,
  input,
  resolve(ctx, request) {
    return {
      resourceArn: `arn:aws:securityhub:${ctx.region}:${ctx.principal.accountId}:security-control/${request.securityControlId}`,
      resourceAccountId: ctx.principal.accountId,
    };
  },
  execute(ctx, request) {
    const control = controlById(request.securityControlId);
    if (!control) throw new ServiceError('ResourceNotFoundException', `Security control ${request.securityControlId} was not found.`);
    const declared = control.parameters ?? {};
    const own = ((securityHubState(ctx.world).parameters[ctx.principal.accountId] ??= {})[control.id] ??= {});
    for (const [name, setting] of Object.entries(request.parameters)) {
      const spec = declared[name];
      if (!spec) throw invalid(`Parameter ${name} is not supported by ${control.id}.`);
      if (setting.valueType === 'DEFAULT') {
        delete own[name];
        continue;
      }
      if ('kind' in spec) {
        const list = setting.value?.stringList;
        if (!list || list.length > spec.maxItems) throw invalid(`Parameter ${name} needs a string list of at most ${spec.maxItems} items.`);
        own[name] = list;
      } else {
        const value = setting.value?.integer;
        if (value === undefined || value < spec.min || value > spec.max) throw invalid(`Parameter ${name} must be an integer from ${spec.min} to ${spec.max}.`);
        own[name] = value;
      }
    }
    return {};
  },
};
