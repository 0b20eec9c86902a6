import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { awsManagedPolicy } from '../aws-managed-policies.ts';
import { awsPolicyOutput, policyOutput } from '../describe.ts';
import { iamErrors } from '../errors.ts';
import { arnSchema } from '../schemas.ts';
import { accountEpoch, callerAccount, policyTarget } from '../store.ts';

const input = z.object({ policyArn: arnSchema });

/** Returns a managed policy's metadata (not its document: GetPolicyVersion with DefaultVersionId gives that). */
export const getPolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'GetPolicy',
  readOnly: true,
  input,
  resolve: (ctx, { policyArn }) => policyTarget(ctx, policyArn),
  execute(ctx, { policyArn }) {
    const account = callerAccount(ctx);
    const aws = awsManagedPolicy(policyArn);
    if (aws) return { policy: awsPolicyOutput(account, aws, true, accountEpoch(ctx)) };
    const policy = account.policies[policyArn];
    if (!policy) throw iamErrors.policyNotFound(policyArn);
    return { policy: policyOutput(account, policy, true) };
  },
};

