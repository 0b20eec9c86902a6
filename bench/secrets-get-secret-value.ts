import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { NobleSha256 } from '../src/engine/protocol/index.ts';
import { BENCH_SECRET_NAME, BENCH_SECRET_VALUE, benchSimulator } from './fixture.ts';
import type { Metric } from './results.ts';

/**
 * GetSecretValue throughput, issue 2's figures: in-process through the full pipeline (identify, validate, resolve,
 * authorize, decrypt, record, meter), over HTTP with keep-alive against the endpoint (every request SigV4-verified
 * by recomputation), and a bare node:http JSON echo with the same client as the yardstick.
 */

const WARM_UP_MS = 500;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Calls per second of wall time (the recorded figure), and per second of this process's CPU time: on a machine
 * busy with other work the two differ, and the second is what a dedicated core would do.
 */
export function inProcess(): { perSecond: number; perCpuSecond: number; calls: number } {
  const sim = benchSimulator();
  const request = { service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: BENCH_SECRET_NAME } };
  const run = (ms: number) => {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 1000; i++) {
        const result = sim.call<{ secretString?: string }>(request);
        if (!result.ok || result.output.secretString !== BENCH_SECRET_VALUE) throw new Error('GetSecretValue failed in the benchmark');
      }
      calls += 1000;
      elapsed = performance.now() - start;
    }
    return { calls, elapsed };
  };
  run(WARM_UP_MS);
  const cpuBefore = cpuMs();
  const { calls, elapsed } = run(MEASURE_MS);
  const cpu = cpuMs() - cpuBefore;
  return { perSecond: (calls / elapsed) * 1000, perCpuSecond: (calls / cpu) * 1000, calls };
}

interface ServerProcess {
  port: number;
  child: ChildProcess;
}

function startServerProcess(kind: 'endpoint' | 'echo', profileDir?: string): Promise<ServerProcess> {
  const args = [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--import', 'tsx', new URL('./server-process.ts', import.meta.url).pathname, kind];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ port: (JSON.parse(line) as { port: number }).port, child });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited early (${String(code)})`)));
  });
}

function stopServerProcess(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    // SIGINT lets --cpu-prof write its profile.
    server.child.kill('SIGINT');
  });
}

/** One signed GetSecretValue, signed once: the server still verifies the signature of every request it receives. */
async function signedTemplate(port: number): Promise<{ headers: Record<string, string>; body: string }> {
  const body = JSON.stringify({ SecretId: BENCH_SECRET_NAME });
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'secretsmanager', sha256: NobleSha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    path: '/',
    headers: {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  });
  return { headers: signed.headers as Record<string, string>, body };
}

interface LoadTarget {
  port: number;
  template: { headers: Record<string, string>; body: string };
  check: (body: string) => boolean;
  agent: Agent;
}

function requestOnce(target: LoadTarget): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, method: 'POST', path: '/', headers: target.template.headers, agent: target.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200 || !target.check(text)) reject(new Error(`unexpected response ${String(res.statusCode)}: ${text.slice(0, 300)}`));
        else resolve();
      });
    });
    req.on('error', reject);
    req.end(target.template.body);
  });
}

/** Requests completed in `ms` with CONCURRENCY requests always in flight. */
async function loadFor(target: LoadTarget, ms: number): Promise<{ count: number; elapsed: number }> {
  let count = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await requestOnce(target);
        count++;
      }
    }),
  );
  return { count, elapsed: performance.now() - start };
}

const ROUNDS = 4;

/**
 * The endpoint and the echo, measured in alternating short rounds so a change in background load on the machine
 * affects both alike (the ratio is the figure that matters).
 */
export async function endpointAndEcho(profileDir?: string): Promise<{ endpoint: number; echo: number }> {
  const endpointServer = await startServerProcess('endpoint', profileDir);
  const echoServer = await startServerProcess('echo');
  try {
    const targets = {
      endpoint: {
        port: endpointServer.port,
        template: await signedTemplate(endpointServer.port),
        check: (text: string) => text.includes('"SecretString"'),
        agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
      },
      echo: {
        port: echoServer.port,
        template: await signedTemplate(echoServer.port),
        check: (text: string) => text.includes(BENCH_SECRET_NAME),
        agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
      },
    };
    await loadFor(targets.endpoint, WARM_UP_MS);
    await loadFor(targets.echo, WARM_UP_MS);
    const totals = { endpoint: { count: 0, elapsed: 0 }, echo: { count: 0, elapsed: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['endpoint', 'echo'] as const) {
        const { count, elapsed } = await loadFor(targets[kind], MEASURE_MS / ROUNDS);
        totals[kind].count += count;
        totals[kind].elapsed += elapsed;
      }
    }
    targets.endpoint.agent.destroy();
    targets.echo.agent.destroy();
    return {
      endpoint: (totals.endpoint.count / totals.endpoint.elapsed) * 1000,
      echo: (totals.echo.count / totals.echo.elapsed) * 1000,
    };
  } finally {
    await Promise.all([stopServerProcess(endpointServer), stopServerProcess(echoServer)]);
  }
}

export async function secretsGetSecretValueBench(options: { profileDir?: string } = {}): Promise<Metric[]> {
  const local = inProcess();
  const { endpoint: http, echo } = await endpointAndEcho(options.profileDir);
  return [
    { name: 'secrets.getSecretValue.inProcess', value: local.perSecond, unit: 'per second', note: `sim.call, full pipeline, ${MEASURE_MS / 1000} s; ${Math.round(local.perCpuSecond).toLocaleString('en-US')} per CPU-second` },
    { name: 'secrets.getSecretValue.http', value: http, unit: 'per second', note: `keep-alive, ${CONCURRENCY} in flight, SigV4 verified` },
    { name: 'http.echo', value: echo, unit: 'per second', note: 'bare node:http JSON echo, same client, rounds alternate' },
    { name: 'secrets.endpointToEchoRatio', value: http / echo, unit: 'ratio', note: 'aim >= 0.5' },
  ];
}
