import type { OperationContext } from '../kernel/index.ts';

/** Work KMS does on virtual time: the end of a key's deletion waiting period. */
export const kmsTaskHandlers: Record<string, (ctx: OperationContext, payload: Record<string, unknown>) => void> = {
  'kms.deleteKey': (ctx, payload) => {
    const { accountId, region, keyId } = payload as { accountId: string; region: string; keyId: string };
    const state = (ctx.world.services.kms as import('./state.ts').KmsState).regions[`${accountId}/${region}`];
    const key = state?.keys[keyId];
    // CancelKeyDeletion removes the task; the check guards against a snapshot edited by hand.
    if (!state || !key || key.keyState !== 'PendingDeletion') return;
    delete state.keys[keyId];
    for (const [name, alias] of Object.entries(state.aliases)) if (alias.targetKeyId === keyId) delete state.aliases[name];
    ctx.emitServiceEvent({
      service: 'kms',
      eventName: 'DeleteKey',
      accountId,
      resources: [{ arn: key.arn, accountId }],
      details: { keyId },
    });
  },
};
