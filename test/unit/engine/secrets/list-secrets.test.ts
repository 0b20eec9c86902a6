import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { create, fails, names, newSim, ok, put, sm, token } from './helpers.ts';

function list(sim: Simulator, input: Record<string, unknown> = {}): string[] {
  return names(ok(sm(sim, 'ListSecrets', input)).secretList);
}

/** CreateSecret, then a second of virtual time, so the creation order is the listing order. */
function mk(sim: Simulator, name: string, extra: Record<string, unknown> = {}): void {
  create(sim, name, 'v', extra);
  sim.advance({ seconds: 1 });
}

function filtered(sim: Simulator, key: string, ...values: string[]): string[] {
  return list(sim, { filters: [{ key, values }], sortOrder: 'asc' });
}

describe('ListSecrets', () => {
  it('entries use SecretVersionsToStages, never VersionIdsToStages (§5 item 2), and never carry a value', () => {
    const sim = newSim();
    create(sim, 'app', 'topsecret', { clientRequestToken: token(1) });
    const [entry] = ok(sm(sim, 'ListSecrets')).secretList;
    expect(entry.secretVersionsToStages).toEqual({ [token(1)]: ['AWSCURRENT'] });
    expect(entry).not.toHaveProperty('versionIdsToStages');
    expect(JSON.stringify(entry)).not.toContain('topsecret');
  });

  it('leaves deprecated versions out of SecretVersionsToStages', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    put(sim, 'app', 'v3', { clientRequestToken: token(3) });
    const [entry] = ok(sm(sim, 'ListSecrets')).secretList;
    expect(Object.keys(entry.secretVersionsToStages).sort()).toEqual([token(2), token(3)]);
  });

  it('a fresh entry has no KmsKeyId, RotationEnabled, Tags or Description (§5 item 1)', () => {
    const sim = newSim();
    create(sim, 'app');
    const [entry] = ok(sm(sim, 'ListSecrets')).secretList;
    for (const key of ['kmsKeyId', 'rotationEnabled', 'tags', 'description', 'lastAccessedDate', 'deletedDate', 'primaryRegion']) {
      expect(entry).not.toHaveProperty(key);
    }
  });

  it('lists only the caller\'s account in the call\'s region', () => {
    const sim = newSim();
    create(sim, 'east');
    create(sim, 'west', 'v', {}, { region: 'us-west-2' });
    expect(list(sim)).toEqual(['east']);
    expect(list(sim, {})).not.toContain('west');
    expect(names(ok(sm(sim, 'ListSecrets', {}, { region: 'us-west-2' })).secretList)).toEqual(['west']);
  });

  describe('sorting', () => {
    function three(sim: Simulator) {
      create(sim, 'b');
      sim.advance({ minutes: 1 });
      create(sim, 'c');
      sim.advance({ minutes: 1 });
      create(sim, 'a');
    }

    it('SortOrder orders by CreatedDate when SortBy is absent', () => {
      const sim = newSim();
      three(sim);
      expect(list(sim, { sortOrder: 'asc' })).toEqual(['b', 'c', 'a']);
      expect(list(sim, { sortOrder: 'desc' })).toEqual(['a', 'c', 'b']);
    });

    it('SortBy name and last-changed-date', () => {
      const sim = newSim();
      three(sim);
      expect(list(sim, { sortBy: 'name', sortOrder: 'asc' })).toEqual(['a', 'b', 'c']);
      expect(list(sim, { sortBy: 'name', sortOrder: 'desc' })).toEqual(['c', 'b', 'a']);
      sim.advance({ minutes: 1 });
      put(sim, 'b', 'new');
      expect(list(sim, { sortBy: 'last-changed-date', sortOrder: 'desc' })[0]).toBe('b');
    });

    it('refuses an unknown SortBy or SortOrder by model validation', () => {
      const sim = newSim();
      fails(sm(sim, 'ListSecrets', { sortOrder: 'up' }), 'ValidationException');
      fails(sm(sim, 'ListSecrets', { sortBy: 'size' }), 'ValidationException');
    });
  });

  describe('pagination', () => {
    it('MaxResults pages with NextToken until the last page, which has none', () => {
      const sim = newSim();
      for (let i = 0; i < 7; i++) {
        create(sim, `s${i}`);
        sim.advance({ seconds: 1 });
      }
      const seen: string[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const out = ok(sm(sim, 'ListSecrets', { maxResults: 3, sortOrder: 'asc', ...(nextToken ? { nextToken } : {}) }));
        expect(out.secretList.length).toBeLessThanOrEqual(3);
        seen.push(...names(out.secretList));
        nextToken = out.nextToken;
        pages++;
      } while (nextToken && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
    });

    it('no NextToken when everything fits', () => {
      const sim = newSim();
      create(sim, 'a');
      expect(ok(sm(sim, 'ListSecrets', { maxResults: 5 }))).not.toHaveProperty('nextToken');
    });

    it('a bad NextToken is InvalidNextTokenException', () => {
      const sim = newSim();
      create(sim, 'a');
      fails(sm(sim, 'ListSecrets', { nextToken: 'not-a-token' }), 'InvalidNextTokenException');
    });

    it('MaxResults outside 1..100 fails model validation', () => {
      const sim = newSim();
      fails(sm(sim, 'ListSecrets', { maxResults: 0 }), 'ValidationException');
      fails(sm(sim, 'ListSecrets', { maxResults: 101 }), 'ValidationException');
    });
  });
});

describe('ListSecrets filters (§3, §5 item 10)', () => {
  it('name: case-sensitive prefix of the whole name (Data matches DatabaseSecret, not databaseSecret or MyData)', () => {
    const sim = newSim();
    for (const n of ['DatabaseSecret', 'databaseSecret', 'MyData']) mk(sim, n);
    expect(filtered(sim, 'name', 'Data')).toEqual(['DatabaseSecret']);
  });

  it('name: a value with a space matches nothing; "/" is a prefix; "!/" negates it', () => {
    const sim = newSim();
    mk(sim, '/testing1/one');
    mk(sim, 'testing1');
    mk(sim, 'testing1one');
    expect(filtered(sim, 'name', 'testing1 one')).toEqual([]);
    expect(filtered(sim, 'name', '/')).toEqual(['/testing1/one']);
    expect(filtered(sim, 'name', '!/')).toEqual(['testing1', 'testing1one']);
  });

  it('description: word prefix, case-insensitive (User Guide example)', () => {
    const sim = newSim();
    const descriptions = ['My Description', 'my description', 'My basic description', 'Description of my secret', 'Mydescription', 'Nothing here'];
    descriptions.forEach((d, i) => mk(sim, `s${i}`, { description: d }));
    expect(filtered(sim, 'description', 'My Description')).toEqual(['s0', 's1', 's2', 's3']);
  });

  it('description: "a secret" matches "a secret" and "an secret", not "asecret" or "thesecret"; "!a" and "!c"', () => {
    const sim = newSim();
    mk(sim, 'one', { description: 'a secret' });
    mk(sim, 'two', { description: 'an secret' });
    mk(sim, 'three', { description: 'asecret' });
    mk(sim, 'four', { description: 'thesecret' });
    expect(filtered(sim, 'description', 'a secret')).toEqual(['one', 'two']);
    expect(filtered(sim, 'description', '!a')).toEqual(['four']);
    expect(filtered(sim, 'description', '!c')).toEqual(['one', 'two', 'three', 'four']);
  });

  it('description: "one two" and "o t" need every word; "t" any word starting with t', () => {
    const sim = newSim();
    mk(sim, 'foo', { description: 'one two' });
    mk(sim, 'bar', { description: 'one and two' });
    mk(sim, 'baz', { description: 'one' });
    mk(sim, 'qux', { description: 'two' });
    mk(sim, 'none', { description: 'unrelated' });
    expect(filtered(sim, 'description', 'one two')).toEqual(['foo', 'bar']);
    expect(filtered(sim, 'description', 'o t')).toEqual(['foo', 'bar']);
    expect(filtered(sim, 'description', 't')).toEqual(['foo', 'bar', 'qux']);
  });

  it('two filters with the same key are ANDed; values of one filter are ORed', () => {
    const sim = newSim();
    mk(sim, 'foo', { description: 'one two' });
    mk(sim, 'bar', { description: 'one' });
    mk(sim, 'baz', { description: 'two' });
    mk(sim, 'qux', { description: 'unrelated' });
    const and = list(sim, { filters: [{ key: 'description', values: ['one'] }, { key: 'description', values: ['two'] }], sortOrder: 'asc' });
    expect(and).toEqual(['foo']);
    expect(filtered(sim, 'description', 'one', 'two')).toEqual(['foo', 'bar', 'baz']);
  });

  it('tag-key and tag-value: case-sensitive prefixes (Prod matches Production and Prod1, not prod or "1 Prod")', () => {
    const sim = newSim();
    mk(sim, 'a', { tags: [{ key: 'Production', value: 'x' }] });
    mk(sim, 'b', { tags: [{ key: 'Prod1', value: 'x' }] });
    mk(sim, 'c', { tags: [{ key: 'prod', value: 'x' }] });
    mk(sim, 'd', { tags: [{ key: '1 Prod', value: 'Prodigy' }] });
    expect(filtered(sim, 'tag-key', 'Prod')).toEqual(['a', 'b']);
    expect(filtered(sim, 'tag-value', 'Prod')).toEqual(['d']);
    expect(filtered(sim, 'tag-value', 'x')).toEqual(['a', 'b', 'c']);
  });

  it('different filters are ANDed', () => {
    const sim = newSim();
    mk(sim, 'foo', { tags: [{ key: 'right', value: 'right' }] });
    mk(sim, 'bar', { tags: [{ key: 'right', value: 'wrong' }] });
    mk(sim, 'baz', { tags: [{ key: 'wrong', value: 'right' }] });
    const out = list(sim, { filters: [{ key: 'tag-key', values: ['right'] }, { key: 'tag-value', values: ['right'] }] });
    expect(out).toEqual(['foo']);
  });

  describe('all: words of the name, description, tag keys and values (verified test_with_all_filter)', () => {
    const u = 'q1w2e3';
    function world() {
      const sim = newSim();
      mk(sim, `SecretOne${u}`);
      mk(sim, `SecretTwo${u}`, { description: 'DescTwo' });
      mk(sim, `Thirdsecret${u}`);
      mk(sim, `SecretFTag${u}`, { tags: [{ key: '1', value: 'foo' }] });
      mk(sim, `SecretFValue${u}`, { tags: [{ key: 'foo', value: 'v' }] });
      mk(sim, `none${u}`);
      return sim;
    }

    it.each([
      ['SecretOne', [`SecretOne${u}`]],
      ['foo', [`SecretFTag${u}`, `SecretFValue${u}`]],
      ['Secret', [`SecretOne${u}`, `SecretTwo${u}`, `SecretFTag${u}`, `SecretFValue${u}`]],
      ['secret', [`SecretOne${u}`, `SecretTwo${u}`, `SecretFTag${u}`, `SecretFValue${u}`]],
      ['ret', []],
      ['sec', [`SecretOne${u}`, `SecretTwo${u}`, `SecretFTag${u}`, `SecretFValue${u}`]],
      ['SomeSecret', []],
      ['d', [`SecretTwo${u}`]],
      ['d t', [`SecretTwo${u}`]],
      ['t', [`SecretTwo${u}`, `Thirdsecret${u}`, `SecretFTag${u}`]],
    ])('%j', (value, expected) => {
      expect(filtered(world(), 'all', value)).toEqual(expected);
    });
  });

  describe('all: name words split on / _ + = . @ - and camel case (verified test_with_all_filter_special_characters)', () => {
    const u = 'q1w2e3';
    const special = ['/', '_', '+', '=', '.', '@', '-'].map((c) => `prod${c}AppBeta${c}${u}`);
    function world() {
      const sim = newSim();
      for (const n of special) mk(sim, n);
      mk(sim, `uat/COMPANY/${u}`);
      mk(sim, `uat/COMPANYthings/${u}`);
      return sim;
    }

    it.each([
      [['AppBeta'], special],
      [['Beta'], special],
      [['AppBeta', 'prod'], special],
      [['+'], []],
      [[u], [...special, `uat/COMPANY/${u}`, `uat/COMPANYthings/${u}`]],
      [['company'], [`uat/COMPANY/${u}`]],
      [['things'], []],
      [['Ythings'], [`uat/COMPANYthings/${u}`]],
      [['N'], []],
      [['pany'], []],
    ])('%j', (values, expected) => {
      expect(filtered(world(), 'all', ...values)).toEqual(expected);
    });
  });

  it('primary-region: prefix over the primary region; from the replica region it finds the replicas', () => {
    const sim = newSim();
    mk(sim, 'replicated', { addReplicaRegions: [{ region: 'us-west-2' }] });
    mk(sim, 'plain');
    expect(filtered(sim, 'primary-region', 'us-east')).toEqual(['replicated']);
    const fromReplica = names(ok(sm(sim, 'ListSecrets', { filters: [{ key: 'primary-region', values: ['us-east-1'] }] }, { region: 'us-west-2' })).secretList);
    expect(fromReplica).toEqual(['replicated']);
  });

  it('an unknown filter key is a ValidationException naming filters.1.member.key', () => {
    const sim = newSim();
    fails(
      sm(sim, 'ListSecrets', { filters: [{ key: 'invalid', values: ['foo'] }] }),
      'ValidationException',
      /^1 validation error detected: Value 'invalid' at 'filters\.1\.member\.key' failed to satisfy constraint: Member must satisfy enum value set: \[/,
    );
  });

  it('a filter without values is refused', () => {
    const sim = newSim();
    mk(sim, 'a', { description: 'hello' });
    fails(sm(sim, 'ListSecrets', { filters: [{ key: 'description' }] }), ['InvalidParameterException', 'ValidationException']);
  });
});
