import type { OperationContext, ResolvedTarget, World } from '../kernel/index.ts';
import { secretsErrors } from './errors.ts';
import type { Secret, SecretsRegionState, SecretsState } from './state.ts';

/** Characters AWS allows in a secret name (CreateSecret's Name documentation). */
export const SECRET_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]+$/;

export function secretsState(world: World): SecretsState {
  return world.services.secretsmanager as SecretsState;
}

export function regionSecrets(world: World, accountId: string, region: string): SecretsRegionState {
  return (secretsState(world).regions[`${accountId}/${region}`] ??= { secrets: {} });
}

export function peekRegionSecrets(world: World, accountId: string, region: string): SecretsRegionState | undefined {
  return secretsState(world).regions[`${accountId}/${region}`];
}

export function secretArn(region: string, accountId: string, name: string, suffix: string): string {
  return `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix}`;
}

const ARN_PATTERN = /^arn:aws:secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/;

/** The parts of a secret ARN (full, or partial without the "-XXXXXX" suffix); undefined for a name. */
export function parseSecretArn(secretId: string): { region: string; accountId: string; rest: string; hasSuffix: boolean } | undefined {
  const arn = ARN_PATTERN.exec(secretId);
  if (!arn) return undefined;
  const [, region, accountId, rest] = arn as unknown as [string, string, string, string];
  return { region, accountId, rest, hasSuffix: /-[A-Za-z0-9]{6}$/.test(rest) };
}

/**
 * Finds a secret by name, full ARN or partial ARN (the ARN without its "-XXXXXX" suffix), as AWS does. A secret in
 * another account can only be named by ARN. A name that ends in "-" and six characters reads as a full ARN, so a
 * partial ARN of such a secret finds nothing, which is AWS's documented pitfall.
 */
export function findSecret(world: World, secretId: string, callerAccountId: string, region: string): Secret | undefined {
  const arn = secretIdForm(secretId);
  if (!arn) return peekRegionSecrets(world, callerAccountId, region)?.secrets[secretId];
  if (arn.region !== region) return undefined;
  const secrets = peekRegionSecrets(world, arn.accountId, region)?.secrets;
  if (!secrets) return undefined;
  if (arn.full) {
    const byFull = secrets[arn.name];
    return byFull && byFull.arn === secretId ? byFull : undefined;
  }
  return secrets[arn.name];
}

interface ArnForm {
  region: string;
  accountId: string;
  /** The secret name: the ARN's tail without its "-XXXXXX" suffix when `full`, else the whole tail. */
  name: string;
  full: boolean;
}

const ARN_FORM_LIMIT = 10_000;
const arnForms = new Map<string, ArnForm | null>();

/**
 * How a SecretId reads (null: a name, not an ARN), worked out once per string: every call on a secret, and the
 * rotation and record keepers behind it, look the same few ARNs up again and again.
 */
function secretIdForm(secretId: string): ArnForm | null {
  let form = arnForms.get(secretId);
  if (form === undefined) {
    const arn = ARN_PATTERN.exec(secretId);
    if (arn) {
      const [, region, accountId, rest] = arn as unknown as [string, string, string, string];
      const full = /^(.+)-[A-Za-z0-9]{6}$/.exec(rest);
      form = { region, accountId, name: full ? full[1]! : rest, full: full !== null };
    } else form = null;
    if (arnForms.size >= ARN_FORM_LIMIT) arnForms.clear();
    arnForms.set(secretId, form);
  }
  return form;
}

/** The SecretId checks every operation shares: AWS's name rule for non-ARNs, then ResourceNotFound. */
export function requireSecret(ctx: OperationContext, secretId: string): Secret {
  assertValidSecretId(secretId);
  const secret = findSecret(ctx.world, secretId, ctx.principal.accountId, ctx.region);
  if (!secret) throw secretsErrors.secretNotFound();
  return secret;
}

export function assertValidSecretId(secretId: string): void {
  if (!secretId.startsWith('arn:') && !SECRET_NAME_PATTERN.test(secretId)) throw secretsErrors.invalidName();
}

/** The authorization target for an operation on one secret: its ARN, account and tags (for ABAC conditions). */
export function secretTarget(secret: Secret): ResolvedTarget<Secret> {
  const context: Record<string, string> = {};
  for (const tag of secret.tags ?? []) {
    context[`secretsmanager:ResourceTag/${tag.key}`] = tag.value;
    context[`aws:ResourceTag/${tag.key}`] = tag.value;
  }
  context['secretsmanager:SecretId'] = secret.arn;
  return {
    resourceArn: secret.arn,
    resourceAccountId: secret.accountId,
    resource: secret,
    context,
    resourcePolicy: { type: 'resource', document: secret.resourcePolicy },
  };
}

/** Resolves a SecretId for an operation's resolve stage. */
export function resolveSecret(ctx: OperationContext, input: { secretId: string }): ResolvedTarget<Secret> {
  return secretTarget(requireSecret(ctx, input.secretId));
}

export function assertNotDeleted(secret: Secret): void {
  if (secret.deletedDate !== undefined) throw secretsErrors.markedForDeletion();
}

/** Writes happen in the primary's region; a replica is read-only until it is promoted. */
export function assertNotReplica(secret: Secret): void {
  if (secret.primaryRegion !== undefined && secret.primaryRegion !== secret.region) throw secretsErrors.replicaReadOnly();
}

/**
 * The secret a write acts on: not scheduled for deletion (its value is out of reach until restored) and not a
 * replica (replicas change only through their primary).
 */
export function writableSecret(target: ResolvedTarget): Secret {
  const secret = target.resource as Secret;
  assertNotDeleted(secret);
  assertNotReplica(secret);
  return secret;
}

export function isReplica(secret: Secret): boolean {
  return secret.primaryRegion !== undefined && secret.primaryRegion !== secret.region;
}
