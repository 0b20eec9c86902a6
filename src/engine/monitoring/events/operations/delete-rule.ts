import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import type { EventRule } from '../state.ts';
import { eventsErrors } from '../errors.ts';
import { assertDefaultBus, eventBusNameSchema, requireRule, ruleNameSchema, ruleTarget } from '../rules.ts';
import { regionRules } from '../state.ts';

const input = z.object({ name: ruleNameSchema, eventBusName: eventBusNameSchema, force: z.boolean().optional() });

/** A rule with targets cannot be deleted: RemoveTargets first (EventBridge API reference, DeleteRule). */
export const deleteRule: OperationDefinition<z.infer<typeof input>, unknown, EventRule | undefined> = {
  service: 'events',
  name: 'DeleteRule',
  readOnly: false,
  input,
  resolve: (ctx, request) => ruleTarget(ctx, request.name),
  execute(ctx, request, target) {
    assertDefaultBus(request.eventBusName);
    const rule = requireRule(target, request.name);
    if (rule.targets.length > 0) throw eventsErrors.validation("Rule can't be deleted since it has targets.");
    delete regionRules(ctx.world, rule.accountId, rule.region)[rule.name];
    return {};
  },
};
