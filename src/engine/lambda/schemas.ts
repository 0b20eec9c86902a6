import { z } from 'zod';
import { ROTATION_TEMPLATES } from './state.ts';

export const functionNameSchema = z.string().min(1).max(140);
/** Lambda's documented limits: Timeout 1..900 seconds, MemorySize 128..10240 MB. */
export const timeoutSchema = z.number().int().min(1).max(900);
export const memorySizeSchema = z.number().int().min(128).max(10240);
export const vpcConfigInputSchema = z.object({
  subnetIds: z.array(z.string()).max(16).optional(),
  securityGroupIds: z.array(z.string()).max(5).optional(),
});
/** The code of a rotation function: the Serverless Application Repository application it was deployed from. */
export const codeSchema = z.object({ rotationTemplate: z.enum(ROTATION_TEMPLATES) });
