import { GetRandomPasswordCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { SIGNATURE_MISMATCH } from '../../src/engine/protocol/index.ts';
import { rawPost, secretsClient, startTestEndpoint } from './helpers.ts';

/** Authentication and the protocol's own failures: what SDKs never send, posted raw (but signed where it matters). */

let endpoint: RunningEndpoint;

beforeAll(async () => {
  endpoint = await startTestEndpoint();
});

afterAll(async () => {
  await endpoint.close();
});

async function sdkError(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const client = secretsClient(endpoint, { credentials });
  try {
    await client.send(new ListSecretsCommand({}));
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  } finally {
    client.destroy();
  }
  throw new Error('expected the call to fail');
}

describe('SigV4', () => {
  it('refuses a signature made with the wrong secret key: InvalidSignatureException', async () => {
    const error = await sdkError({ accessKeyId: 'test', secretAccessKey: 'not-the-secret' });
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toBe(SIGNATURE_MISMATCH);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an unknown access key: UnrecognizedClientException', async () => {
    const error = await sdkError({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('accepts a correctly signed raw request', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.GetRandomPassword', body: '{"PasswordLength":12}' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(response.json?.RandomPassword)).toHaveLength(12);
  });

  it('refuses a request without a signature: MissingAuthenticationTokenException', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.ListSecrets', body: '{}', sign: false });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ __type: 'MissingAuthenticationTokenException', Message: 'Missing Authentication Token' });
  });

  it('refuses a body changed after signing', async () => {
    const url = new URL(endpoint.url);
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const { NobleSha256 } = await import('../../src/engine/protocol/index.ts');
    const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'secretsmanager', sha256: NobleSha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetRandomPassword' },
      body: '{"PasswordLength":12}',
    });
    const { request } = await import('node:http');
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: signed.headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end('{"PasswordLength":13}');
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe('InvalidSignatureException');
  });

  it('refuses a credential scoped to another service', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.ListSecrets', body: '{}', sign: { service: 'kms' } });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toBe('InvalidSignatureException');
    expect(response.json?.Message).toContain("'secretsmanager'");
  });

  it('refuses a region the world does not have', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.ListSecrets', body: '{}', sign: { region: 'mars-north-1' } });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toBe('UnrecognizedClientException');
  });
});

describe('AWS JSON 1.1 wire errors', () => {
  it('answers an unknown target with UnknownOperationException', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.MakeCoffee', body: '{}' });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toBe('UnknownOperationException');
    const missing = await rawPost(endpoint, { body: '{}' });
    expect(missing.json?.__type).toBe('UnknownOperationException');
  });

  it('answers a malformed body with SerializationException', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.ListSecrets', body: '{"MaxResults": ' });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toBe('SerializationException');
    expect(typeof response.json?.Message).toBe('string');
  });

  it('answers a value of the wrong JSON type with SerializationException', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.GetRandomPassword', body: '{"PasswordLength":"long"}' });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toBe('SerializationException');
  });

  it('answers undecodable base64 with SerializationException', async () => {
    const response = await rawPost(endpoint, {
      target: 'secretsmanager.CreateSecret',
      body: JSON.stringify({ Name: 'raw/bad-b64', SecretBinary: '***not base64***', ClientRequestToken: '0123456789abcdef0123456789abcdef' }),
    });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toBe('SerializationException');
  });

  it('does not invent a ClientRequestToken for raw requests (AWS refuses them)', async () => {
    const response = await rawPost(endpoint, { target: 'secretsmanager.CreateSecret', body: JSON.stringify({ Name: 'raw/no-token', SecretString: 'x' }) });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'InvalidRequestException',
      Message: 'You must provide a ClientRequestToken value. We recommend a UUID-type value.',
    });
  });

  it('serves many requests on one keep-alive connection', async () => {
    const client = secretsClient(endpoint);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => client.send(new GetRandomPasswordCommand({ PasswordLength: 8 }))));
      expect(results.every((r) => r.RandomPassword?.length === 8)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('says what it is on GET /', async () => {
    const response = await fetch(endpoint.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('SecretsLab endpoint');
  });
});
