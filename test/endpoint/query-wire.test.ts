import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputToXml, parseForm, queryInputFromForm } from '../../src/engine/protocol/index.ts';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { rawPost, startTestEndpoint } from './helpers.ts';

/** The AWS Query protocol on the wire: forms in, XML out, and the failures no SDK sends, posted raw. */

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

let endpoint: RunningEndpoint;

beforeAll(async () => {
  endpoint = await startTestEndpoint({ seed: 'query-wire' });
});

afterAll(async () => {
  await endpoint.close();
});

function query(body: string, sign: { service?: string; region?: string } | false = { service: 'sts' }) {
  return rawPost(endpoint, { body, contentType: FORM, sign: sign === false ? false : { service: sign.service ?? 'sts', ...(sign.region ? { region: sign.region } : {}) } });
}

const requestId = (xml: string) => /<RequestId>([^<]+)<\/RequestId>/.exec(xml)?.[1];

describe('reading a Query form', () => {
  it('maps members by the operation names: lists, nested structures, maps, integers, booleans', () => {
    const form = parseForm(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FApp&RoleSessionName=a+b' +
        '&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess&Tags.member.2.Key=k2&Tags.member.2.Value=v2' +
        '&Tags.member.1.Key=k1&Tags.member.1.Value=&DurationSeconds=900&TransitiveTagKeys.member.1=k1' +
        '&Attrs.entry.1.key=Some.Key&Attrs.entry.1.value=x&SetAsDefault=true&MaxItems=ten',
    );
    expect(queryInputFromForm('sts', form)).toEqual({
      roleArn: 'arn:aws:iam::111122223333:role/App',
      roleSessionName: 'a b',
      policyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      // Ordered by index, whatever the order in the form.
      tags: [
        { key: 'k1', value: '' },
        { key: 'k2', value: 'v2' },
      ],
      durationSeconds: 900,
      transitiveTagKeys: ['k1'],
      attrs: { 'Some.Key': 'x' },
      setAsDefault: true,
      // Not a number: left as text for the operation's schema to refuse.
      maxItems: 'ten',
    });
  });

  it('reads an empty list sent as a bare name', () => {
    expect(queryInputFromForm('iam', parseForm('Action=UntagRole&RoleName=App&TagKeys='))).toEqual({ roleName: 'App', tagKeys: [] });
  });

  it('never lets a member name reach a prototype', () => {
    const input = queryInputFromForm('iam', parseForm('Action=GetUser&__proto__.polluted=yes&UserName=bob'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(input.userName).toBe('bob');
  });
});

describe('writing Query XML', () => {
  it('writes lists as <member>, timestamps as ISO 8601, booleans as text, escapes text and leaves out undefined', () => {
    const xml = outputToXml(
      'iam',
      'ListRoles',
      { roles: [{ roleName: 'a<b>&"c\'', createDate: Date.UTC(2026, 0, 1), maxSessionDuration: 3600, description: undefined }], isTruncated: false, marker: undefined },
      'req-1',
    );
    expect(xml).toBe(
      `<ListRolesResponse xmlns="${IAM_NS}"><ListRolesResult><Roles><member><RoleName>a&lt;b&gt;&amp;&quot;c&apos;</RoleName>` +
        '<CreateDate>2026-01-01T00:00:00Z</CreateDate><MaxSessionDuration>3600</MaxSessionDuration></member></Roles>' +
        '<IsTruncated>false</IsTruncated></ListRolesResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListRolesResponse>',
    );
  });

  it('writes an empty list as an empty element, and milliseconds only when there are some', () => {
    const xml = outputToXml('sts', 'X', { items: [], expiration: Date.UTC(2026, 0, 1, 0, 15, 0, 250) }, 'r');
    expect(xml).toContain('<Items/><Expiration>2026-01-01T00:15:00.250Z</Expiration>');
  });

  it('writes no Result element for an operation with nothing to return', () => {
    expect(outputToXml('iam', 'PutRolePolicy', {}, 'r')).toBe(
      `<PutRolePolicyResponse xmlns="${IAM_NS}"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PutRolePolicyResponse>`,
    );
  });
});

describe('the Query protocol over HTTP', () => {
  it('answers GetCallerIdentity with the XML AWS sends', async () => {
    const response = await query('Action=GetCallerIdentity&Version=2011-06-15');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml');
    const id = requestId(response.body)!;
    expect(response.headers['x-amzn-requestid']).toBe(id);
    expect(response.body).toMatch(
      new RegExp(
        `^<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><UserId>AIDA[A-Z2-7]{17}</UserId><Account>111122223333</Account>` +
          `<Arn>arn:aws:iam::111122223333:user/admin</Arn></GetCallerIdentityResult><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></GetCallerIdentityResponse>$`,
      ),
    );
  });

  it('accepts the form as the query string of a GET', async () => {
    const response = await rawPost(endpoint, {
      method: 'GET',
      query: 'Action=GetCallerIdentity&Version=2011-06-15',
      body: '',
      contentType: FORM,
      sign: { service: 'sts' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<Arn>arn:aws:iam::111122223333:user/admin</Arn>');
  });

  it('serves IAM whatever region the request was signed for (IAM is global)', async () => {
    const response = await query('Action=GetUser&Version=2010-05-08&UserName=admin', { service: 'iam', region: 'eu-west-1' });
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<GetUserResponse xmlns="${IAM_NS}"><GetUserResult><User>`);
    const record = [...endpoint.sim.state.log.entries].reverse().find((e) => e.kind === 'call' && e.operation === 'GetUser') as { region: string } | undefined;
    expect(record?.region).toBe('us-east-1');
  });

  it('answers an error as an ErrorResponse with the status of the error', async () => {
    const response = await query('Action=GetRole&Version=2010-05-08&RoleName=Nobody', { service: 'iam' });
    expect(response.status).toBe(404);
    const id = requestId(response.body)!;
    expect(response.body).toBe(
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>` +
        `<Message>The role with name Nobody cannot be found.</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
    );
  });

  it('answers an Action the service does not have with InvalidAction', async () => {
    const response = await query('Action=MakeCoffee&Version=2011-06-15');
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>InvalidAction</Code><Message>Could not find operation MakeCoffee for version 2011-06-15</Message>');
    // An IAM action sent to STS (signed for sts) is just as unknown there.
    const misdirected = await query('Action=GetUser&Version=2010-05-08');
    expect(misdirected.body).toContain('<Code>InvalidAction</Code>');
  });

  it('refuses an unsigned request: MissingAuthenticationToken, HTTP 403', async () => {
    const response = await query('Action=GetCallerIdentity&Version=2011-06-15', false);
    expect(response.status).toBe(403);
    expect(response.body).toContain(`<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>`);
    expect(response.body).toContain('<Message>Request is missing Authentication Token</Message>');
  });

  it('refuses a wrong secret key: SignatureDoesNotMatch, HTTP 403', async () => {
    const response = await rawPost(endpoint, {
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      contentType: FORM,
      sign: { service: 'sts', credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' } },
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses an unknown access key: InvalidClientTokenId, HTTP 403', async () => {
    const response = await rawPost(endpoint, {
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      contentType: FORM,
      sign: { service: 'sts', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } },
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>');
  });

  it('answers a bad input with ValidationError, HTTP 400', async () => {
    const response = await query('Action=ListRoles&Version=2010-05-08&MaxItems=0', { service: 'iam' });
    expect(response.status).toBe(400);
    expect(response.body).toContain(
      "<Code>ValidationError</Code><Message>1 validation error detected: Value &apos;0&apos; at &apos;maxItems&apos; failed to satisfy constraint: Member must have value greater than or equal to 1</Message>",
    );
  });

  it('still serves AWS JSON 1.1 on the same URL', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.GetRandomPassword', body: '{"PasswordLength":9}' });
    expect(response.status).toBe(200);
    expect(String(response.json?.RandomPassword)).toHaveLength(9);
  });
});
