import { z } from 'zod';

/**
 * The rotation templates Secrets Manager offers (User Guide, "Rotation function templates"): one per database engine
 * and strategy, plus the generic template for API keys and other custom secrets. A function's code is one of them.
 */
export const ROTATION_TEMPLATES = [
  'SecretsManagerRDSMySQLRotationSingleUser',
  'SecretsManagerRDSMySQLRotationMultiUser',
  'SecretsManagerRDSPostgreSQLRotationSingleUser',
  'SecretsManagerRDSPostgreSQLRotationMultiUser',
  'SecretsManagerRDSMariaDBRotationSingleUser',
  'SecretsManagerRDSMariaDBRotationMultiUser',
  'SecretsManagerRDSOracleRotationSingleUser',
  'SecretsManagerRDSOracleRotationMultiUser',
  'SecretsManagerRDSSQLServerRotationSingleUser',
  'SecretsManagerRDSSQLServerRotationMultiUser',
  'SecretsManagerRedshiftRotationSingleUser',
  'SecretsManagerRedshiftRotationMultiUser',
  'SecretsManagerMongoDBRotationSingleUser',
  'SecretsManagerMongoDBRotationMultiUser',
  'SecretsManagerRotationTemplate',
] as const;
export type RotationTemplate = (typeof ROTATION_TEMPLATES)[number];

export const vpcConfigSchema = z.object({
  subnetIds: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
});

/**
 * Where the function's network lets it go. Not an AWS field: in AWS this follows from the VPC's route tables,
 * endpoints and NAT gateways, which SecretsLab does not model; the learner sets it on the function instead.
 * Outside a VPC a function reaches public endpoints (Secrets Manager) but no private database.
 */
export const functionNetworkSchema = z.object({
  secretsManagerRoute: z.enum(['endpoint', 'nat', 'none']),
  databaseRoute: z.boolean(),
});

export const lambdaFunctionSchema = z.object({
  functionName: z.string(),
  functionArn: z.string(),
  accountId: z.string(),
  region: z.string(),
  role: z.string(),
  runtime: z.string(),
  handler: z.string(),
  description: z.string(),
  timeout: z.number().int(),
  memorySize: z.number().int(),
  lastModified: z.number(),
  template: z.enum(ROTATION_TEMPLATES),
  /**
   * Code the learner wrote and deployed from the editor (a Node.js CommonJS module exporting `handler`). When set,
   * the function runs it in a sandbox outside the engine instead of the template's behaviour.
   */
  source: z.string().optional(),
  vpcConfig: vpcConfigSchema.optional(),
  network: functionNetworkSchema,
  /** The function's resource-based policy, as AddPermission builds it: who may invoke it. */
  permissions: z.array(z.object({ sid: z.string(), principal: z.string(), action: z.string(), sourceAccount: z.string().optional() })),
});

export const lambdaStateSchema = z.object({
  /** Keyed `${accountId}/${region}`, then function name. */
  regions: z.record(z.string(), z.object({ functions: z.record(z.string(), lambdaFunctionSchema) })),
});

export type LambdaFunction = z.infer<typeof lambdaFunctionSchema>;
export type FunctionNetwork = z.infer<typeof functionNetworkSchema>;
export type LambdaState = z.infer<typeof lambdaStateSchema>;

export function emptyLambdaState(): LambdaState {
  return { regions: {} };
}
