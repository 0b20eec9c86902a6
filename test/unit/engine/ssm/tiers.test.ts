import { describe, expect, it } from 'vitest';
import { fails, get, newSim, ok, put, ssm } from './helpers.ts';

const STANDARD_TOO_LARGE = /^Standard tier parameters support a maximum parameter value of 4096 characters\./;

describe('tiers and value sizes', () => {
  it('Standard holds exactly 4096 characters and refuses 4097', () => {
    const sim = newSim();
    expect(put(sim, '/s', 'x'.repeat(4096)).tier).toBe('Standard');
    fails(ssm(sim, 'PutParameter', { name: '/t', value: 'x'.repeat(4097), type: 'String' }), 'ValidationException', STANDARD_TOO_LARGE);
  });

  it('Advanced holds 8192 and refuses 8193', () => {
    const sim = newSim();
    expect(put(sim, '/a', 'x'.repeat(8192), { tier: 'Advanced' })).toEqual({ version: 1, tier: 'Advanced' });
    fails(ssm(sim, 'PutParameter', { name: '/b', value: 'x'.repeat(8193), type: 'String', tier: 'Advanced' }), 'ValidationException');
  });

  it('Intelligent-Tiering picks Standard while the value fits and Advanced when it does not', () => {
    const sim = newSim();
    expect(put(sim, '/small', 'x', { tier: 'Intelligent-Tiering' }).tier).toBe('Standard');
    expect(put(sim, '/large', 'x'.repeat(5000), { tier: 'Intelligent-Tiering' }).tier).toBe('Advanced');
  });

  it('a Standard parameter can be upgraded by overwrite; an Advanced one is never downgraded', () => {
    const sim = newSim();
    put(sim, '/p', 'v');
    expect(ok(ssm(sim, 'PutParameter', { name: '/p', value: 'x'.repeat(6000), overwrite: true, tier: 'Advanced' }))).toEqual({ version: 2, tier: 'Advanced' });
    fails(ssm(sim, 'PutParameter', { name: '/p', value: 'small', overwrite: true, tier: 'Standard' }), 'ValidationException', /can't downgrade/);
    // Intelligent-Tiering and no tier both keep it Advanced, even with a small value.
    expect(ok(ssm(sim, 'PutParameter', { name: '/p', value: 'small', overwrite: true, tier: 'Intelligent-Tiering' })).tier).toBe('Advanced');
    expect(ok(ssm(sim, 'PutParameter', { name: '/p', value: 'smaller', overwrite: true })).tier).toBe('Advanced');
    expect(get(sim, '/p')).toMatchObject({ value: 'smaller', version: 4 });
  });

  it('an overwrite over the Standard limit without a tier is refused and changes nothing', () => {
    const sim = newSim();
    put(sim, '/p', 'v');
    fails(ssm(sim, 'PutParameter', { name: '/p', value: 'x'.repeat(5000), overwrite: true }), 'ValidationException', STANDARD_TOO_LARGE);
    expect(get(sim, '/p')).toMatchObject({ value: 'v', version: 1 });
  });

  it('DescribeParameters reports each tier and filters by it', () => {
    const sim = newSim();
    put(sim, '/a', 'v', { tier: 'Advanced' });
    put(sim, '/s', 'v');
    const all = ok(ssm(sim, 'DescribeParameters')).parameters as { name: string; tier: string }[];
    expect(all.map((p) => [p.name, p.tier])).toEqual([['/a', 'Advanced'], ['/s', 'Standard']]);
    const advanced = ok(ssm(sim, 'DescribeParameters', { parameterFilters: [{ key: 'Tier', values: ['Advanced'] }] })).parameters;
    expect(advanced.map((p: { name: string }) => p.name)).toEqual(['/a']);
  });
});
