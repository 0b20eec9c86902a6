/**
 * The only module that imports Monaco. Reach it through `import()` and nothing else: a static import would put about
 * 1 MB of gzipped editor into the initial bundle (issue 7 section 4 caps that at 150 kB). Import paths and workers are
 * Monaco 0.57's ESM entry points (stack-notes gotchas 17-18): `monaco-editor/editor` plus JSON only, never the
 * root import, which brings 80 languages and four more workers.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
// JavaScript as a Monarch grammar only (colouring; its tokenizer loads on first use), for rotation handlers.
import 'monaco-editor/languages/definitions/javascript/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

// Workers are same-origin module files (the page's CSP allows `worker-src 'self' blob:`).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

/**
 * JSON with a schema for completion and hover only. Markers come from one source, the engine's policy validator,
 * which already checks the same zod grammar the schema is generated from; Monaco's own JSON diagnostics would show
 * every grammar problem twice, in other words.
 */
export function configureJsonSchema(schema: Record<string, unknown>, fileMatch: string[]): void {
  jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, diagnostics: false });
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [{ uri: 'sim://secretslab/iam-policy.schema.json', fileMatch, schema }],
  });
}

export { monaco };
export type Monaco = typeof monaco;
