import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { isEnabled, policyTypeOf, requireManagementAccount } from '../store.ts';
import { requireTarget } from './targets.ts';

const input = z.object({ policyId: z.string(), targetId: z.string() });

/** Attaches an SCP or RCP to the root, an OU or an account; every account below it inherits it. */
export const attachPolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'AttachPolicy',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    const type = policyTypeOf(org, request.policyId);
    if (!type) throw organizationsErrors.policyNotFound();
    requireTarget(org, request.targetId);
    if (!isEnabled(org, type)) throw organizationsErrors.policyTypeNotEnabled();
    const list = (org.attachments[request.targetId] ??= []);
    if (list.includes(request.policyId)) throw organizationsErrors.duplicateAttachment();
    list.push(request.policyId);
    return {};
  },
};
