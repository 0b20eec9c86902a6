import { z } from 'zod';

/**
 * IAM's slice of the world: per account, its users, groups, roles and customer managed policies; the access keys
 * of users; and the temporary credentials of role sessions that STS issued. Policies are kept as the JSON text
 * the learner wrote (so editors show it as written) and parsed when evaluated.
 */
const tagSchema = z.object({ key: z.string(), value: z.string() });
const inlinePolicies = z.record(z.string(), z.string());

export const iamUserSchema = z.object({
  userName: z.string(),
  userId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.number(),
  inlinePolicies: inlinePolicies,
  attachedPolicies: z.array(z.string()),
  groups: z.array(z.string()),
  permissionsBoundary: z.string().optional(),
  tags: z.array(tagSchema),
});

export const iamGroupSchema = z.object({
  groupName: z.string(),
  groupId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.number(),
  inlinePolicies: inlinePolicies,
  attachedPolicies: z.array(z.string()),
});

export const iamRoleSchema = z.object({
  roleName: z.string(),
  roleId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.number(),
  assumeRolePolicyDocument: z.string(),
  description: z.string().optional(),
  maxSessionDuration: z.number().int(),
  inlinePolicies: inlinePolicies,
  attachedPolicies: z.array(z.string()),
  permissionsBoundary: z.string().optional(),
  tags: z.array(tagSchema),
});

export const managedPolicySchema = z.object({
  policyName: z.string(),
  policyId: z.string(),
  arn: z.string(),
  path: z.string(),
  description: z.string().optional(),
  createDate: z.number(),
  updateDate: z.number(),
  defaultVersionId: z.string(),
  versions: z.array(z.object({ versionId: z.string(), document: z.string(), createDate: z.number() })),
});

export const accessKeySchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  accountId: z.string(),
  userName: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createDate: z.number(),
});

export const roleSessionSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string(),
  accountId: z.string(),
  roleName: z.string(),
  roleArn: z.string(),
  roleId: z.string(),
  sessionName: z.string(),
  expiration: z.number(),
  /** Inline session policy JSON and managed session policy ARNs, which can only narrow the role's permissions. */
  sessionPolicy: z.string().optional(),
  policyArns: z.array(z.string()).optional(),
  tags: z.array(tagSchema).optional(),
  sourceIdentity: z.string().optional(),
  /** Who called AssumeRole (for CloudTrail's sessionContext.sessionIssuer and role chaining). */
  assumedBy: z.string(),
});

export const iamAccountSchema = z.object({
  /** The user that "acting as admin" means in this account (it has AdministratorAccess attached). */
  adminUserName: z.string(),
  users: z.record(z.string(), iamUserSchema),
  groups: z.record(z.string(), iamGroupSchema),
  roles: z.record(z.string(), iamRoleSchema),
  /** Customer managed policies by ARN. AWS managed policies are a fixed catalogue, not state. */
  policies: z.record(z.string(), managedPolicySchema),
});

export const iamStateSchema = z.object({
  accounts: z.record(z.string(), iamAccountSchema),
  accessKeys: z.record(z.string(), accessKeySchema),
  sessions: z.record(z.string(), roleSessionSchema),
});

export type IamUser = z.infer<typeof iamUserSchema>;
export type IamGroup = z.infer<typeof iamGroupSchema>;
export type IamRole = z.infer<typeof iamRoleSchema>;
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
export type AccessKey = z.infer<typeof accessKeySchema>;
export type RoleSession = z.infer<typeof roleSessionSchema>;
export type IamAccount = z.infer<typeof iamAccountSchema>;
export type IamState = z.infer<typeof iamStateSchema>;

export function emptyIamState(): IamState {
  return { accounts: {}, accessKeys: {}, sessions: {} };
}
