import { z } from 'zod';
import type { ServiceModule } from '../kernel/index.ts';
import { lifecycleLedgerKeeper } from './lifecycle-ledger.ts';

/**
 * Billing as the pipeline sees it: no API of its own (the simulator has no Billing or Cost Explorer operations),
 * only a record keeper that turns the stream of calls and service events into resource lifecycles. Its ledger lives
 * in world.records.billing, so it is saved, undone and exported with the world.
 */
export const BILLING_SERVICE = 'billing';

export const billingModule: ServiceModule = {
  name: BILLING_SERVICE,
  iamPrefix: 'aws-portal',
  targetPrefix: 'AWSBilling',
  stateSchema: z.object({}),
  initialState: () => ({}),
  operations: [],
  records: lifecycleLedgerKeeper,
};
