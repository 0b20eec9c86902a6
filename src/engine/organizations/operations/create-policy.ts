import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { checkPolicyDocument } from '../../iam/index.ts';
import { organizationsErrors } from '../errors.ts';
import { policyTypeSchema } from '../state.ts';
import { ids, isEnabled, requireManagementAccount } from '../store.ts';
import { policySummary } from './shapes.ts';

const input = z.object({
  content: z.string().min(1).max(1_000_000),
  description: z.string().max(512),
  name: z.string().min(1).max(128),
  type: z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY']),
  tags: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
});

/** Quota: an SCP or RCP document is at most 5,120 characters (Organizations quotas). */
const MAX_POLICY_CHARACTERS = 5120;

/**
 * A customer SCP or RCP, checked by the same validator as every other policy: an SCP has no Principal; an RCP
 * needs Principal "*". Other organization policy types are outside the simulator and refused as such.
 */
export const createPolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'CreatePolicy',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    const type = policyTypeSchema.safeParse(request.type);
    if (!type.success) {
      throw organizationsErrors.constraintViolation(`SecretsLab simulates only SCPs and RCPs; ${request.type} is not modelled.`);
    }
    if (!isEnabled(org, type.data)) throw organizationsErrors.policyTypeNotEnabled();
    if (request.content.length > MAX_POLICY_CHARACTERS) {
      throw organizationsErrors.constraintViolation('You attempted to create a policy that is larger than the maximum size (5120 characters).');
    }
    const checked = checkPolicyDocument(request.content, type.data === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp');
    const first = checked.errors[0];
    if (first) throw organizationsErrors.malformedPolicy(`${first.message} (line ${first.line}, column ${first.column}).`);
    if (Object.values(org.policies).some((p) => p.name === request.name && p.type === type.data)) throw organizationsErrors.duplicatePolicy();
    const id = ids.policy(ctx.rng);
    org.policies[id] = {
      id,
      arn: `arn:aws:organizations::${org.masterAccountId}:policy/${org.id}/${type.data.toLowerCase()}/${id}`,
      name: request.name,
      description: request.description,
      type: type.data,
      content: request.content,
    };
    return { policy: { policySummary: policySummary(org, id), content: request.content } };
  },
};
