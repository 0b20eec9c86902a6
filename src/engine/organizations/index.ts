export { organizationsModule } from './module.ts';
export { organizationPolicyLevels, organizationOf } from './store.ts';
export type { Organization, OrganizationsState, PolicyType as OrganizationPolicyType } from './state.ts';
