import { describe, expect, it } from 'vitest';
import { loadSimulator } from '../../../../src/engine/index.ts';
import { get, newSim, ok, put, ssm } from './helpers.ts';

describe('Parameter Store in a saved world', () => {
  it('parameters, versions, tiers and SecureStrings survive a snapshot round trip', () => {
    const sim = newSim();
    put(sim, '/cfg', 'a');
    ok(ssm(sim, 'PutParameter', { name: '/cfg', value: 'b', overwrite: true }));
    put(sim, '/big', 'x'.repeat(5000), { tier: 'Advanced' });
    put(sim, '/pw', 's3cret', { type: 'SecureString' });
    const loaded = loadSimulator(JSON.parse(JSON.stringify(sim.snapshot())));
    expect(get(loaded, '/cfg')).toMatchObject({ value: 'b', version: 2 });
    expect(ok(ssm(loaded, 'DescribeParameters', { parameterFilters: [{ key: 'Tier', values: ['Advanced'] }] })).parameters[0].name).toBe('/big');
    expect(get(loaded, '/pw', true).value).toBe('s3cret');
  });
});
