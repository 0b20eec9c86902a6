import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { request as httpRequest } from 'node:http';
import { NobleSha256 } from '../../src/engine/protocol/index.ts';
import { startEndpoint, type EndpointOptions, type RunningEndpoint } from '../../src/server/http-endpoint.ts';

export const TEST_CREDENTIALS: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = { accessKeyId: 'test', secretAccessKey: 'test' };

/** An endpoint on an ephemeral port of 127.0.0.1, with a fixed seed so ids are stable. */
export function startTestEndpoint(options: EndpointOptions = {}): Promise<RunningEndpoint> {
  return startEndpoint({ port: 0, seed: 'endpoint-tests', ...options });
}

export function secretsClient(endpoint: RunningEndpoint, options: { region?: string; credentials?: typeof TEST_CREDENTIALS } = {}) {
  return new SecretsManagerClient({
    endpoint: endpoint.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? TEST_CREDENTIALS,
    maxAttempts: 1,
  });
}

export function kmsClient(endpoint: RunningEndpoint, options: { region?: string; credentials?: typeof TEST_CREDENTIALS } = {}) {
  return new KMSClient({
    endpoint: endpoint.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? TEST_CREDENTIALS,
    maxAttempts: 1,
  });
}

export function stsClient(endpoint: RunningEndpoint, options: { region?: string; credentials?: typeof TEST_CREDENTIALS } = {}) {
  return new STSClient({
    endpoint: endpoint.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? TEST_CREDENTIALS,
    maxAttempts: 1,
  });
}

/** IAM is global: SDKs sign it for us-east-1. */
export function iamClient(endpoint: RunningEndpoint, options: { credentials?: typeof TEST_CREDENTIALS } = {}) {
  return new IAMClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: options.credentials ?? TEST_CREDENTIALS, maxAttempts: 1 });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: Record<string, unknown> | undefined;
}

/** A raw POST, optionally SigV4-signed with the given credentials (for what SDKs never send). */
export async function rawPost(
  endpoint: RunningEndpoint,
  options: {
    target?: string;
    body: string;
    sign?: { credentials?: typeof TEST_CREDENTIALS; region?: string; service?: string } | false;
    contentType?: string;
    method?: 'POST' | 'GET';
    /** The query string (without `?`), for GET requests of the Query protocol. */
    query?: string;
    headers?: Record<string, string>;
  },
): Promise<RawResponse> {
  const url = new URL(endpoint.url);
  const method = options.method ?? 'POST';
  let headers: Record<string, string> = {
    host: url.host,
    'content-type': options.contentType ?? 'application/x-amz-json-1.1',
    ...(options.target ? { 'x-amz-target': options.target } : {}),
    ...options.headers,
  };
  const queryParams: Record<string, string> = {};
  for (const part of (options.query ?? '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    queryParams[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
  }
  if (options.sign !== false) {
    const sign = options.sign ?? {};
    const signer = new SignatureV4({
      credentials: sign.credentials ?? TEST_CREDENTIALS,
      region: sign.region ?? 'us-east-1',
      service: sign.service ?? 'secretsmanager',
      sha256: NobleSha256,
    });
    const signed = await signer.sign({
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: queryParams,
      headers,
      body: options.body,
    });
    headers = signed.headers as Record<string, string>;
  }
  const path = options.query ? `/?${options.query}` : '/';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The key pair of the second account's admin, read from the world. */
export function secondAccountKeys(endpoint: RunningEndpoint): { accessKeyId: string; secretAccessKey: string } {
  const iam = endpoint.sim.state.services.iam as { accessKeys: Record<string, { accessKeyId: string; secretAccessKey: string; accountId: string }> };
  const key = Object.values(iam.accessKeys).find((k) => k.accountId === '444455556666');
  if (!key) throw new Error('no key for the second account');
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}
