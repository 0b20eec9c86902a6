import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { requireOrganization } from '../store.ts';
import { emailFor } from './create-organization.ts';
import { organizationOutput } from './shapes.ts';

const input = z.object({});

/** Any member account may describe its organization. */
export const describeOrganization: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'DescribeOrganization',
  readOnly: true,
  input,
  execute(ctx) {
    const org = requireOrganization(ctx);
    return { organization: organizationOutput(org, emailFor(org.masterAccountId)) };
  },
};
