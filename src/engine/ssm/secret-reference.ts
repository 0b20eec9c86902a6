import { ServiceError } from '../errors.ts';
import type { OperationContext } from '../kernel/index.ts';
import type { SsmDeps } from './deps.ts';
import { ssmErrors } from './errors.ts';

/**
 * Parameter Store's references to Secrets Manager ("Referencing AWS Secrets Manager secrets from Parameter Store
 * parameters", Systems Manager User Guide): GetParameter or GetParameters on `/aws/reference/secretsmanager/<name>`
 * makes Parameter Store call GetSecretValue on the caller's behalf, so the caller needs secretsmanager:GetSecretValue
 * on the secret (and the secret's KMS permission) besides ssm:GetParameter on the reference. WithDecryption must be
 * true. `<name>:<label or version id>` picks a version, echoed as the Selector. The answer is a SecureString of
 * version 0 whose ARN is the secret's, LastModifiedDate the version's creation, and SourceResult Secrets Manager's
 * own response as a JSON text (recorded from AWS: camelCase members, ARN in capitals, the date in Java's default
 * format, a binary value as Java's ByteBuffer serialised).
 */
export const SECRET_REFERENCE_PREFIX = '/aws/reference/secretsmanager/';

const VERSION_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SSM_PRINCIPAL = 'ssm.amazonaws.com';

export function isSecretReference(name: string): boolean {
  return name.startsWith(SECRET_REFERENCE_PREFIX);
}

/** What GetSecretValue returns, in the engine's domain names. */
interface SecretValue {
  arn: string;
  name: string;
  versionId: string;
  secretString?: string;
  secretBinary?: Uint8Array;
  versionStages: string[];
  createdDate: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.text.DateFormat's default (US) medium date-time, as SourceResult carries it: `Nov 16, 2022, 8:22:40 AM` (UTC). */
export function javaDefaultDate(epochMs: number): string {
  const d = new Date(epochMs);
  const hours = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hours % 12 === 0 ? 12 : hours % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** A heap ByteBuffer as Gson writes it: what AWS puts in SourceResult for a binary secret. */
function javaByteBuffer(bytes: Uint8Array) {
  return {
    hb: [...bytes].map((b) => (b > 127 ? b - 256 : b)),
    offset: 0,
    isReadOnly: false,
    bigEndian: true,
    nativeByteOrder: false,
    mark: -1,
    position: 0,
    limit: bytes.length,
    capacity: bytes.length,
    address: 16,
  };
}

function sourceResult(value: SecretValue): string {
  return JSON.stringify({
    ARN: value.arn,
    name: value.name,
    versionId: value.versionId,
    ...(value.secretString !== undefined ? { secretString: value.secretString } : {}),
    ...(value.secretBinary !== undefined ? { secretBinary: javaByteBuffer(value.secretBinary) } : {}),
    versionStages: value.versionStages,
    createdDate: javaDefaultDate(value.createdDate),
  });
}

/**
 * Secrets Manager's GetSecretValue run for the caller, as Parameter Store does: the caller's own permission on the
 * secret (its resource policy included), the call in CloudTrail as invoked by ssm.amazonaws.com, and billed as a
 * Secrets Manager API request.
 */
function getSecretValue(ctx: OperationContext, deps: SsmDeps, request: { secretId: string; versionId?: string; versionStage?: string }): SecretValue {
  const operation = deps.secretsManager?.operations.find((op) => op.name === 'GetSecretValue');
  if (!operation) throw ssmErrors.parameterNotFound();
  const parsed = operation.input.safeParse(request);
  if (!parsed.success) throw ssmErrors.parameterNotFound();
  const recordCall = (resources: { arn: string; accountId: string }[], error?: ServiceError) =>
    ctx.recordNestedCall({
      service: 'secretsmanager',
      operation: 'GetSecretValue',
      invokedBy: SSM_PRINCIPAL,
      requestParameters: { ...request },
      resources,
      ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
    });
  let resources: { arn: string; accountId: string }[] = [];
  try {
    const target = operation.resolve?.(ctx, parsed.data) ?? { resourceArn: '*', resourceAccountId: ctx.principal.accountId };
    resources = [{ arn: target.resourceArn, accountId: target.resourceAccountId }];
    ctx.requirePermission({
      action: operation.action ?? 'secretsmanager:GetSecretValue',
      resourceArn: target.resourceArn,
      resourceAccountId: target.resourceAccountId,
      context: target.context ?? {},
      viaService: SSM_PRINCIPAL,
      ...(target.resourcePolicy ? { resourcePolicy: target.resourcePolicy } : {}),
    });
    const value = operation.execute(ctx, parsed.data, target) as SecretValue;
    recordCall(resources);
    ctx.meter('secretsmanager:GetSecretValue', 1);
    return value;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    recordCall(resources, error);
    // A secret that is not there is a parameter that is not there.
    if (error.code === 'ResourceNotFoundException') throw ssmErrors.parameterNotFound();
    throw error;
  }
}

/** GetParameter's Parameter for a reference to a secret. */
export function readSecretReference(ctx: OperationContext, deps: SsmDeps, requested: string, withDecryption: boolean) {
  if (!withDecryption) throw ssmErrors.referenceNeedsDecryption();
  const rest = requested.slice(SECRET_REFERENCE_PREFIX.length);
  const colon = rest.indexOf(':');
  const secretId = colon < 0 ? rest : rest.slice(0, colon);
  const selector = colon < 0 ? undefined : rest.slice(colon + 1);
  if (secretId === '' || selector === '') throw ssmErrors.parameterNotFound();
  const value = getSecretValue(ctx, deps, {
    secretId,
    ...(selector === undefined ? {} : VERSION_ID.test(selector) ? { versionId: selector } : { versionStage: selector }),
  });
  return {
    name: `${SECRET_REFERENCE_PREFIX}${secretId}`,
    type: 'SecureString' as const,
    ...(value.secretString !== undefined ? { value: value.secretString } : {}),
    version: 0,
    ...(selector !== undefined ? { selector: `:${selector}` } : {}),
    sourceResult: sourceResult(value),
    lastModifiedDate: value.createdDate,
    arn: value.arn,
  };
}

