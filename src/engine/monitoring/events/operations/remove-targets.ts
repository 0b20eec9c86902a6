import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import type { EventRule } from '../state.ts';
import { assertDefaultBus, eventBusNameSchema, requireRule, ruleNameSchema, ruleTarget } from '../rules.ts';

const input = z.object({
  rule: ruleNameSchema,
  eventBusName: eventBusNameSchema,
  ids: z.array(z.string().min(1).max(64)).min(1).max(100),
  force: z.boolean().optional(),
});

export const removeTargets: OperationDefinition<z.infer<typeof input>, unknown, EventRule | undefined> = {
  service: 'events',
  name: 'RemoveTargets',
  readOnly: false,
  input,
  resolve: (ctx, request) => ruleTarget(ctx, request.rule),
  execute(_ctx, request, target) {
    assertDefaultBus(request.eventBusName);
    const rule = requireRule(target, request.rule);
    rule.targets = rule.targets.filter((t) => !request.ids.includes(t.id));
    return { failedEntryCount: 0, failedEntries: [] };
  },
};
