import { createSimulator } from '../src/engine/index.ts';
const sim = createSimulator({ logLimit: 1000 });
sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'bench/db', secretString: '{"u":"a","p":"b"}' } });
const req = { service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'bench/db' } };
for (let i = 0; i < 20000; i++) sim.call(req);
const c0 = process.cpuUsage(); const t = performance.now(); let n = 0;
while (performance.now() - t < 3000) { for (let i = 0; i < 100; i++) sim.call(req); n += 100; }
const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / 1e6;
console.log('per wall second', Math.round(n / ((performance.now() - t) / 1000)), 'per cpu second', Math.round(n / cpu));
