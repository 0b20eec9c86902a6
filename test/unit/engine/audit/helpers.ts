import { queryEventHistory, type CloudTrailEvent, type HistoryQuery, type Simulator } from '../../../../src/engine/index.ts';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'us-east-1';
export const OTHER_ADMIN = { principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:user/admin` };

/** Every CloudTrail record an account's history holds in a Region, most recent first. */
export function records(sim: Simulator, accountId = ACCOUNT, query: Partial<HistoryQuery> = {}): CloudTrailEvent[] {
  return queryEventHistory(sim.state, { accountId, region: REGION, now: sim.now, ...query }).events.map((e) => e.record);
}

/** The most recent record of one event name in an account's history. */
export function latest(sim: Simulator, eventName: string, accountId = ACCOUNT): CloudTrailEvent {
  const found = records(sim, accountId, { attributes: [{ key: 'EventName', value: eventName }] })[0];
  if (!found) throw new Error(`no ${eventName} event in ${accountId}`);
  return found;
}
