import type { ServiceModule } from '../../kernel/index.ts';
import { inboxRecordKeeper } from './inbox-records.ts';
import { deleteRule } from './operations/delete-rule.ts';
import { listRules } from './operations/list-rules.ts';
import { listTargetsByRule } from './operations/list-targets-by-rule.ts';
import { putRule } from './operations/put-rule.ts';
import { putTargets } from './operations/put-targets.ts';
import { removeTargets } from './operations/remove-targets.ts';
import { EVENTS_SERVICE, emptyEventsState, eventsStateSchema } from './state.ts';

/** Amazon EventBridge: rules on each account's default bus, delivering matched events to the app's inbox. */
export const eventsModule: ServiceModule = {
  name: EVENTS_SERVICE,
  iamPrefix: 'events',
  targetPrefix: 'AWSEvents',
  stateSchema: eventsStateSchema,
  initialState: emptyEventsState,
  operations: [putRule, putTargets, removeTargets, deleteRule, listRules, listTargetsByRule],
  records: inboxRecordKeeper,
};
