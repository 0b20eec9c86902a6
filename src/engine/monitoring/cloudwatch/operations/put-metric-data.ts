import { z } from 'zod';
import { DAY, HOUR } from '../../../clock/index.ts';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { cloudWatchErrors } from '../errors.ts';
import { putDatapoint } from '../metric-store.ts';
import { metricRecords } from '../metric-records.ts';
import { dimensionsSchema, metricNameSchema, namespaceSchema } from '../schemas.ts';

const input = z.object({
  namespace: namespaceSchema,
  metricData: z
    .array(
      z.object({
        metricName: metricNameSchema,
        dimensions: dimensionsSchema.optional(),
        timestamp: z.number().optional(),
        value: z.number().optional(),
        unit: z.string().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/**
 * Publishes custom metric data (the way a learner's application would report, for example, failed reads).
 * AWS/ namespaces are reserved for AWS services.
 */
export const putMetricData: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'PutMetricData',
  action: 'cloudwatch:PutMetricData',
  readOnly: false,
  input,
  execute(ctx, request) {
    if (request.namespace.startsWith('AWS/')) throw cloudWatchErrors.invalidParameterValue('The value AWS/ for parameter Namespace is invalid.');
    for (const datum of request.metricData) {
      if (datum.value === undefined) throw cloudWatchErrors.missingParameter('The parameter MetricData.member.Value is required.');
      // CloudWatch accepts data stamped up to two weeks in the past and two hours in the future.
      const at = datum.timestamp ?? ctx.now;
      if (at < ctx.now - 14 * DAY || at > ctx.now + 2 * HOUR) {
        throw cloudWatchErrors.invalidParameterValue('The parameter MetricData.member.Timestamp must be within two weeks in the past and two hours in the future.');
      }
    }
    const store = metricRecords(ctx.world).metrics;
    for (const datum of request.metricData) {
      const id = { accountId: ctx.principal.accountId, region: ctx.region, namespace: request.namespace, metricName: datum.metricName, dimensions: datum.dimensions ?? [] };
      putDatapoint(store, id, datum.timestamp ?? ctx.now, datum.value!, datum.unit ?? 'None');
    }
    return {};
  },
};
