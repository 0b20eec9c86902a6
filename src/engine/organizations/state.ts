import { z } from 'zod';

export const policyTypeSchema = z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);

const policyTypeStatus = z.object({ type: policyTypeSchema, status: z.enum(['ENABLED', 'PENDING_ENABLE', 'PENDING_DISABLE']) });

export const organizationSchema = z.object({
  id: z.string(),
  arn: z.string(),
  masterAccountId: z.string(),
  featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']),
  root: z.object({ id: z.string(), arn: z.string(), name: z.string(), policyTypes: z.array(policyTypeStatus) }),
  ous: z.record(z.string(), z.object({ id: z.string(), arn: z.string(), name: z.string(), parentId: z.string() })),
  accounts: z.record(
    z.string(),
    z.object({
      id: z.string(),
      arn: z.string(),
      name: z.string(),
      email: z.string(),
      parentId: z.string(),
      joinedMethod: z.enum(['INVITED', 'CREATED']),
      joinedTimestamp: z.number(),
    }),
  ),
  /** Customer-created SCPs and RCPs; the AWS managed FullAWSAccess and RCPFullAWSAccess are implied. */
  policies: z.record(
    z.string(),
    z.object({ id: z.string(), arn: z.string(), name: z.string(), description: z.string(), type: policyTypeSchema, content: z.string() }),
  ),
  /** Target id (root, OU or account) to attached policy ids. */
  attachments: z.record(z.string(), z.array(z.string())),
});

export const handshakeSchema = z.object({
  id: z.string(),
  arn: z.string(),
  organizationId: z.string(),
  targetAccountId: z.string(),
  state: z.enum(['OPEN', 'ACCEPTED', 'DECLINED', 'CANCELED', 'EXPIRED']),
  requestedTimestamp: z.number(),
  expirationTimestamp: z.number(),
});

export const organizationsStateSchema = z.object({
  organizations: z.record(z.string(), organizationSchema),
  handshakes: z.record(z.string(), handshakeSchema),
});

export type PolicyType = z.infer<typeof policyTypeSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Handshake = z.infer<typeof handshakeSchema>;
export type OrganizationsState = z.infer<typeof organizationsStateSchema>;

export function emptyOrganizationsState(): OrganizationsState {
  return { organizations: {}, handshakes: {} };
}
