import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { eventsErrors } from '../errors.ts';
import { InvalidPatternError, parseEventPattern } from '../event-pattern.ts';
import { assertDefaultBus, eventBusNameSchema, ruleNameSchema, ruleTarget } from '../rules.ts';
import { RULE_STATES, regionRules } from '../state.ts';

const input = z.object({
  name: ruleNameSchema,
  eventPattern: z.string().max(4096).optional(),
  scheduleExpression: z.string().max(256).optional(),
  state: z.enum(RULE_STATES).optional(),
  description: z.string().max(512).optional(),
  eventBusName: eventBusNameSchema,
});

/** Creates or replaces a rule on the default bus (schedule rules are not simulated: only event patterns). */
export const putRule: OperationDefinition<z.infer<typeof input>> = {
  service: 'events',
  name: 'PutRule',
  readOnly: false,
  input,
  resolve: (ctx, request) => ruleTarget(ctx, request.name),
  execute(ctx, request, target) {
    assertDefaultBus(request.eventBusName);
    if (request.eventPattern === undefined && request.scheduleExpression === undefined) {
      throw eventsErrors.validation('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    if (request.eventPattern === undefined) {
      throw eventsErrors.validation('SecretsLab simulates event-pattern rules only; ScheduleExpression is not supported.');
    }
    try {
      parseEventPattern(request.eventPattern);
    } catch (error) {
      if (error instanceof InvalidPatternError) throw eventsErrors.invalidPattern(error.message);
      throw error;
    }
    const accountId = ctx.principal.accountId;
    const rules = regionRules(ctx.world, accountId, ctx.region);
    const existing = rules[request.name];
    rules[request.name] = {
      name: request.name,
      arn: target.resourceArn,
      accountId,
      region: ctx.region,
      eventPattern: request.eventPattern,
      state: request.state ?? 'ENABLED',
      ...(request.description !== undefined ? { description: request.description } : {}),
      targets: existing?.targets ?? [],
    };
    return { ruleArn: target.resourceArn };
  },
};
