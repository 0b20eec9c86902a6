import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { pageOf, PAGE_LIMIT } from '../pages.ts';
import { assertDefaultBus, eventBusNameSchema } from '../rules.ts';
import { eventsState } from '../state.ts';

const input = z.object({
  namePrefix: z.string().min(1).max(64).optional(),
  eventBusName: eventBusNameSchema,
  nextToken: z.string().min(1).max(2048).optional(),
  limit: z.number().int().min(1).max(PAGE_LIMIT).optional(),
});

/** Lists the rules of the default bus with their targets' count left to ListTargetsByRule, as AWS does. */
export const listRules: OperationDefinition<z.infer<typeof input>> = {
  service: 'events',
  name: 'ListRules',
  readOnly: true,
  input,
  execute(ctx, request) {
    assertDefaultBus(request.eventBusName);
    const all = Object.values(eventsState(ctx.world).rules[`${ctx.principal.accountId}/${ctx.region}`] ?? {})
      .filter((r) => request.namePrefix === undefined || r.name.startsWith(request.namePrefix))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const { page: rules, nextToken } = pageOf(all, `rules:${request.namePrefix ?? ''}`, request.limit, request.nextToken);
    return {
      rules: rules.map((r) => ({
        name: r.name,
        arn: r.arn,
        eventPattern: r.eventPattern,
        state: r.state,
        ...(r.description !== undefined ? { description: r.description } : {}),
        eventBusName: 'default',
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  },
};
