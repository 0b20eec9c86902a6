import type { OperationContext } from '../kernel/index.ts';
import type { SsmDeps } from './deps.ts';
import type { Parameter } from './state.ts';
import { readValue } from './values.ts';

/** GetParameter's Parameter shape. */
export function parameterOutput(ctx: OperationContext, deps: SsmDeps, parameter: Parameter, withDecryption: boolean) {
  return {
    name: parameter.name,
    type: parameter.type,
    value: readValue(ctx, deps, parameter, withDecryption),
    version: parameter.version,
    lastModifiedDate: parameter.lastModifiedDate,
    arn: parameter.arn,
    dataType: 'text',
  };
}

/** DescribeParameters' ParameterMetadata shape: everything but the value. */
export function metadataOutput(parameter: Parameter) {
  return {
    name: parameter.name,
    arn: parameter.arn,
    type: parameter.type,
    ...(parameter.type === 'SecureString' ? { keyId: parameter.keyId ?? 'alias/aws/ssm' } : {}),
    lastModifiedDate: parameter.lastModifiedDate,
    lastModifiedUser: parameter.lastModifiedUser,
    ...(parameter.description ? { description: parameter.description } : {}),
    version: parameter.version,
    tier: parameter.tier,
    policies: [],
    dataType: 'text',
  };
}
