import { describe, expect, it } from 'vitest';
import { ACCOUNT, fails, get, newSim, ok, put, ssm } from './helpers.ts';

const EXISTS = 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.';

describe('PutParameter', () => {
  it('creates version 1 in the Standard tier and GetParameter returns it with its ARN', () => {
    const sim = newSim();
    expect(put(sim, '/app/flag', 'on')).toEqual({ version: 1, tier: 'Standard' });
    expect(get(sim, '/app/flag')).toMatchObject({
      name: '/app/flag',
      type: 'String',
      value: 'on',
      version: 1,
      arn: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/flag`,
      dataType: 'text',
    });
  });

  it('a name without a leading slash gets one added in its ARN', () => {
    const sim = newSim();
    put(sim, 'plain', 'x');
    expect(get(sim, 'plain').arn).toBe(`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/plain`);
    expect(get(sim, `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/plain`).value).toBe('x');
  });

  it('refuses an existing name without Overwrite, and leaves the value alone', () => {
    const sim = newSim();
    put(sim, '/app/flag', 'on');
    fails(ssm(sim, 'PutParameter', { name: '/app/flag', value: 'off', type: 'String' }), 'ParameterAlreadyExists', EXISTS);
    expect(get(sim, '/app/flag')).toMatchObject({ value: 'on', version: 1 });
  });

  it('Overwrite makes a new version each time and keeps the type when it is left out', () => {
    const sim = newSim();
    put(sim, '/app/list', 'a,b', { type: 'StringList' });
    expect(ok(ssm(sim, 'PutParameter', { name: '/app/list', value: 'a,b,c', overwrite: true })).version).toBe(2);
    expect(ok(ssm(sim, 'PutParameter', { name: '/app/list', value: 'c', overwrite: true })).version).toBe(3);
    expect(get(sim, '/app/list')).toMatchObject({ type: 'StringList', value: 'c', version: 3 });
  });

  it('a new parameter needs a Type', () => {
    fails(ssm(newSim(), 'PutParameter', { name: '/x', value: 'v' }), 'ValidationException', /type is required/);
  });

  it('tags and Overwrite cannot be used together', () => {
    const sim = newSim();
    put(sim, '/x', 'v');
    fails(
      ssm(sim, 'PutParameter', { name: '/x', value: 'w', type: 'String', overwrite: true, tags: [{ key: 'team', value: 'web' }] }),
      'ValidationException',
      /^Invalid request: tags and overwrite can't be used together\./,
    );
  });

  it('tags on creation are kept through a later overwrite', () => {
    const sim = newSim();
    put(sim, '/x', 'v', { tags: [{ key: 'team', value: 'web' }] });
    ok(ssm(sim, 'PutParameter', { name: '/x', value: 'w', overwrite: true }));
    const state = sim.state.services.ssm as { regions: Record<string, { parameters: Record<string, { tags?: unknown }> }> };
    expect(state.regions[`${ACCOUNT}/us-east-1`]!.parameters['/x']!.tags).toEqual([{ key: 'team', value: 'web' }]);
  });

  it.each([
    ['aws-config', /can't be prefixed with "aws" or "ssm"/],
    ['/SSM/thing', /can't be prefixed with "aws" or "ssm"/],
    ['/has space', /can't be prefixed/],
    ['a/b', /^Parameter name must be a fully qualified name\.$/],
  ])('refuses the name %s', (name, message) => {
    fails(ssm(newSim(), 'PutParameter', { name, value: 'v', type: 'String' }), 'ValidationException', message);
  });

  it('a hierarchy deeper than 15 levels is HierarchyLevelLimitExceededException; 15 is fine', () => {
    const sim = newSim();
    const levels = (n: number) => Array.from({ length: n }, (_, i) => `/l${i}`).join('');
    expect(put(sim, levels(15), 'v').version).toBe(1);
    fails(ssm(sim, 'PutParameter', { name: levels(16), value: 'v', type: 'String' }), 'HierarchyLevelLimitExceededException');
  });

  it('KeyId belongs to SecureString only', () => {
    fails(ssm(newSim(), 'PutParameter', { name: '/x', value: 'v', type: 'String', keyId: 'alias/aws/ssm' }), 'ValidationException');
  });

  it('schema constraints: an unknown Type or Tier is a ValidationException', () => {
    const sim = newSim();
    fails(ssm(sim, 'PutParameter', { name: '/x', value: 'v', type: 'Secret' }), 'ValidationException');
    fails(ssm(sim, 'PutParameter', { name: '/x', value: 'v', type: 'String', tier: 'Premium' }), 'ValidationException');
  });

  it('DeleteParameter removes it for good; a second delete is ParameterNotFound', () => {
    const sim = newSim();
    put(sim, '/x', 'v');
    expect(ok(ssm(sim, 'DeleteParameter', { name: '/x' }))).toEqual({});
    fails(ssm(sim, 'GetParameter', { name: '/x' }), 'ParameterNotFound', '');
    fails(ssm(sim, 'DeleteParameter', { name: '/x' }), 'ParameterNotFound', '');
    // The name is free again at once (no recovery window, unlike Secrets Manager).
    expect(put(sim, '/x', 'again').version).toBe(1);
  });

  it('every call is metered under ssm:<Operation>, refused ones excepted', () => {
    const sim = newSim();
    put(sim, '/x', 'v');
    get(sim, '/x');
    ssm(sim, 'GetParameter', { name: '/missing' });
    const meters = sim.state.usage['2026-01']![ACCOUNT]!;
    expect(meters['ssm:PutParameter']).toBe(1);
    expect(meters['ssm:GetParameter']).toBe(1);
  });
});
