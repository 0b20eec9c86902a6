#!/usr/bin/env node
// The `secretslab` command. In a checkout it runs the TypeScript sources through tsx (always current); without tsx
// (an install without dev dependencies) it runs the server bundle that `npm run build:server` writes to dist-server/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}src/server/main.ts`;
const bundle = `${root}dist-server/main.js`;

let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  tsx = undefined;
}

if (tsx && existsSync(source)) {
  tsx.register();
  await import(pathToFileURL(source).href);
} else if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  console.error('secretslab: neither tsx (npm install) nor dist-server/main.js (npm run build:server) is available.');
  process.exit(1);
}
