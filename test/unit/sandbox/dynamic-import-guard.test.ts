import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardDynamicImport, IMPORT_HOOK, importFromSandbox } from '../../../src/sandbox/dynamic-import-guard.ts';

const hooked: unknown[][] = [];
const hook = (...args: unknown[]) => {
  hooked.push(args);
  return Promise.resolve('hooked');
};
beforeAll(() => {
  (globalThis as Record<string, unknown>)[IMPORT_HOOK] = hook;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>)[IMPORT_HOOK];
});

/** Runs guarded code: a dynamic import that got past the guard would reach Node's loader instead of the hook. */
function runGuarded(code: string): unknown {
  return new Function('require', guardDynamicImport(code))(undefined);
}

describe('guardDynamicImport', () => {
  it('turns every spelling of import(...) into a call of the hook, with the require in scope', () => {
    expect(guardDynamicImport("await import('https://example.com/x.js')")).toBe(
      `await ${IMPORT_HOOK}(typeof require === 'function' ? require : undefined, 'https://example.com/x.js')`,
    );
    for (const code of ["import ('a')", "import/* c */('a')", "import// c\r('a')", "import\u2028('a')", "import\n<!-- c\n('a')", "[...import('a')]", "x=import('a')"]) {
      expect(guardDynamicImport(code), code).toContain(`${IMPORT_HOOK}(typeof require`);
      expect(guardDynamicImport(code), code).not.toMatch(/\bimport\b/);
    }
  });

  it('leaves property names, longer identifiers and static import statements alone', () => {
    for (const code of ["client.import('a')", "client?.import('a')", "reimport('a')", 'import$x(1)', "import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';"]) {
      expect(guardDynamicImport(code)).toBe(code);
    }
  });

  it('no run of white space and comments between import and ( lets a real import through (property)', () => {
    const trivia = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '\u2028', '/* c */', '/**/', '// c\n', '// c\r', '<!-- c\n', '\n--> c\n'), { maxLength: 6 });
    fc.assert(
      fc.property(trivia, fc.constantFrom('https://example.com/m.js', 'data:text/javascript,1', '@aws-sdk/client-secrets-manager'), (parts, specifier) => {
        hooked.length = 0;
        const result = runGuarded(`return import${parts.join('')}(${JSON.stringify(specifier)});`);
        expect(result).toBeInstanceOf(Promise);
        expect(hooked).toEqual([[undefined, specifier]]);
      }),
    );
  });
});

describe('importFromSandbox', () => {
  const modules: Record<string, unknown> = { '@aws-sdk/client-secrets-manager': { SecretsManagerClient: class {} } };
  const require = (name: string) => {
    if (name in modules) return modules[name];
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  };

  it('refuses an https URL with Node’s error, and any other URL scheme, without loading anything', async () => {
    await expect(importFromSandbox(require, 'https://example.com/x.js')).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
      message: "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'",
    });
    for (const url of ['data:text/javascript,export default 1', 'blob:http://127.0.0.1/x', 'HTTP://example.com/']) {
      await expect(importFromSandbox(require, url)).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_ESM_URL_SCHEME' });
    }
  });

  it('gives a provided module as a namespace with a default export, and require’s own error for others', async () => {
    const namespace = await importFromSandbox(require, '@aws-sdk/client-secrets-manager');
    expect(namespace.SecretsManagerClient).toBe((modules['@aws-sdk/client-secrets-manager'] as Record<string, unknown>).SecretsManagerClient);
    expect(namespace.default).toBe(modules['@aws-sdk/client-secrets-manager']);
    await expect(importFromSandbox(require, 'axios')).rejects.toMatchObject({ code: 'MODULE_NOT_FOUND', message: "Cannot find module 'axios'" });
  });

  it('outside the handler’s own code (no require in scope) nothing is found', async () => {
    await expect(importFromSandbox(undefined, '@aws-sdk/client-secrets-manager')).rejects.toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
  });
});
