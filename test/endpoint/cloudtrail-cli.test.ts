import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { startTestEndpoint } from './helpers.ts';
import { CLI_TIMEOUT, cliOk as ok, cliVersion, runAws, TEST_CREDENTIALS, type CliCredentials, type CliResult } from './aws-cli-runner.ts';

/**
 * CloudTrail's event history through the real AWS CLI v2 (`aws cloudtrail lookup-events`) against the endpoint: the
 * calls the CLI itself made are there, with the CLI's access key, user agent and address; each lookup attribute
 * filters; a time range; the CLI's own pagination (--page-size, --max-items, --starting-token) over NextToken; and
 * CloudTrail's exceptions as the CLI prints them.
 */

const ACCOUNT = '111122223333';
const admin: CliCredentials = TEST_CREDENTIALS;
let endpoint: RunningEndpoint;
let home: string;
let dbArn = '';

interface CliEvent {
  EventId: string;
  EventName: string;
  ReadOnly: string;
  AccessKeyId?: string;
  EventTime: string;
  EventSource: string;
  Username?: string;
  Resources: { ResourceType?: string; ResourceName: string }[];
  CloudTrailEvent: string;
}

function aws(...args: string[]): Promise<CliResult> {
  return runAws(endpoint.url, home, admin, args);
}

async function lookup(...args: string[]): Promise<{ events: CliEvent[]; nextToken?: string }> {
  const output = ok(await aws('cloudtrail', 'lookup-events', ...args));
  return { events: output.Events as CliEvent[], ...(output.NextToken ? { nextToken: output.NextToken as string } : {}) };
}

/** The events other than the lookups this test makes (each lookup is an event too). */
function withoutLookups(events: CliEvent[]): CliEvent[] {
  return events.filter((e) => e.EventName !== 'LookupEvents');
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'secretslab-cli-cloudtrail-'));
  endpoint = await startTestEndpoint({ seed: 'cli-cloudtrail' });
}, CLI_TIMEOUT);

afterAll(async () => {
  await endpoint?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('AWS CLI v2: cloudtrail lookup-events', () => {
  it('has the AWS CLI v2 to drive', async () => {
    expect(await cliVersion()).toMatch(/^aws-cli\/2\./);
  });

  it('finds the CLI\'s own GetSecretValue, with its access key, address, user agent and no value', { timeout: CLI_TIMEOUT }, async () => {
    dbArn = ok(await aws('secretsmanager', 'create-secret', '--name', 'db', '--secret-string', 'cli-secret-value')).ARN as string;
    endpoint.sim.advance({ hours: 1 });
    ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'db'));
    const { events } = await lookup('--lookup-attributes', 'AttributeKey=EventName,AttributeValue=GetSecretValue');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      EventName: 'GetSecretValue',
      ReadOnly: 'true',
      AccessKeyId: 'test',
      Username: 'admin',
      EventSource: 'secretsmanager.amazonaws.com',
      EventTime: '2026-01-01T01:00:00+00:00',
      Resources: [{ ResourceType: 'AWS::SecretsManager::Secret', ResourceName: dbArn }],
    });
    const record = JSON.parse(event!.CloudTrailEvent) as Record<string, unknown>;
    expect(record).toMatchObject({
      eventID: event!.EventId,
      eventTime: '2026-01-01T01:00:00Z',
      sourceIPAddress: '127.0.0.1',
      requestParameters: { secretId: 'db' },
      responseElements: null,
      userIdentity: { type: 'IAMUser', accessKeyId: 'test', userName: 'admin', accountId: ACCOUNT },
      recipientAccountId: ACCOUNT,
    });
    expect(record.userAgent).toMatch(/^aws-cli\/2\./);
    expect(event!.CloudTrailEvent).not.toContain('cli-secret-value');
  });

  it('filters by resource name, event source, read-only and user name', { timeout: CLI_TIMEOUT }, async () => {
    ok(await aws('secretsmanager', 'create-secret', '--name', 'api', '--secret-string', 'other'));
    const ofDb = withoutLookups((await lookup('--lookup-attributes', `AttributeKey=ResourceName,AttributeValue=${dbArn}`)).events);
    expect(ofDb.map((e) => e.EventName)).toEqual(['GetSecretValue', 'CreateSecret']);
    const kmsEvents = (await lookup('--lookup-attributes', 'AttributeKey=EventSource,AttributeValue=kms.amazonaws.com')).events;
    expect(kmsEvents.map((e) => e.EventName)).toEqual(['GenerateDataKey', 'Decrypt', 'GenerateDataKey']);
    const writes = (await lookup('--lookup-attributes', 'AttributeKey=ReadOnly,AttributeValue=false')).events;
    expect(writes.map((e) => e.EventName)).toEqual(['CreateSecret', 'CreateSecret']);
    const byNobody = (await lookup('--lookup-attributes', 'AttributeKey=Username,AttributeValue=nobody')).events;
    expect(byNobody).toEqual([]);
  });

  it('keeps to --start-time and --end-time', { timeout: CLI_TIMEOUT }, async () => {
    const { events } = await lookup('--start-time', '2026-01-01T00:30:00Z', '--end-time', '2026-01-01T01:00:00Z');
    expect(withoutLookups(events).map((e) => e.EventName)).toEqual(['CreateSecret', 'GenerateDataKey', 'GetSecretValue', 'Decrypt']);
  });

  it('pages through NextToken with --page-size, --max-items and --starting-token, missing nothing and repeating nothing', { timeout: CLI_TIMEOUT }, async () => {
    // Enough events for several pages of 2.
    for (let i = 0; i < 5; i++) endpoint.sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {}, caller: { accessKeyId: 'test' } });
    const all = withoutLookups((await lookup()).events).map((e) => e.EventId);
    expect(all.length).toBeGreaterThanOrEqual(11);
    // The CLI follows NextToken itself: pages of 2 add up to the whole history.
    const paged = withoutLookups((await lookup('--page-size', '2')).events).map((e) => e.EventId);
    expect(paged.slice(-all.length)).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
    // Three items at a time, resumed from the CLI's token.
    const first = await lookup('--lookup-attributes', 'AttributeKey=EventName,AttributeValue=ListSecrets', '--page-size', '2', '--max-items', '3');
    expect(first.events).toHaveLength(3);
    expect(first.nextToken).toBeDefined();
    const rest = await lookup('--lookup-attributes', 'AttributeKey=EventName,AttributeValue=ListSecrets', '--page-size', '2', '--starting-token', first.nextToken!);
    expect(rest.events).toHaveLength(2);
    expect(new Set([...first.events, ...rest.events].map((e) => e.EventId)).size).toBe(5);
  });

  it('answers two lookup attributes, a reversed time range and MaxResults over 50 with CloudTrail\'s exceptions', { timeout: CLI_TIMEOUT }, async () => {
    const two = await aws('cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=A', 'AttributeKey=Username,AttributeValue=b');
    expect(two.code).toBe(254);
    expect(two.stderr.trim()).toMatch(/^An error occurred \(InvalidLookupAttributesException\) when calling the LookupEvents operation: /);
    const reversed = await aws('cloudtrail', 'lookup-events', '--start-time', '2026-01-02T00:00:00Z', '--end-time', '2026-01-01T00:00:00Z');
    expect(reversed.stderr).toMatch(/\(InvalidTimeRangeException\)/);
    const tooMany = await aws('cloudtrail', 'lookup-events', '--no-paginate', '--cli-input-json', '{"MaxResults": 51}');
    expect(tooMany.stderr).toMatch(/\(InvalidMaxResultsException\)/);
    // The refusals are in the history too, with their error codes (the newest is the MaxResults one).
    const refused = JSON.parse((await lookup('--max-items', '1')).events[0]!.CloudTrailEvent) as { eventName: string; errorCode?: string };
    expect(refused).toMatchObject({ eventName: 'LookupEvents', errorCode: 'InvalidMaxResultsException' });
  });
});
