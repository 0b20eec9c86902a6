import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { metadataOutput } from '../describe.ts';
import { paginate } from '../pagination.ts';
import { nextTokenSchema } from '../schemas.ts';
import type { Parameter } from '../state.ts';
import { isUnderPath, peekRegionParameters } from '../store.ts';

const filterSchema = z.object({
  key: z.enum(['Name', 'Type', 'KeyId', 'Tier', 'Path']),
  option: z.enum(['Equals', 'BeginsWith', 'Recursive', 'OneLevel']).optional(),
  values: z.array(z.string().min(1).max(1024)).min(1).max(50),
});

const input = z.object({
  parameterFilters: z.array(filterSchema).optional(),
  maxResults: z.number().int().min(1).max(50).optional(),
  nextToken: nextTokenSchema.optional(),
});

type Filter = z.infer<typeof filterSchema>;

/** One ParameterStringFilter: Name (Equals/BeginsWith), Type/KeyId/Tier (Equals), Path (OneLevel/Recursive). */
function matches(parameter: Parameter, filter: Filter): boolean {
  switch (filter.key) {
    case 'Name':
      return filter.values.some((v) => (filter.option === 'BeginsWith' ? parameter.name.startsWith(v) : parameter.name === v));
    case 'Type':
      return filter.values.includes(parameter.type);
    case 'Tier':
      return filter.values.includes(parameter.tier);
    case 'KeyId':
      return parameter.type === 'SecureString' && filter.values.includes(parameter.keyId ?? 'alias/aws/ssm');
    case 'Path':
      return filter.values.some((v) => isUnderPath(parameter.name, v, filter.option === 'Recursive'));
  }
}

/** Parameters' metadata, never their values (so ssm:DescribeParameters reveals no secret). */
export function describeParameters(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'ssm',
    name: 'DescribeParameters',
    readOnly: true,
    input,
    execute(ctx, request) {
      const filters = request.parameterFilters ?? [];
      const all = Object.values(peekRegionParameters(ctx.world, ctx.principal.accountId, ctx.region) ?? {})
        .filter((p) => filters.every((f) => matches(p, f)))
        .sort((a, b) => a.name.localeCompare(b.name));
      const { page, nextToken } = paginate(all, `describe:${JSON.stringify(filters)}`, request.maxResults ?? 50, request.nextToken);
      return { parameters: page.map(metadataOutput), ...(nextToken ? { nextToken } : {}) };
    },
  };
}
