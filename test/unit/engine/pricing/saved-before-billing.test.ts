import { describe, expect, it } from 'vitest';
import { createSimulator, loadSimulator, DEFAULT_ACCOUNT_ID, pricing } from '../../../../src/engine/index.ts';
import { prices } from './price-files.ts';

/**
 * A world saved before billing kept its ledger starts with an empty one; the bill then rebuilds each resource's
 * history from what the resource itself remembers (creation date, key material dates, deletion schedule).
 */
describe('a world saved before the billing ledger existed', () => {
  it('bills its secrets from their creation and its key with each rotation from the material dates', () => {
    const sim = createSimulator();
    const created = sim.call<{ keyMetadata: { keyId: string } }>({ service: 'kms', operation: 'CreateKey', input: {} });
    if (!created.ok) throw created.error;
    const keyId = created.output.keyMetadata.keyId;
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'old', secretString: 'x' } });
    sim.advance({ days: 10 });
    sim.call({ service: 'kms', operation: 'RotateKeyOnDemand', input: { keyId } });
    sim.advanceTo(Date.UTC(2026, 1, 1));
    const withLedger = pricing.computeBill(sim.state, prices, { accountId: DEFAULT_ACCOUNT_ID, month: '2026-01' });

    const snapshot = JSON.parse(JSON.stringify(sim.snapshot())) as { records: Record<string, unknown> };
    delete snapshot.records.billing;
    const loaded = loadSimulator(snapshot);
    expect(pricing.ledgerOf(loaded.state).secrets).toEqual({});
    const rebuilt = pricing.computeBill(loaded.state, prices, { accountId: DEFAULT_ACCOUNT_ID, month: '2026-01' });
    // $0.40 + $1.00 + $1 × 21 / 31 for the rotation: the same storage as the ledger's, to the last digit.
    const storage = (bill: pricing.Bill) => bill.lineItems.filter((l) => !l.id.endsWith('requests')).map((l) => `${l.id} ${l.amount.toString()}`);
    expect(storage(rebuilt)).toEqual(storage(withLedger));
    expect(rebuilt.totalDue.toFixed(2)).toBe('2.08');
  });
});
