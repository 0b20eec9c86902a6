import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../../src/engine/index.ts';
import { call } from './helpers.ts';

/** ListRules and ListTargetsByRule page with Limit and NextToken, as the CLI's paginators (events) expect. */

function rules(sim: Simulator, names: string[]): void {
  for (const name of names) call(sim, 'events', 'PutRule', { name, eventPattern: '{"source":["aws.secretsmanager"]}' });
}

describe('EventBridge list paging', () => {
  it('ListRules returns Limit rules by name and a NextToken that continues exactly where the page ended', () => {
    const sim = createSimulator();
    rules(sim, ['c', 'a', 'e', 'b', 'd']);
    const first = call(sim, 'events', 'ListRules', { limit: 2 });
    expect(first.rules.map((r: { name: string }) => r.name)).toEqual(['a', 'b']);
    const second = call(sim, 'events', 'ListRules', { limit: 2, nextToken: first.nextToken });
    expect(second.rules.map((r: { name: string }) => r.name)).toEqual(['c', 'd']);
    const last = call(sim, 'events', 'ListRules', { limit: 2, nextToken: second.nextToken });
    expect(last.rules.map((r: { name: string }) => r.name)).toEqual(['e']);
    expect(last).not.toHaveProperty('nextToken');
    expect(call(sim, 'events', 'ListRules', {})).not.toHaveProperty('nextToken');
  });

  it('a token from another listing, or a made-up one, is refused', () => {
    const sim = createSimulator();
    rules(sim, ['a', 'b', 'c']);
    const token = call(sim, 'events', 'ListRules', { limit: 1 }).nextToken;
    for (const bad of [token, 'bm90IGEgdG9rZW4=']) {
      const result = sim.call({ service: 'events', operation: 'ListRules', input: { namePrefix: 'b', nextToken: bad } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('ValidationException');
    }
  });

  it('ListTargetsByRule pages the targets in the order they were added', () => {
    const sim = createSimulator();
    rules(sim, ['r']);
    call(sim, 'events', 'PutTargets', { rule: 'r', targets: ['t1', 't2', 't3'].map((id) => ({ id, arn: `arn:aws:sns:us-east-1:111122223333:${id}` })) });
    const first = call(sim, 'events', 'ListTargetsByRule', { rule: 'r', limit: 2 });
    expect(first.targets.map((t: { id: string }) => t.id)).toEqual(['t1', 't2']);
    const rest = call(sim, 'events', 'ListTargetsByRule', { rule: 'r', limit: 2, nextToken: first.nextToken });
    expect(rest.targets.map((t: { id: string }) => t.id)).toEqual(['t3']);
    expect(rest).not.toHaveProperty('nextToken');
  });
});
