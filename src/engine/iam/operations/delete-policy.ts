import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { awsManagedPolicy } from '../aws-managed-policies.ts';
import { policyUsage } from '../describe.ts';
import { iamErrors } from '../errors.ts';
import { arnSchema } from '../schemas.ts';
import { callerAccount, policyTarget } from '../store.ts';

const input = z.object({ policyArn: arnSchema });

/**
 * Deletes a customer managed policy. IAM refuses while it is attached to any user, group or role (or used as a
 * permissions boundary), and while it has versions besides the default one.
 */
export const deletePolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'DeletePolicy',
  readOnly: false,
  input,
  resolve(ctx, { policyArn }) {
    // AWS managed policies live in AWS's own account: nobody else can delete them.
    if (awsManagedPolicy(policyArn)) return { resourceArn: policyArn, resourceAccountId: 'aws' };
    return policyTarget(ctx, policyArn);
  },
  execute(ctx, { policyArn }) {
    const account = callerAccount(ctx);
    const policy = account.policies[policyArn];
    if (!policy) throw iamErrors.policyNotFound(policyArn);
    const usage = policyUsage(account, policyArn);
    if (usage.attachmentCount > 0 || usage.permissionsBoundaryUsageCount > 0) throw iamErrors.deleteConflict('Cannot delete a policy attached to entities.');
    if (policy.versions.length > 1) {
      throw iamErrors.deleteConflict(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    delete account.policies[policyArn];
    return {};
  },
};
