import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { cloudWatchErrors } from '../errors.ts';
import { alarmNameSchema } from '../schemas.ts';
import { cloudWatchState } from '../state.ts';

const input = z.object({ alarmNames: z.array(alarmNameSchema).min(1).max(100) });

/** All or nothing: if any name is wrong, no alarm is deleted (CloudWatch API reference, DeleteAlarms). */
export const deleteAlarms: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'DeleteAlarms',
  action: 'cloudwatch:DeleteAlarms',
  readOnly: false,
  input,
  execute(ctx, request) {
    const alarms = cloudWatchState(ctx.world).alarms[`${ctx.principal.accountId}/${ctx.region}`] ?? {};
    const missing = request.alarmNames.filter((name) => !alarms[name]);
    if (missing.length > 0) throw cloudWatchErrors.alarmsNotFound(missing);
    for (const name of request.alarmNames) delete alarms[name];
    return {};
  },
};
