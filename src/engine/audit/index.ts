export { cloudtrailModule } from './module.ts';
export { queryEventHistory, LOOKUP_ATTRIBUTE_KEYS, type HistoryEvent, type HistoryQuery, type LookupAttributeKey } from './lookup.ts';
// The record of one log entry as one account sees it, for services that forward CloudTrail events (EventBridge).
export { renderEvent, recipientsOf, type CloudTrailEvent } from './cloudtrail-event.ts';
export { type UserIdentity } from './user-identity.ts';
export { RETENTION_MS, EVENTS_PER_ACCOUNT } from './history.ts';
export { cloudtrailErrors } from './errors.ts';
