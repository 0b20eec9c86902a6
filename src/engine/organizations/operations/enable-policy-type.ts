import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { policyTypeSchema } from '../state.ts';
import { AWS_MANAGED_ORG_POLICIES, allTargets, isEnabled, requireManagementAccount } from '../store.ts';
import { rootOutput } from './shapes.ts';

const input = z.object({ rootId: z.string(), policyType: policyTypeSchema });

/**
 * Turns SCPs or RCPs on. AWS then attaches FullAWSAccess (or RCPFullAWSAccess) to the root, every OU and every
 * account, so nothing is denied until a narrower policy is attached and the full-access one detached.
 */
export const enablePolicyType: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'EnablePolicyType',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    if (request.rootId !== org.root.id) throw organizationsErrors.parentNotFound();
    if (org.featureSet !== 'ALL') {
      throw organizationsErrors.constraintViolation('The organization must have all features enabled to use policies.');
    }
    if (isEnabled(org, request.policyType)) throw organizationsErrors.policyTypeAlreadyEnabled();
    org.root.policyTypes.push({ type: request.policyType, status: 'ENABLED' });
    const id = AWS_MANAGED_ORG_POLICIES[request.policyType].id;
    for (const target of allTargets(org)) {
      const list = (org.attachments[target] ??= []);
      if (!list.includes(id)) list.push(id);
    }
    return { root: rootOutput(org) };
  },
};
