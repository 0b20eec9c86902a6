import { z } from 'zod';

export const namespaceSchema = z.string().min(1).max(255).regex(/^[^:].*$/);
export const metricNameSchema = z.string().min(1).max(255);
export const dimensionsSchema = z.array(z.object({ name: z.string().min(1).max(255), value: z.string().min(1).max(1024) })).max(30);
export const statisticSchema = z.enum(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
export const alarmNameSchema = z.string().min(1).max(255);
