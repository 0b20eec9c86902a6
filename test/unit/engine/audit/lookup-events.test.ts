import { describe, expect, it } from 'vitest';
import { createSimulator, loadSimulator, DAY, type CallResult, type Simulator } from '../../../../src/engine/index.ts';
import { EVENTS_PER_ACCOUNT } from '../../../../src/engine/audit/index.ts';
import { ACCOUNT, records } from './helpers.ts';

interface LookupOutput {
  events: { eventId: string; eventName: string; readOnly: string; username?: string; eventTime: number; eventSource: string; accessKeyId?: string; resources: { resourceType?: string; resourceName: string }[]; cloudTrailEvent: string }[];
  nextToken?: string;
}

function lookup(sim: Simulator, input: Record<string, unknown> = {}, region?: string): CallResult<LookupOutput> {
  return sim.call<LookupOutput>({ service: 'cloudtrail', operation: 'LookupEvents', input, ...(region ? { region } : {}) });
}

function ok(result: CallResult<LookupOutput>): LookupOutput {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.output;
}

function by(key: string, value: string) {
  return { lookupAttributes: [{ attributeKey: key, attributeValue: value }] };
}

/** Two secrets, a few reads, a user's write, a KMS key: a small history to filter. */
function world(): { sim: Simulator; dbArn: string; keyArn: string } {
  const sim = createSimulator();
  const db = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'db', secretString: 'x' } });
  if (!db.ok) throw db.error;
  sim.advance({ hours: 1 });
  sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'api', secretString: 'y' } });
  sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'db' } });
  sim.advance({ hours: 1 });
  sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'api' } });
  const key = sim.call<{ keyMetadata: { arn: string } }>({ service: 'kms', operation: 'CreateKey', input: {} });
  if (!key.ok) throw key.error;
  return { sim, dbArn: db.output.arn, keyArn: key.output.keyMetadata.arn };
}

describe('LookupEvents', () => {
  it('returns the Region\'s events most recent first, each with CloudTrailEvent as a JSON string', () => {
    const { sim } = world();
    const { events, nextToken } = ok(lookup(sim));
    expect(nextToken).toBeUndefined();
    expect(events[0]!.eventName).toBe('CreateKey');
    expect(events.at(-1)!.eventName).toBe('GenerateDataKey');
    const times = events.map((e) => e.eventTime);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const record = JSON.parse(events[0]!.cloudTrailEvent) as { eventID: string; eventName: string };
    expect(record.eventID).toBe(events[0]!.eventId);
    expect(events[0]).toMatchObject({ eventSource: 'kms.amazonaws.com', readOnly: 'false', username: 'admin' });
  });

  it('filters by each lookup attribute', () => {
    const { sim, dbArn, keyArn } = world();
    // Each lookup is an event itself (read-only, by admin); they are left out of the counts.
    const names = (input: Record<string, unknown>) => ok(lookup(sim, input)).events.map((e) => e.eventName).filter((n) => n !== 'LookupEvents');
    expect(names(by('EventName', 'GetSecretValue'))).toEqual(['GetSecretValue', 'GetSecretValue']);
    // Secrets Manager's KMS calls name the key, not the secret; CreateSecret names the secret it made.
    expect(names(by('ResourceName', dbArn))).toEqual(['GetSecretValue', 'CreateSecret']);
    expect(names(by('ResourceType', 'AWS::KMS::Key'))).toEqual(['CreateKey', 'Decrypt', 'Decrypt', 'GenerateDataKey', 'GenerateDataKey']);
    expect(names(by('EventSource', 'kms.amazonaws.com'))).toHaveLength(5);
    expect(names(by('ReadOnly', 'false'))).toEqual(['CreateKey', 'CreateSecret', 'CreateSecret']);
    expect(names(by('ReadOnly', 'true'))).toHaveLength(6);
    expect(names(by('Username', 'admin'))).toHaveLength(9);
    expect(names(by('Username', 'nobody'))).toEqual([]);
    const someone = ok(lookup(sim)).events[3]!;
    expect(ok(lookup(sim, by('EventId', someone.eventId))).events.map((e) => e.eventId)).toEqual([someone.eventId]);
    expect(keyArn).toMatch(/^arn:aws:kms:/);
  });

  it('filters by access key: the CLI\'s `test` key, not the app\'s keyless calls', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {}, caller: { accessKeyId: 'test' } });
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {} });
    const found = ok(lookup(sim, by('AccessKeyId', 'test'))).events;
    expect(found).toHaveLength(1);
    expect(found[0]!.accessKeyId).toBe('test');
  });

  it('keeps to a time range (both ends inclusive)', () => {
    const { sim } = world();
    const start = Date.UTC(2026, 0, 1, 1);
    const inRange = ok(lookup(sim, { startTime: start, endTime: start })).events;
    // A call's own KMS calls are logged just before it, at the same instant.
    expect(inRange.map((e) => e.eventName)).toEqual(['GetSecretValue', 'Decrypt', 'CreateSecret', 'GenerateDataKey']);
    expect(ok(lookup(sim, { startTime: start + 1 })).events.every((e) => e.eventTime > start)).toBe(true);
  });

  it('pages with MaxResults and NextToken, and new events (the lookups themselves) do not shift the pages', () => {
    const { sim } = world();
    const all = ok(lookup(sim)).events.map((e) => e.eventId);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = ok(lookup(sim, { maxResults: 4, ...(token ? { nextToken: token } : {}) }));
      pages += 1;
      if (pages === 1) seen.push(...page.events.map((e) => e.eventId).filter((id) => all.includes(id)));
      else seen.push(...page.events.map((e) => e.eventId));
      expect(page.events.length).toBeLessThanOrEqual(4);
      token = page.nextToken;
    } while (token);
    // The first page starts with the previous LookupEvents call; after it, exactly the history as it was.
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
  });

  it('answers a token used with other parameters, or not ours, with InvalidNextTokenException', () => {
    const { sim } = world();
    const first = ok(lookup(sim, { maxResults: 1, ...by('ReadOnly', 'true') }));
    const misuse = lookup(sim, { maxResults: 1, nextToken: first.nextToken, ...by('ReadOnly', 'false') });
    expect(misuse.ok ? undefined : misuse.error.code).toBe('InvalidNextTokenException');
    const junk = lookup(sim, { nextToken: 'bm90IGEgdG9rZW4=' });
    expect(junk.ok ? undefined : junk.error.code).toBe('InvalidNextTokenException');
  });

  it('validates as AWS does, with CloudTrail\'s own exceptions', () => {
    const sim = createSimulator();
    const code = (input: Record<string, unknown>) => {
      const result = lookup(sim, input);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code({ lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'a' }, { attributeKey: 'Username', attributeValue: 'b' }] })).toBe('InvalidLookupAttributesException');
    expect(code(by('Colour', 'blue'))).toBe('InvalidLookupAttributesException');
    expect(code(by('ReadOnly', 'yes'))).toBe('InvalidLookupAttributesException');
    expect(code(by('EventName', 'x'.repeat(2001)))).toBe('InvalidLookupAttributesException');
    expect(code({ maxResults: 51 })).toBe('InvalidMaxResultsException');
    expect(code({ maxResults: 0 })).toBe('InvalidMaxResultsException');
    expect(code({ maxResults: 50 })).toBe('ok');
    expect(code({ startTime: 2000, endTime: 1000 })).toBe('InvalidTimeRangeException');
    expect(code({ eventCategory: 'data' })).toBe('InvalidEventCategoryException');
    expect(code({ lookupAttributes: [{ attributeKey: 'EventName' }] })).toBe('ValidationException');
    // No Insights events are simulated: asking for them finds none.
    expect(ok(lookup(sim, { eventCategory: 'insight' })).events).toEqual([]);
    // The refusals are events too.
    expect(records(sim, ACCOUNT, { failed: true }).length).toBeGreaterThanOrEqual(8);
  });

  it('sees only the Region asked for', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {}, region: 'eu-west-1' });
    expect(ok(lookup(sim, by('EventName', 'ListSecrets'))).events).toEqual([]);
    expect(ok(lookup(sim, by('EventName', 'ListSecrets'), 'eu-west-1')).events).toHaveLength(1);
  });

  it('is denied to a user without cloudtrail:LookupEvents, and that denial is an event', () => {
    const sim = createSimulator();
    sim.call({ service: 'iam', operation: 'CreateUser', input: { userName: 'intern' } });
    const denied = sim.call({ service: 'cloudtrail', operation: 'LookupEvents', input: {}, caller: { principalArn: `arn:aws:iam::${ACCOUNT}:user/intern` } });
    expect(denied.ok ? '' : denied.error.message).toMatch(/not authorized to perform: cloudtrail:LookupEvents/);
    expect(records(sim)[0]).toMatchObject({ eventName: 'LookupEvents', eventSource: 'cloudtrail.amazonaws.com', errorCode: 'AccessDeniedException' });
  });
});

describe('the event history', () => {
  it('keeps 90 days of virtual time', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {} });
    sim.advance({ days: 89 });
    expect(records(sim).map((e) => e.eventName)).toEqual(['ListSecrets']);
    sim.advance({ days: 2 });
    expect(records(sim)).toEqual([]);
    // The next event also drops the expired one from storage, so the snapshot does not keep it either.
    sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: 'x' } });
    const stored = (sim.state.records.cloudtrail as { accounts: Record<string, unknown[]> }).accounts[ACCOUNT]!;
    expect(stored).toHaveLength(1);
    expect(sim.now - DAY * 91).toBeLessThan(sim.now);
  });

  it('is bounded by count: the oldest events go first', () => {
    const sim = createSimulator({ logLimit: 10 });
    const calls = EVENTS_PER_ACCOUNT + EVENTS_PER_ACCOUNT / 4 + 10;
    for (let i = 0; i < calls; i++) sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {} });
    const stored = (sim.state.records.cloudtrail as { accounts: Record<string, { sequence: number }[]> }).accounts[ACCOUNT]!;
    expect(stored.length).toBeGreaterThanOrEqual(EVENTS_PER_ACCOUNT);
    expect(stored.length).toBeLessThanOrEqual(EVENTS_PER_ACCOUNT * 1.25);
    const sequences = stored.map((e) => e.sequence);
    expect(sequences.at(-1)! - sequences[0]!).toBe(stored.length - 1);
    // What a lookup can see is exactly the newest EVENTS_PER_ACCOUNT.
    expect(records(sim)).toHaveLength(EVENTS_PER_ACCOUNT);
  });

  it('survives a snapshot round trip with the same event ids', () => {
    const { sim } = world();
    const before = ok(lookup(sim)).events.map((e) => e.cloudTrailEvent);
    const loaded = loadSimulator(sim.snapshot());
    const after = ok(lookup(loaded)).events.map((e) => e.cloudTrailEvent);
    // The reloaded world's lookup sees the first lookup as its newest event; everything before it is identical.
    expect(after.slice(1)).toEqual(before);
  });
});
