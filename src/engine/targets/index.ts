export { targetsModule } from './module.ts';
export { targetsState, addDatabase, databaseByHost, applicationsOf, canLogin, login, type NewDatabase } from './databases.ts';
export { settleApplication, DEFAULT_CACHE_TTL_MS, type ReadCredentials } from './applications.ts';
export { addPartnerApi, partnerApis, activeKeys, partnerAccepts, callPartnerApi, PARTNER_ACTIONS, MIN_KEY_LENGTH, type NewPartnerApi, type PartnerAction, type PartnerResult } from './partner-apis.ts';
export { DATABASE_ENGINES, type PartnerApi, type PartnerKey, type Database, type DatabaseEngine, type Application, type TrafficSegment, type TargetsState } from './state.ts';
