import type { AnyOperation, OperationContext, ServiceModule } from '../kernel/index.ts';
import type { SecretsDeps } from './deps.ts';
import { secretsOperations } from './operations/index.ts';
import { PURGE_TASK } from './operations/delete-secret.ts';
import { syncReplicas } from './replication.ts';
import type { Secret } from './state.ts';
import { emptySecretsState, secretsStateSchema } from './state.ts';
import { peekRegionSecrets } from './store.ts';

/**
 * Every successful write to a primary that has replicas is propagated to them, here in one place, so no operation
 * can forget it (replicas are read-only copies kept in sync by the service).
 */
function withReplicaSync(operation: AnyOperation, deps: SecretsDeps): AnyOperation {
  if (operation.readOnly) return operation;
  return {
    ...operation,
    execute(ctx, input, target) {
      const output = operation.execute(ctx, input, target);
      const secret = (target.resource as Secret | undefined) ?? undefined;
      const live = secret ? peekRegionSecrets(ctx.world, secret.accountId, secret.region)?.secrets[secret.name] : undefined;
      if (live?.replicas?.length) syncReplicas(ctx, deps, live);
      return output;
    },
  };
}

function purgeSecret(ctx: OperationContext, payload: Record<string, unknown>): void {
  const { accountId, region, name, arn } = payload as { accountId: string; region: string; name: string; arn: string };
  const secrets = peekRegionSecrets(ctx.world, accountId, region)?.secrets;
  const secret = secrets?.[name];
  if (!secrets || !secret || secret.arn !== arn || secret.deletedDate === undefined) return;
  delete secrets[name];
  ctx.emitServiceEvent({
    service: 'secretsmanager',
    eventName: 'DeleteSecret',
    accountId,
    resources: [{ arn, accountId }],
    details: { secretId: arn, reason: 'The recovery window ended.' },
  });
}

export function createSecretsModule(deps: SecretsDeps): ServiceModule {
  return {
    name: 'secretsmanager',
    iamPrefix: 'secretsmanager',
    targetPrefix: 'secretsmanager',
    stateSchema: secretsStateSchema,
    initialState: emptySecretsState,
    operations: secretsOperations(deps).map((op) => withReplicaSync(op, deps)),
    taskHandlers: { [PURGE_TASK]: purgeSecret },
  };
}
