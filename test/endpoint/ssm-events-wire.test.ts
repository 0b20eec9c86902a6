import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { rawPost, startTestEndpoint } from './helpers.ts';

/** Parameter Store and EventBridge over HTTP: their targets, their signing names, their error bodies. */
let endpoint: RunningEndpoint;

beforeAll(async () => {
  endpoint = await startTestEndpoint({ seed: 'ssm-events-wire' });
});

afterAll(async () => {
  await endpoint?.close();
});

describe('the endpoint for AmazonSSM and AWSEvents', () => {
  it('serves a request signed for ssm', async () => {
    const put = await rawPost(endpoint, { target: 'AmazonSSM.PutParameter', body: '{"Name":"/wire/p","Value":"v","Type":"String"}', sign: { service: 'ssm' } });
    expect(put.status).toBe(200);
    expect(put.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(put.json).toEqual({ Version: 1, Tier: 'Standard' });
  });

  it('serves a request signed for events', async () => {
    const response = await rawPost(endpoint, { target: 'AWSEvents.ListRules', body: '{}', sign: { service: 'events' } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ Rules: [] });
  });

  it('refuses a credential scoped to another service, naming the one expected', async () => {
    const ssm = await rawPost(endpoint, { target: 'AmazonSSM.GetParameter', body: '{"Name":"/wire/p"}', sign: { service: 'secretsmanager' } });
    expect(ssm.status).toBe(400);
    expect(ssm.json?.__type).toBe('InvalidSignatureException');
    expect(ssm.json?.message).toContain("'ssm'");
    const events = await rawPost(endpoint, { target: 'AWSEvents.ListRules', body: '{}', sign: { service: 'ssm' } });
    expect(events.json?.__type).toBe('InvalidSignatureException');
    expect(events.json?.message).toContain("'events'");
  });

  it("answers the services' errors with a lower-case message member", async () => {
    const exists = await rawPost(endpoint, { target: 'AmazonSSM.PutParameter', body: '{"Name":"/wire/p","Value":"v","Type":"String"}', sign: { service: 'ssm' } });
    expect(exists.status).toBe(400);
    expect(exists.json).toEqual({ __type: 'ParameterAlreadyExists', message: 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.' });
    const missing = await rawPost(endpoint, { target: 'AWSEvents.ListTargetsByRule', body: '{"Rule":"nope"}', sign: { service: 'events' } });
    expect(missing.json).toEqual({ __type: 'ResourceNotFoundException', message: 'Rule nope does not exist on EventBus default.' });
    const unknown = await rawPost(endpoint, { target: 'AmazonSSM.SendCommand', body: '{}', sign: { service: 'ssm' } });
    expect(unknown.json).toEqual({ __type: 'UnknownOperationException' });
  });
});
