import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { awsManagedPolicy } from '../aws-managed-policies.ts';
import { iamErrors } from '../errors.ts';
import { arnSchema, policyVersionIdSchema } from '../schemas.ts';
import { accountEpoch, callerAccount, policyTarget } from '../store.ts';

const input = z.object({ policyArn: arnSchema, versionId: policyVersionIdSchema });

/** Returns one version of a managed policy, with its document and whether it is the default (the one in force). */
export const getPolicyVersion: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'GetPolicyVersion',
  readOnly: true,
  input,
  resolve: (ctx, { policyArn }) => policyTarget(ctx, policyArn),
  execute(ctx, { policyArn, versionId }) {
    const aws = awsManagedPolicy(policyArn);
    if (aws) {
      // The simulator keeps one version of each AWS managed policy.
      if (versionId !== 'v1') throw iamErrors.policyVersionNotFound(policyArn, versionId);
      return { policyVersion: { document: aws.document, versionId, isDefaultVersion: true, createDate: accountEpoch(ctx) } };
    }
    const policy = callerAccount(ctx).policies[policyArn];
    if (!policy) throw iamErrors.policyNotFound(policyArn);
    const version = policy.versions.find((v) => v.versionId === versionId);
    if (!version) throw iamErrors.policyVersionNotFound(policyArn, versionId);
    return {
      policyVersion: { document: version.document, versionId, isDefaultVersion: versionId === policy.defaultVersionId, createDate: version.createDate },
    };
  },
};
