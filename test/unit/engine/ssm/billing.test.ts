import { describe, expect, it } from 'vitest';
import { pricing } from '../../../../src/engine/index.ts';
import { prices } from '../pricing/price-files.ts';
import { ACCOUNT, newSim, ok, put, ssm } from './helpers.ts';

function bill(sim: ReturnType<typeof newSim>, month = '2026-01') {
  return pricing.computeBill(sim.state, prices, { accountId: ACCOUNT, month, freeTier: false });
}

function line(sim: ReturnType<typeof newSim>, id: string, month = '2026-01') {
  return bill(sim, month).lineItems.find((l) => l.id === id);
}

const ADVANCED_LINE = 'ssm/parameter/advanced/us-east-1';

describe('Parameter Store on the bill', () => {
  it('standard parameters cost nothing to store and their calls are free', () => {
    const sim = newSim();
    put(sim, '/flag', 'on');
    for (let i = 0; i < 5; i++) ok(ssm(sim, 'GetParameter', { name: '/flag' }));
    sim.advance({ days: 31 });
    const b = bill(sim);
    expect(b.lineItems.filter((l) => l.service === 'ssm')).toEqual([]);
    expect(b.total.toString()).toBe('0');
  });

  it('an advanced parameter kept all January costs $0.05', () => {
    const sim = newSim();
    put(sim, '/big', 'v', { tier: 'Advanced' });
    sim.advance({ days: 31 });
    expect(line(sim, ADVANCED_LINE)?.amount.toString()).toBe('0.05');
  });

  it('is prorated by the hour: upgraded halfway through January, it costs half', () => {
    const sim = newSim();
    put(sim, '/p', 'v');
    sim.advance({ days: 15, hours: 12 });
    ok(ssm(sim, 'PutParameter', { name: '/p', value: 'w', overwrite: true, tier: 'Advanced' }));
    sim.advance({ days: 16 });
    expect(line(sim, ADVANCED_LINE)?.amount.toString()).toBe('0.025');
  });

  it('a deleted advanced parameter is still billed for the hours it existed, and not after', () => {
    const sim = newSim();
    put(sim, '/p', 'v', { tier: 'Advanced' });
    sim.advance({ days: 15, hours: 12 });
    ok(ssm(sim, 'DeleteParameter', { name: '/p' }));
    sim.advance({ days: 40 });
    expect(line(sim, ADVANCED_LINE)?.amount.toString()).toBe('0.025');
    expect(line(sim, ADVANCED_LINE, '2026-02')).toBeUndefined();
  });

  it('calls that touch advanced parameters are billed per 10,000 interactions', () => {
    const sim = newSim();
    put(sim, '/adv', 'v', { tier: 'Advanced' });
    put(sim, '/std', 'v');
    ok(ssm(sim, 'GetParameter', { name: '/adv' }));
    ok(ssm(sim, 'GetParameter', { name: '/std' }));
    ok(ssm(sim, 'GetParameters', { names: ['/adv', '/std'] }));
    const interactions = line(sim, 'ssm/api-interactions');
    // PutParameter of /adv, GetParameter of /adv, GetParameters touching /adv: three; the /std calls are free.
    expect(interactions?.usage.toString()).toBe('3');
    expect(interactions?.amount.toString()).toBe('0.000015');
  });

  it('the bill total includes Parameter Store', () => {
    const sim = newSim();
    put(sim, '/big', 'v', { tier: 'Advanced' });
    sim.advance({ days: 31 });
    const b = bill(sim);
    expect(b.totals.find((t) => t.service === 'ssm')?.amount.toString()).toBe('0.050005');
  });
});
