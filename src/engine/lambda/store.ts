import type { World } from '../kernel/index.ts';
import { ServiceError } from '../errors.ts';
import type { LambdaFunction, LambdaState } from './state.ts';

export function lambdaState(world: World): LambdaState {
  return world.services.lambda as LambdaState;
}

export function regionFunctions(world: World, accountId: string, region: string): Record<string, LambdaFunction> {
  return (lambdaState(world).regions[`${accountId}/${region}`] ??= { functions: {} }).functions;
}

export function functionArn(region: string, accountId: string, name: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
}

const ARN = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]+)(?::(\$LATEST|[A-Za-z0-9_-]+))?$/;

/** A function named by name, ARN or partial ARN, in the caller's account unless an ARN names another. */
export function findFunction(world: World, nameOrArn: string, accountId: string, region: string): LambdaFunction | undefined {
  const arn = ARN.exec(nameOrArn);
  if (arn) {
    if (arn[1] !== region) return undefined;
    return lambdaState(world).regions[`${arn[2]}/${region}`]?.functions[arn[3]!];
  }
  return lambdaState(world).regions[`${accountId}/${region}`]?.functions[nameOrArn];
}

/** Finds a function by its ARN wherever it is (Secrets Manager invoking a rotation function). */
export function functionByArn(world: World, arn: string): LambdaFunction | undefined {
  const parsed = ARN.exec(arn);
  if (!parsed) return undefined;
  return lambdaState(world).regions[`${parsed[2]}/${parsed[1]}`]?.functions[parsed[3]!];
}

export const lambdaErrors = {
  notFound: (arn: string) => new ServiceError('ResourceNotFoundException', `Function not found: ${arn}`, 404),
  exists: (name: string) => new ServiceError('ResourceConflictException', `Function already exist: ${name}`, 409),
  invalidParameter: (message: string) => new ServiceError('InvalidParameterValueException', message),
  statementExists: (sid: string) =>
    new ServiceError('ResourceConflictException', `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`, 409),
};
