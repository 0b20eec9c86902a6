/**
 * `import(...)` is syntax, not a global: removing fetch from a worker does not stop a handler from loading (and so
 * fetching) a module by URL, and a same-origin module worker gets no Content-Security-Policy from the page's meta tag.
 * So every path from text to code in the function worker (the Function constructors, eval) passes the text through
 * `guardDynamicImport`, which turns each dynamic import into a call of `importFromSandbox`: it loads only the
 * sandbox's own modules, as Node loads a bare specifier, and refuses URLs with Node's error, without a request.
 */

/** The global the rewritten code calls; defined by the worker before any learner code runs. */
export const IMPORT_HOOK = '__secretslabImport';

// `import` as a keyword (not part of a name, not a property after a single dot; `...import(x)` is a spread of one),
// then anything the parser skips (white space, line terminators, block, line and HTML-like comments, which Function
// bodies allow), then the call's parenthesis. Keywords cannot contain escapes, so this covers every spelling.
// Matches inside strings and comments are rewritten too: harmless.
const LINE_END = '[^\\n\\r\\u2028\\u2029]*';
const TRIVIA = `(?:\\s|/\\*[\\s\\S]*?\\*/|//${LINE_END}|<!--${LINE_END}|-->${LINE_END})*`;
const DYNAMIC_IMPORT = new RegExp(`(?<![\\w$\\u0080-\\uffff])(?<!(?<!\\.)\\.)import${TRIVIA}\\(`, 'g');

/** The text with every `import(x)` turned into `__secretslabImport(require, x)` (require when in scope). */
export function guardDynamicImport(code: string): string {
  return code.replace(DYNAMIC_IMPORT, `${IMPORT_HOOK}(typeof require === 'function' ? require : undefined, `);
}

function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * What `import(specifier)` gives in the sandbox: a module the runtime provides (through the handler's own
 * `require`) as a namespace with a default export, or Node's refusal. Nothing is ever fetched.
 */
export function importFromSandbox(require: unknown, specifier: unknown): Promise<Record<string, unknown>> {
  const name = String(specifier);
  const scheme = /^([a-zA-Z][a-zA-Z\d+.-]*):/.exec(name)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    const message =
      scheme === 'http' || scheme === 'https'
        ? `Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${scheme}:'`
        : `The SecretsLab sandbox does not load modules from ${scheme}: URLs; it provides @aws-sdk/client-secrets-manager and secretslab/partner-api`;
    return Promise.reject(nodeError('ERR_UNSUPPORTED_ESM_URL_SCHEME', message));
  }
  if (typeof require !== 'function') {
    return Promise.reject(nodeError('ERR_MODULE_NOT_FOUND', `Cannot find package '${name}' imported from the SecretsLab sandbox`));
  }
  try {
    const loaded = (require as (name: string) => unknown)(name) as Record<string, unknown>;
    return Promise.resolve({ ...loaded, default: loaded });
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
