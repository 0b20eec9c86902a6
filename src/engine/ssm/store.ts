import type { OperationContext, World } from '../kernel/index.ts';
import { ssmErrors } from './errors.ts';
import type { Parameter, SsmState } from './state.ts';

/** A hierarchy holds at most 15 levels (PutParameter documentation). */
export const MAX_HIERARCHY_LEVELS = 15;
const NAME_CHARACTERS = /^[a-zA-Z0-9_.\-/]+$/;
const RESERVED_PREFIX = /^\/?(aws|ssm)/i;

export function ssmState(world: World): SsmState {
  return world.services.ssm as SsmState;
}

export function regionParameters(world: World, accountId: string, region: string): Record<string, Parameter> {
  return (ssmState(world).regions[`${accountId}/${region}`] ??= { parameters: {} }).parameters;
}

export function peekRegionParameters(world: World, accountId: string, region: string): Record<string, Parameter> | undefined {
  return ssmState(world).regions[`${accountId}/${region}`]?.parameters;
}

/** `parameter/a/b` for "/a/b", `parameter/a` for "a": AWS adds the slash only when the name has none. */
export function parameterArn(region: string, accountId: string, name: string): string {
  return `arn:aws:ssm:${region}:${accountId}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
}

/** PutParameter's naming rules, in the order AWS reports them. */
export function assertValidName(name: string): void {
  if (!NAME_CHARACTERS.test(name) || RESERVED_PREFIX.test(name)) throw ssmErrors.reservedName();
  if (name.includes('/') && !name.startsWith('/')) throw ssmErrors.notFullyQualified();
  if (name.split('/').length - 1 > MAX_HIERARCHY_LEVELS) throw ssmErrors.hierarchyTooDeep();
}

/** A path for GetParametersByPath: begins with "/", made of valid sub-paths. */
export function assertValidPath(path: string): void {
  if (!path.startsWith('/') || !NAME_CHARACTERS.test(path) || RESERVED_PREFIX.test(path) || path.includes('//')) throw ssmErrors.invalidPath();
  if (path.split('/').length - 1 > MAX_HIERARCHY_LEVELS) throw ssmErrors.hierarchyTooDeep();
}

const ARN_PATTERN = /^arn:aws:ssm:([a-z0-9-]+):(\d{12}):parameter(\/.*)$/;

/**
 * A parameter by name or by ARN in the caller's account and Region. Parameters shared from another account
 * (advanced parameters through AWS RAM) are not simulated, so an ARN elsewhere finds nothing.
 */
export function findParameter(ctx: OperationContext, nameOrArn: string): Parameter | undefined {
  const parameters = peekRegionParameters(ctx.world, ctx.principal.accountId, ctx.region);
  if (!parameters) return undefined;
  const arn = ARN_PATTERN.exec(nameOrArn);
  if (!arn) return parameters[nameOrArn];
  const [, region, accountId, rest] = arn as unknown as [string, string, string, string];
  if (region !== ctx.region || accountId !== ctx.principal.accountId) return undefined;
  return parameters[rest] ?? parameters[rest.slice(1)];
}

export function requireParameter(ctx: OperationContext, nameOrArn: string): Parameter {
  const parameter = findParameter(ctx, nameOrArn);
  if (!parameter) throw ssmErrors.parameterNotFound();
  return parameter;
}

/** The ARN a request names, for authorization, whether or not the parameter exists. */
export function requestedArn(ctx: OperationContext, nameOrArn: string): string {
  return ARN_PATTERN.test(nameOrArn) ? nameOrArn : parameterArn(ctx.region, ctx.principal.accountId, nameOrArn);
}

/** Whether `name` sits under `path`: directly (one level) or anywhere below it (recursive). */
export function isUnderPath(name: string, path: string, recursive: boolean): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  if (!name.startsWith(prefix)) return false;
  return recursive || !name.slice(prefix.length).includes('/');
}
