import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { awsManagedPolicy } from '../aws-managed-policies.ts';
import { assertPolicyDocument } from '../documents.ts';
import { iamErrors } from '../errors.ts';
import { MANAGED_POLICY_SIZE, minifiedLength } from '../holders.ts';
import { arnSchema, policyDocumentSchema } from '../schemas.ts';
import { callerAccount, policyTarget } from '../store.ts';

const input = z.object({ policyArn: arnSchema, policyDocument: policyDocumentSchema, setAsDefault: z.boolean().optional() });

/** A managed policy keeps at most five versions; the oldest must be deleted before a sixth (IAM User Guide, "Versioning IAM policies"). */
const MAX_VERSIONS = 5;

/**
 * Adds a version to a customer managed policy. With SetAsDefault it takes effect at once for every user, group and
 * role the policy is attached to; otherwise it waits, stored, until made the default. Version ids only grow (v1, v2...).
 */
export const createPolicyVersion: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'CreatePolicyVersion',
  readOnly: false,
  input,
  resolve(ctx, { policyArn }) {
    // AWS managed policies live in AWS's own account: nobody else can change them.
    if (awsManagedPolicy(policyArn)) return { resourceArn: policyArn, resourceAccountId: 'aws' };
    return policyTarget(ctx, policyArn);
  },
  execute(ctx, { policyArn, policyDocument, setAsDefault }) {
    const policy = callerAccount(ctx).policies[policyArn];
    if (!policy) throw iamErrors.policyNotFound(policyArn);
    assertPolicyDocument(policyDocument, 'identity');
    if (minifiedLength(policyDocument) > MANAGED_POLICY_SIZE) throw iamErrors.quota('PolicySize', MANAGED_POLICY_SIZE);
    if (policy.versions.length >= MAX_VERSIONS) {
      throw iamErrors.limitExceeded('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
    }
    const next = Math.max(...policy.versions.map((v) => Number(v.versionId.slice(1)))) + 1;
    const versionId = `v${next}`;
    policy.versions.push({ versionId, document: policyDocument, createDate: ctx.now });
    if (setAsDefault) {
      policy.defaultVersionId = versionId;
      policy.updateDate = ctx.now;
    }
    return { policyVersion: { versionId, isDefaultVersion: setAsDefault ?? false, createDate: ctx.now } };
  },
};
