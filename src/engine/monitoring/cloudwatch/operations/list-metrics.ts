import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { listableSeries } from '../metric-source.ts';
import { metricNameSchema, namespaceSchema } from '../schemas.ts';

const input = z.object({
  namespace: namespaceSchema.optional(),
  metricName: metricNameSchema.optional(),
  dimensions: z.array(z.object({ name: z.string().min(1).max(255), value: z.string().min(1).max(1024).optional() })).max(10).optional(),
  nextToken: z.string().optional(),
});

/** Metrics with data in the retention window, sorted by namespace, name and dimensions; 500 per page as on AWS. */
export const listMetrics: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'ListMetrics',
  action: 'cloudwatch:ListMetrics',
  readOnly: true,
  input,
  execute(ctx, request) {
    const metrics = listableSeries(ctx.world, {
      accountId: ctx.principal.accountId,
      region: ctx.region,
      ...(request.namespace !== undefined ? { namespace: request.namespace } : {}),
      ...(request.metricName !== undefined ? { metricName: request.metricName } : {}),
      ...(request.dimensions ? { dimensions: request.dimensions } : {}),
    })
      .map((s) => ({ namespace: s.namespace, metricName: s.metricName, dimensions: s.dimensions.map((d) => ({ name: d.name, value: d.value })) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const start = request.nextToken === undefined ? 0 : Number.parseInt(request.nextToken, 10) || 0;
    return { metrics: metrics.slice(start, start + 500), ...(start + 500 < metrics.length ? { nextToken: String(start + 500) } : {}) };
  },
};
