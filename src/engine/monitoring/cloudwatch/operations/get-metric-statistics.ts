import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { cloudWatchErrors } from '../errors.ts';
import { aggregate, seriesKey, statisticOf, type Statistic } from '../metric-store.ts';
import { readSeries } from '../metric-source.ts';
import { dimensionsSchema, metricNameSchema, namespaceSchema, statisticSchema } from '../schemas.ts';

const input = z.object({
  namespace: namespaceSchema,
  metricName: metricNameSchema,
  dimensions: dimensionsSchema.optional(),
  startTime: z.number(),
  endTime: z.number(),
  period: z.number().int().min(1),
  statistics: z.array(statisticSchema).min(1).max(5).optional(),
  unit: z.string().optional(),
});

/** CloudWatch returns at most 1,440 datapoints per GetMetricStatistics call. */
const MAX_DATAPOINTS = 1440;

export const getMetricStatistics: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'GetMetricStatistics',
  action: 'cloudwatch:GetMetricStatistics',
  readOnly: true,
  input,
  execute(ctx, request) {
    if (!request.statistics) throw cloudWatchErrors.missingParameter('The parameter Statistics or ExtendedStatistics must be specified.');
    if (request.period % 60 !== 0) throw cloudWatchErrors.invalidParameterValue('The parameter Period must be a multiple of 60.');
    if (request.endTime <= request.startTime) throw cloudWatchErrors.invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
    const periodMs = request.period * 1000;
    if ((request.endTime - request.startTime) / periodMs > MAX_DATAPOINTS) {
      throw cloudWatchErrors.invalidParameterCombination(
        `You have requested up to ${Math.ceil((request.endTime - request.startTime) / periodMs)} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
      );
    }
    const key = seriesKey({ accountId: ctx.principal.accountId, region: ctx.region, namespace: request.namespace, metricName: request.metricName, dimensions: request.dimensions ?? [] });
    const series = readSeries(ctx.world, key, request.startTime, request.endTime);
    const statistics = request.statistics as Statistic[];
    const datapoints = aggregate(series, request.startTime, request.endTime, periodMs).map((point) => ({
      timestamp: point.timestamp,
      ...Object.fromEntries(statistics.map((s) => [s.charAt(0).toLowerCase() + s.slice(1), statisticOf(point, s)])),
      unit: series?.unit ?? 'None',
    }));
    return { label: request.metricName, datapoints };
  },
};
