/**
 * The servers the HTTP benchmarks load, each in its own process (`node --import tsx bench/server-process.ts <kind>`)
 * so the load generator and the server do not share one event loop. Prints `{"port": N}` once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEndpoint } from '../src/server/http-endpoint.ts';
import { benchSimulator } from './fixture.ts';

const kind = process.argv[2];
if (kind === 'endpoint') {
  const endpoint = await startEndpoint({ sim: benchSimulator(), port: 0 });
  process.stdout.write(`${JSON.stringify({ port: endpoint.port })}\n`);
} else if (kind === 'echo') {
  // The bare baseline: node:http, read the body, parse the JSON, answer it back as JSON.
  const server = createServer({ keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.from(JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': body.length });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
} else {
  console.error(`usage: bench/server-process.ts endpoint|echo (got ${String(kind)})`);
  process.exit(2);
}

// Exit normally on SIGINT so `--cpu-prof` (bench --profile) writes its profile.
process.on('SIGINT', () => process.exit(0));
