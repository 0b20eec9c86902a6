import { z } from 'zod';

/**
 * IAM's slice of the world: per account, its users and their access keys. The policy issue adds roles, groups,
 * policies and sessions beside these.
 */
export const iamUserSchema = z.object({
  userName: z.string(),
  userId: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.number(),
});

export const accessKeySchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  accountId: z.string(),
  userName: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createDate: z.number(),
});

export const iamStateSchema = z.object({
  accounts: z.record(
    z.string(),
    z.object({
      users: z.record(z.string(), iamUserSchema),
      /** The user that "acting as admin" means in this account (full access in the simulator's default setup). */
      adminUserName: z.string(),
    }),
  ),
  accessKeys: z.record(z.string(), accessKeySchema),
});

export type IamUser = z.infer<typeof iamUserSchema>;
export type AccessKey = z.infer<typeof accessKeySchema>;
export type IamState = z.infer<typeof iamStateSchema>;

export function emptyIamState(): IamState {
  return { accounts: {}, accessKeys: {} };
}
