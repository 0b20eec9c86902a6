import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import type { EventRule } from '../state.ts';
import { pageOf, PAGE_LIMIT } from '../pages.ts';
import { assertDefaultBus, eventBusNameSchema, requireRule, ruleNameSchema, ruleTarget } from '../rules.ts';

const input = z.object({
  rule: ruleNameSchema,
  eventBusName: eventBusNameSchema,
  nextToken: z.string().min(1).max(2048).optional(),
  limit: z.number().int().min(1).max(PAGE_LIMIT).optional(),
});

export const listTargetsByRule: OperationDefinition<z.infer<typeof input>, unknown, EventRule | undefined> = {
  service: 'events',
  name: 'ListTargetsByRule',
  readOnly: true,
  input,
  resolve: (ctx, request) => ruleTarget(ctx, request.rule),
  execute(_ctx, request, target) {
    assertDefaultBus(request.eventBusName);
    const rule = requireRule(target, request.rule);
    const { page, nextToken } = pageOf(rule.targets, `targets:${rule.name}`, request.limit, request.nextToken);
    return { targets: page.map((t) => ({ id: t.id, arn: t.arn })), ...(nextToken ? { nextToken } : {}) };
  },
};
