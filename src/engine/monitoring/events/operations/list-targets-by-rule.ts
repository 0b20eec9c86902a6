import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import type { EventRule } from '../state.ts';
import { assertDefaultBus, eventBusNameSchema, requireRule, ruleNameSchema, ruleTarget } from '../rules.ts';

const input = z.object({ rule: ruleNameSchema, eventBusName: eventBusNameSchema });

export const listTargetsByRule: OperationDefinition<z.infer<typeof input>, unknown, EventRule | undefined> = {
  service: 'events',
  name: 'ListTargetsByRule',
  readOnly: true,
  input,
  resolve: (ctx, request) => ruleTarget(ctx, request.rule),
  execute(_ctx, request, target) {
    assertDefaultBus(request.eventBusName);
    return { targets: requireRule(target, request.rule).targets.map((t) => ({ id: t.id, arn: t.arn })) };
  },
};
