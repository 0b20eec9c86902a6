import { z } from 'zod';
import { ServiceError } from '../../errors.ts';
import type { OperationContext, OperationDefinition } from '../../kernel/index.ts';
import { accessKeyId, parseArn, randomString } from '../../ids/index.ts';
import { findByName, iamState, policyDocumentProblem, SECRET_ALPHABET, type IamRole, type RoleSession } from '../../iam/index.ts';
import { stsErrors } from '../errors.ts';

function patterned(min: number, max: number, pattern: string) {
  const regex = new RegExp(`^(?:${pattern})$`, 'u');
  return z.string().min(min).max(max).refine((v) => regex.test(v), { message: `Member must satisfy regular expression pattern: ${pattern}` });
}

const tagSchema = z.object({
  key: patterned(1, 128, '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+'),
  value: patterned(0, 256, '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*'),
});

// The AssumeRole request as the STS API model (2011-06-15) constrains it.
const input = z.object({
  roleArn: z.string().min(20).max(2048),
  roleSessionName: patterned(2, 64, '[\\w+=,.@-]*'),
  policyArns: z.array(z.object({ arn: z.string().min(20).max(2048) })).max(10).optional(),
  policy: patterned(1, 2048, '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+').optional(),
  durationSeconds: z.number().int().min(900).max(43200).optional(),
  tags: z.array(tagSchema).max(50).optional(),
  transitiveTagKeys: z.array(patterned(1, 128, '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+')).max(50).optional(),
  externalId: patterned(2, 1224, '[\\w+=,.@:\\/-]*').optional(),
  serialNumber: patterned(9, 256, '[\\w+=/:,.@-]*').optional(),
  tokenCode: patterned(6, 6, '[\\d]*').optional(),
  sourceIdentity: patterned(2, 64, '[\\w+=,.@-]*').optional(),
});
type Input = z.infer<typeof input>;

/** Role chaining (a role session assuming a role) caps the new session at one hour, whatever the role allows. */
const CHAINED_MAX_SECONDS = 3600;
const DEFAULT_SECONDS = 3600;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Issues temporary credentials for a role. Authorization is two-sided, as on AWS: the role's trust policy (its
 * resource policy, evaluated as the pipeline's resource policy) must allow the caller, and, unless the trust policy
 * names the caller itself in the same account, the caller's identity policies must allow sts:AssumeRole on the
 * role. A cross-account caller always needs both. Passing session tags also needs sts:TagSession, and a source
 * identity sts:SetSourceIdentity, on both sides.
 */
export const assumeRole: OperationDefinition<Input> = {
  service: 'sts',
  name: 'AssumeRole',
  readOnly: true,
  input,
  sensitive: ['secretAccessKey', 'sessionToken'],
  resolve(ctx, request) {
    if (ctx.principal.type === 'Root') throw stsErrors.rootCannotAssume();
    const role = findRole(ctx, request.roleArn);
    return {
      resourceArn: request.roleArn,
      resourceAccountId: role.accountId,
      resourcePolicy: { type: 'trust', document: role.role.assumeRolePolicyDocument },
      context: conditionKeys(request),
      resource: role,
    };
  },
  execute(ctx, request, target) {
    const { role, accountId } = target.resource as FoundRole;
    if (request.tags?.length || request.transitiveTagKeys?.length) requireAlso(ctx, 'sts:TagSession', request, role, accountId);
    if (request.sourceIdentity !== undefined) requireAlso(ctx, 'sts:SetSourceIdentity', request, role, accountId);
    const chained = ctx.principal.type === 'AssumedRole';
    const seconds = request.durationSeconds ?? DEFAULT_SECONDS;
    if (chained && seconds > CHAINED_MAX_SECONDS) throw stsErrors.durationOverChainingLimit();
    if (seconds > role.maxSessionDuration) throw stsErrors.durationOverRoleMax();
    if (request.policy !== undefined) {
      const problem = policyDocumentProblem(request.policy, 'session');
      if (problem) throw stsErrors.malformedPolicy(problem);
    }
    const session: RoleSession = {
      accessKeyId: accessKeyId(ctx.rng, 'ASIA'),
      secretAccessKey: randomString(ctx.rng, SECRET_ALPHABET, 40),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomString(ctx.rng, TOKEN_ALPHABET, 340)}`,
      accountId,
      roleName: role.roleName,
      roleArn: role.arn,
      roleId: role.roleId,
      sessionName: request.roleSessionName,
      expiration: ctx.now + seconds * 1000,
      ...(request.policy !== undefined ? { sessionPolicy: request.policy } : {}),
      ...(request.policyArns?.length ? { policyArns: request.policyArns.map((p) => p.arn) } : {}),
      ...(request.tags?.length ? { tags: request.tags.map((t) => ({ ...t })) } : {}),
      ...(request.sourceIdentity !== undefined ? { sourceIdentity: request.sourceIdentity } : {}),
      assumedBy: ctx.principal.arn,
    };
    iamState(ctx.world).sessions[session.accessKeyId] = session;
    const packed = packedPolicySize(request);
    return {
      credentials: {
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
        expiration: session.expiration,
      },
      assumedRoleUser: {
        assumedRoleId: `${role.roleId}:${session.sessionName}`,
        // The session ARN names the role without its path.
        arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${session.sessionName}`,
      },
      ...(packed !== undefined ? { packedPolicySize: packed } : {}),
      ...(request.sourceIdentity !== undefined ? { sourceIdentity: request.sourceIdentity } : {}),
    };
  },
};

interface FoundRole {
  role: IamRole;
  accountId: string;
}

/**
 * The role the ARN names. A role that does not exist is refused exactly like one the caller may not assume, so
 * AssumeRole never tells a caller which roles exist in another account.
 */
function findRole(ctx: OperationContext, roleArn: string): FoundRole {
  const arn = parseArn(roleArn);
  if (!arn || arn.service !== 'iam' || !/^\d{12}$/.test(arn.accountId) || !arn.resource.startsWith('role/')) throw stsErrors.invalidArn();
  const roleName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  const account = iamState(ctx.world).accounts[arn.accountId];
  const role = account ? findByName(account.roles, roleName) : undefined;
  if (!role || role.arn !== roleArn) throw stsErrors.notAuthorized(ctx.principal.arn, 'sts:AssumeRole', roleArn);
  return { role, accountId: arn.accountId };
}

/** The STS condition keys of the request [IAM User Guide, "Available keys for AWS STS"], present only when set. */
function conditionKeys(request: Input): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = { 'sts:RoleSessionName': request.roleSessionName };
  if (request.externalId !== undefined) context['sts:ExternalId'] = request.externalId;
  if (request.sourceIdentity !== undefined) context['sts:SourceIdentity'] = request.sourceIdentity;
  for (const tag of request.tags ?? []) context[`aws:RequestTag/${tag.key}`] = tag.value;
  if (request.tags?.length) context['aws:TagKeys'] = request.tags.map((t) => t.key);
  if (request.transitiveTagKeys?.length) context['sts:TransitiveTagKeys'] = request.transitiveTagKeys;
  return context;
}

/** A further action the request needs on the role (sts:TagSession, sts:SetSourceIdentity), decided on both sides too. */
function requireAlso(ctx: OperationContext, action: string, request: Input, role: IamRole, accountId: string): void {
  try {
    ctx.requirePermission({
      action,
      resourceArn: role.arn,
      resourceAccountId: accountId,
      context: conditionKeys(request),
      resourcePolicy: { type: 'trust', document: role.assumeRolePolicyDocument },
    });
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'AccessDeniedException') throw stsErrors.notAuthorized(ctx.principal.arn, action, role.arn);
    throw error;
  }
}

/**
 * PackedPolicySize: the share (in percent) of the session's allowance that the session policies and tags use.
 * AWS measures it after its own compression, which is not public; SecretsLab reports the share of the plain-text
 * allowance (2,048 characters), which is larger than AWS's figure for the same request.
 */
function packedPolicySize(request: Input): number | undefined {
  if (request.policy === undefined && !request.policyArns?.length && !request.tags?.length) return undefined;
  const policy = request.policy !== undefined ? JSON.stringify(JSON.parse(request.policy)).length : 0;
  const arns = (request.policyArns ?? []).reduce((sum, p) => sum + p.arn.length, 0);
  const tags = (request.tags ?? []).reduce((sum, t) => sum + t.key.length + t.value.length, 0);
  return Math.ceil(((policy + arns + tags) * 100) / 2048);
}
