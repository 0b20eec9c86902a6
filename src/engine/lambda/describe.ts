import type { LambdaFunction } from './state.ts';

/** FunctionConfiguration as GetFunctionConfiguration and ListFunctions return it (the fields SecretsLab models). */
export function functionConfiguration(fn: LambdaFunction) {
  return {
    functionName: fn.functionName,
    functionArn: fn.functionArn,
    runtime: fn.runtime,
    role: fn.role,
    handler: fn.handler,
    description: fn.description,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    lastModified: new Date(fn.lastModified).toISOString().replace('Z', '+0000'),
    ...(fn.vpcConfig ? { vpcConfig: { subnetIds: [...fn.vpcConfig.subnetIds], securityGroupIds: [...fn.vpcConfig.securityGroupIds] } } : {}),
    state: 'Active',
    packageType: 'Zip',
  };
}
