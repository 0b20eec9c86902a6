export { iamModule } from './module.ts';
export { identityResolver, bootstrapIdentities, addAccountIdentities, iamState, sessionPrincipal, SECRET_ALPHABET } from './identity.ts';
export { createPolicyAuthorizer } from './world-authorizer.ts';
export { AWS_MANAGED_POLICIES, awsManagedPolicy, type AwsManagedPolicy } from './aws-managed-policies.ts';
export type { IamState, IamUser, IamRole, IamGroup, ManagedPolicy, RoleSession, AccessKey } from './identity-state.ts';
export { checkPolicyDocument, type PolicyCheckResult } from './policy-checks.ts';
export { policyDocumentProblem } from './documents.ts';
export { findByName } from './store.ts';
export { actingPrincipals, type ActingPrincipal } from './principal-directory.ts';
