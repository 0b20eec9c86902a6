import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SsmDeps } from '../deps.ts';
import { meterAdvancedInteraction } from '../billing.ts';
import { parameterOutput } from '../describe.ts';
import { paginate } from '../pagination.ts';
import { nextTokenSchema, SENSITIVE } from '../schemas.ts';
import { assertValidPath, isUnderPath, parameterArn, peekRegionParameters } from '../store.ts';

const input = z.object({
  path: z.string().min(1).max(2048),
  recursive: z.boolean().optional(),
  withDecryption: z.boolean().optional(),
  maxResults: z.number().int().min(1).max(10).optional(),
  nextToken: nextTokenSchema.optional(),
});

/**
 * The parameters under a hierarchy path: one level down by default, the whole subtree with Recursive. Permission is
 * asked on the path itself (arn:...:parameter/a/b), which is why a policy on "parameter/a/*" alone does not grant it.
 */
export function getParametersByPath(deps: SsmDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'ssm',
    name: 'GetParametersByPath',
    readOnly: true,
    input,
    sensitive: SENSITIVE,
    resolve(ctx, { path }) {
      return { resourceArn: parameterArn(ctx.region, ctx.principal.accountId, path), resourceAccountId: ctx.principal.accountId };
    },
    execute(ctx, request) {
      assertValidPath(request.path);
      const recursive = request.recursive ?? false;
      const all = Object.values(peekRegionParameters(ctx.world, ctx.principal.accountId, ctx.region) ?? {})
        .filter((p) => isUnderPath(p.name, request.path, recursive))
        .sort((a, b) => a.name.localeCompare(b.name));
      const { page, nextToken } = paginate(all, `path:${request.path}:${recursive}`, request.maxResults ?? 10, request.nextToken);
      meterAdvancedInteraction(ctx, page);
      return { parameters: page.map((p) => parameterOutput(ctx, deps, p, request.withDecryption ?? false)), ...(nextToken ? { nextToken } : {}) };
    },
  };
}
