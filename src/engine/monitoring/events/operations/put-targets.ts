import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import type { EventRule } from '../state.ts';
import { assertDefaultBus, eventBusNameSchema, requireRule, ruleNameSchema, ruleTarget } from '../rules.ts';

const input = z.object({
  rule: ruleNameSchema,
  eventBusName: eventBusNameSchema,
  targets: z
    .array(z.object({ id: z.string().min(1).max(64).regex(/^[.\-_A-Za-z0-9]+$/), arn: z.string().min(1).max(1600) }))
    .min(1)
    .max(10),
});

/** EventBridge allows five targets per rule. */
const TARGETS_PER_RULE = 5;

/**
 * Adds or updates targets. The simulator delivers every target's events to the in-app inbox, which stands for the
 * SNS topic, queue or function the ARN names.
 */
export const putTargets: OperationDefinition<z.infer<typeof input>, unknown, EventRule | undefined> = {
  service: 'events',
  name: 'PutTargets',
  readOnly: false,
  input,
  resolve: (ctx, request) => ruleTarget(ctx, request.rule),
  execute(_ctx, request, target) {
    assertDefaultBus(request.eventBusName);
    const rule = requireRule(target, request.rule);
    const failedEntries: { targetId: string; errorCode: string; errorMessage: string }[] = [];
    for (const t of request.targets) {
      const existing = rule.targets.find((own) => own.id === t.id);
      if (existing) existing.arn = t.arn;
      else if (rule.targets.length >= TARGETS_PER_RULE) {
        failedEntries.push({ targetId: t.id, errorCode: 'LimitExceededException', errorMessage: 'The requested resource exceeds the maximum number allowed.' });
      } else rule.targets.push({ id: t.id, arn: t.arn });
    }
    return { failedEntryCount: failedEntries.length, failedEntries };
  },
};
