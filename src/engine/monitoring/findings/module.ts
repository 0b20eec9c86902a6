import type { ServiceModule } from '../../kernel/index.ts';
import type { FindingDeps } from './evaluate.ts';
import { findingRecordKeeper } from './finding-records.ts';
import { getFindings } from './get-findings.ts';
import { SECURITY_HUB_SERVICE, emptySecurityHubState, securityHubStateSchema } from './state.ts';
import { updateSecurityControl } from './update-security-control.ts';

/** AWS Security Hub CSPM: control findings for secrets and keys, kept current by change-triggered and periodic checks. */
export function createSecurityHubModule(deps: FindingDeps): ServiceModule {
  return {
    name: SECURITY_HUB_SERVICE,
    iamPrefix: 'securityhub',
    targetPrefix: 'SecurityHubAPIService',
    stateSchema: securityHubStateSchema,
    initialState: emptySecurityHubState,
    operations: [getFindings(deps), updateSecurityControl],
    records: findingRecordKeeper(deps),
  };
}
