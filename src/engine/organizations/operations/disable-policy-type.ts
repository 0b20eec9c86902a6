import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { policyTypeSchema } from '../state.ts';
import { isEnabled, policyTypeOf, requireManagementAccount } from '../store.ts';
import { rootOutput } from './shapes.ts';

const input = z.object({ rootId: z.string(), policyType: policyTypeSchema });

/** Turns a policy type off: every policy of that type is detached everywhere and stops applying. */
export const disablePolicyType: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'DisablePolicyType',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    if (request.rootId !== org.root.id) throw organizationsErrors.parentNotFound();
    if (!isEnabled(org, request.policyType)) throw organizationsErrors.policyTypeNotEnabled();
    org.root.policyTypes = org.root.policyTypes.filter((p) => p.type !== request.policyType);
    for (const [target, list] of Object.entries(org.attachments)) {
      org.attachments[target] = list.filter((id) => policyTypeOf(org, id) !== request.policyType);
    }
    return { root: rootOutput(org) };
  },
};
