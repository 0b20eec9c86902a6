import { z } from 'zod';
import type { ServiceModule } from '../kernel/index.ts';
import { eventHistoryKeeper } from './history.ts';
import { lookupEvents } from './operations/lookup-events.ts';

/**
 * CloudTrail: no resources of its own (trails are not simulated), only the event history that its record keeper
 * builds from every entry the pipeline logs, and LookupEvents to read it.
 */
export const cloudtrailModule: ServiceModule = {
  name: 'cloudtrail',
  iamPrefix: 'cloudtrail',
  targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
  stateSchema: z.object({}),
  initialState: () => ({}),
  operations: [lookupEvents],
  records: eventHistoryKeeper as ServiceModule['records'],
};
