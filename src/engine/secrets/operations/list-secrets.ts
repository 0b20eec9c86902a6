import { z } from 'zod';
import type { OperationContext, OperationDefinition } from '../../kernel/index.ts';
import { secretMetadata } from '../describe.ts';
import { matchesFilters } from '../list-filters.ts';
import { paginate } from '../pagination.ts';
import { filtersSchema, maxResultsSchema, nextTokenSchema } from '../schemas.ts';
import type { Secret } from '../state.ts';
import { peekRegionSecrets } from '../store.ts';
import { secretsErrors } from '../errors.ts';

const input = z.object({
  includePlannedDeletion: z.boolean().optional(),
  maxResults: maxResultsSchema.optional(),
  nextToken: nextTokenSchema.optional(),
  filters: filtersSchema.optional(),
  sortOrder: z.enum(['asc', 'desc']).optional(),
  sortBy: z.enum(['created-date', 'last-accessed-date', 'last-changed-date', 'name']).optional(),
});

type ListInput = z.infer<typeof input>;

/** The secrets of the caller's account in the call's region that a listing selects, in its order. */
export function selectSecrets(ctx: OperationContext, request: Pick<ListInput, 'filters' | 'includePlannedDeletion' | 'sortBy' | 'sortOrder'>): Secret[] {
  for (const filter of request.filters ?? []) {
    if (!filter.values || filter.values.length === 0) throw secretsErrors.invalidParameter(`Invalid filter values for key: ${filter.key}`);
  }
  const secrets = Object.values(peekRegionSecrets(ctx.world, ctx.principal.accountId, ctx.region)?.secrets ?? {})
    .filter((s) => request.includePlannedDeletion || s.deletedDate === undefined)
    .filter((s) => matchesFilters(s, request.filters ?? []));
  const sortKey = (s: Secret): number | string => {
    switch (request.sortBy) {
      case 'name':
        return s.name;
      case 'last-accessed-date':
        return s.lastAccessedDate ?? 0;
      case 'last-changed-date':
        return s.lastChangedDate;
      default:
        return s.createdDate;
    }
  };
  const direction = request.sortOrder === 'desc' ? -1 : 1;
  return secrets.sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    return (x < y ? -1 : x > y ? 1 : a.arn < b.arn ? -1 : 1) * direction;
  });
}

/**
 * Lists metadata (never values). Note the version map is called SecretVersionsToStages here, not
 * VersionIdsToStages as in DescribeSecret. Secrets scheduled for deletion are hidden unless asked for.
 */
export function listSecrets(): OperationDefinition<ListInput> {
  return {
    service: 'secretsmanager',
    name: 'ListSecrets',
    readOnly: true,
    input,
    execute(ctx, request) {
      const secrets = selectSecrets(ctx, request);
      const scope = `list:${ctx.principal.accountId}:${ctx.region}:${JSON.stringify([request.filters, request.includePlannedDeletion, request.sortBy, request.sortOrder])}`;
      const { page, nextToken } = paginate(secrets, scope, request.maxResults, request.nextToken, 100);
      return {
        secretList: page.map((secret) => {
          const { stagesByVersion, ...metadata } = secretMetadata(secret);
          return { ...metadata, ...(stagesByVersion ? { secretVersionsToStages: stagesByVersion } : {}) };
        }),
        ...(nextToken ? { nextToken } : {}),
      };
    },
  };
}
