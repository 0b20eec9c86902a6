import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { functionConfiguration } from '../describe.ts';
import { lambdaState } from '../store.ts';

const input = z.object({ maxItems: z.number().int().min(1).max(10000).optional(), marker: z.string().optional() });

/** The caller's functions in the region, by name; Marker is the name to continue after. */
export const listFunctions: OperationDefinition<z.infer<typeof input>> = {
  service: 'lambda',
  name: 'ListFunctions',
  readOnly: true,
  input,
  execute(ctx, request) {
    const all = Object.values(lambdaState(ctx.world).regions[`${ctx.principal.accountId}/${ctx.region}`]?.functions ?? {})
      .sort((a, b) => a.functionName.localeCompare(b.functionName))
      .filter((fn) => request.marker === undefined || fn.functionName > request.marker);
    const max = request.maxItems ?? 50;
    const page = all.slice(0, max);
    return { functions: page.map(functionConfiguration), ...(all.length > max ? { nextMarker: page[page.length - 1]!.functionName } : {}) };
  },
};
