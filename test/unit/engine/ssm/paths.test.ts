import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fails, newSim, ok, put, ssm } from './helpers.ts';

const NAMES = ['/prod/web/db-host', '/prod/web/flags/checkout', '/prod/web/flags/search', '/prod/api/url', '/dev/web/db-host', 'top'];

function seeded() {
  const sim = newSim();
  for (const name of NAMES) put(sim, name, `value of ${name}`);
  return sim;
}

function byPath(sim: ReturnType<typeof newSim>, path: string, recursive: boolean): string[] {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = ok(ssm(sim, 'GetParametersByPath', { path, recursive, maxResults: 2, ...(nextToken ? { nextToken } : {}) }));
    names.push(...page.parameters.map((p: { name: string }) => p.name));
    nextToken = page.nextToken;
  } while (nextToken);
  return names;
}

describe('hierarchies and batch reads', () => {
  it('one level by default, the whole subtree with Recursive, across pages of MaxResults', () => {
    const sim = seeded();
    expect(byPath(sim, '/prod/web', false)).toEqual(['/prod/web/db-host']);
    expect(byPath(sim, '/prod/web', true)).toEqual(['/prod/web/db-host', '/prod/web/flags/checkout', '/prod/web/flags/search']);
    expect(byPath(sim, '/prod', true)).toHaveLength(4);
    // "top" has no leading slash, so it sits in no hierarchy, not even the root one.
    expect(byPath(sim, '/', false)).toEqual([]);
  });

  it('a path must start with "/"; MaxResults is at most 10', () => {
    const sim = seeded();
    fails(ssm(sim, 'GetParametersByPath', { path: 'prod' }), 'ValidationException', /must begin with a forward slash/);
    fails(ssm(sim, 'GetParametersByPath', { path: '/prod', maxResults: 11 }), 'ValidationException');
  });

  it('a token from another query is InvalidNextToken', () => {
    const sim = seeded();
    const { nextToken } = ok(ssm(sim, 'GetParametersByPath', { path: '/prod', recursive: true, maxResults: 1 }));
    fails(ssm(sim, 'GetParametersByPath', { path: '/dev', recursive: true, nextToken }), 'InvalidNextToken');
  });

  it('GetParameters returns the found ones and lists the missing as InvalidParameters', () => {
    const sim = seeded();
    const out = ok(ssm(sim, 'GetParameters', { names: ['/prod/api/url', '/nope', 'top'] }));
    expect(out.parameters.map((p: { name: string; value: string }) => [p.name, p.value])).toEqual([
      ['/prod/api/url', 'value of /prod/api/url'],
      ['top', 'value of top'],
    ]);
    expect(out.invalidParameters).toEqual(['/nope']);
    fails(ssm(sim, 'GetParameters', { names: Array.from({ length: 11 }, (_, i) => `/n${i}`) }), 'ValidationException');
  });

  it('DescribeParameters filters by Path (OneLevel, Recursive) and Name (BeginsWith)', () => {
    const sim = seeded();
    const names = (filters: object[]) => ok(ssm(sim, 'DescribeParameters', { parameterFilters: filters })).parameters.map((p: { name: string }) => p.name);
    expect(names([{ key: 'Path', option: 'OneLevel', values: ['/prod/web'] }])).toEqual(['/prod/web/db-host']);
    expect(names([{ key: 'Path', option: 'Recursive', values: ['/prod/web'] }])).toHaveLength(3);
    expect(names([{ key: 'Name', option: 'BeginsWith', values: ['/dev'] }])).toEqual(['/dev/web/db-host']);
  });

  it('property: recursive results are exactly the names under the path, and one-level ones a subset without deeper names', () => {
    const segment = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`), { maxLength: 12 }), fc.array(segment, { maxLength: 2 }), (names, pathParts) => {
        const sim = newSim();
        const stored: string[] = [];
        for (const name of names) if (ssm(sim, 'PutParameter', { name, value: 'v', type: 'String' }).ok) stored.push(name);
        const path = `/${pathParts.join('/')}`;
        const prefix = path === '/' ? '/' : `${path}/`;
        const under = stored.filter((n) => n.startsWith(prefix)).sort((x, y) => x.localeCompare(y));
        expect(byPath(sim, path, true)).toEqual(under);
        expect(byPath(sim, path, false)).toEqual(under.filter((n) => !n.slice(prefix.length).includes('/')));
      }),
      { numRuns: 40 },
    );
  });
});
