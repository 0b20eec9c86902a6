export { iamModule } from './module.ts';
export { identityResolver, bootstrapIdentities, addAccountIdentities, iamState } from './identity.ts';
export { adminOnlyAuthorizer } from './admin-authorizer.ts';
export type { IamState, IamUser, AccessKey } from './identity-state.ts';
