import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules of dependency in DESIGN.md, enforced on every import in src/.
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

interface ImportRef {
  file: string;
  specifier: string;
  typeOnly: boolean;
  /** Resolved project-relative path for relative imports. */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8');
  const refs: ImportRef[] = [];
  const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[3] ?? match[4]!;
    const ref: ImportRef = { file: relative(root, file), specifier, typeOnly: Boolean(match[2]) };
    if (specifier.startsWith('.')) ref.target = relative(root, resolve(dirname(file), specifier));
    refs.push(ref);
  }
  return refs;
}

const all = sourceFiles(src).flatMap(importsOf);
const fromDir = (dir: string) => all.filter((ref) => ref.file.startsWith(`src/${dir}/`));
const show = (refs: ImportRef[]) => refs.map((r) => `${r.file} -> ${r.specifier}`);

const ENGINE_PACKAGES = ['zod', 'decimal.js', 'xstate', '@noble/ciphers', '@noble/hashes', 'jsonc-parser', 'ipaddr.js', 'jmespath', 'shell-quote', 'yaml', 'aws-cron-parser'];
const SERVICES = ['secrets', 'kms', 'iam', 'rotation', 'targets', 'lambda', 'pricing', 'audit', 'monitoring', 'ssm'];
const FOUNDATION = ['kernel', 'clock', 'ids', 'encoding', 'crypto'];

describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(fromDir('engine').length).toBeGreaterThan(50);
  });

  it('keeps the engine free of anything outside it but its runtime packages', () => {
    const bad = fromDir('engine').filter((ref) => {
      if (ref.target) return !ref.target.startsWith('src/engine/');
      const pkg = ref.specifier.startsWith('@') ? ref.specifier.split('/').slice(0, 2).join('/') : ref.specifier.split('/')[0]!;
      if (ENGINE_PACKAGES.includes(pkg)) return false;
      // The wire layer may verify SigV4 with the AWS signer, and name SDK types for drift checks.
      if (ref.file.startsWith('src/engine/protocol/') && (pkg.startsWith('@smithy/') || (pkg.startsWith('@aws-sdk/') && ref.typeOnly))) return false;
      return true;
    });
    expect(show(bad)).toEqual([]);
  });

  it('never lets a service import the protocol layer', () => {
    const bad = SERVICES.flatMap((service) => fromDir(`engine/${service}`)).filter((ref) => ref.target?.startsWith('src/engine/protocol'));
    expect(show(bad)).toEqual([]);
  });

  it('lets a service reach another only through its index (the port), never its files', () => {
    const bad = SERVICES.flatMap((service) =>
      fromDir(`engine/${service}`).filter((ref) =>
        SERVICES.some(
          (other) => other !== service && ref.target?.startsWith(`src/engine/${other}/`) && ref.target !== `src/engine/${other}/index.ts`,
        ),
      ),
    );
    expect(show(bad)).toEqual([]);
  });

  it('keeps kernel, clock, ids, encoding and crypto below the services', () => {
    const bad = FOUNDATION.flatMap((dir) => fromDir(`engine/${dir}`)).filter((ref) =>
      SERVICES.some((service) => ref.target?.startsWith(`src/engine/${service}`)) || ref.target?.startsWith('src/engine/protocol'),
    );
    expect(show(bad)).toEqual([]);
  });

  it('keeps the policy validator independent of the evaluator (static checks need no request)', () => {
    const bad = all.filter((ref) => ref.file.includes('src/engine/iam/policy/validator') && ref.target?.includes('evaluator'));
    expect(show(bad)).toEqual([]);
  });

  it('lets server, ui, scenarios, quiz and sandbox reach the engine only through engine/index.ts', () => {
    const bad = ['server', 'ui', 'scenarios', 'quiz', 'sandbox']
      .flatMap(fromDir)
      .filter((ref) => ref.target?.startsWith('src/engine/') && ref.target !== 'src/engine/index.ts' && !(ref.typeOnly && ref.file.startsWith('src/ui/')));
    expect(show(bad)).toEqual([]);
  });

  it('keeps ui out of scenarios and quiz, and everything out of server', () => {
    const bad = all.filter(
      (ref) =>
        (ref.target?.startsWith('src/server/') && !ref.file.startsWith('src/server/')) ||
        (ref.target?.startsWith('src/ui/') && !ref.file.startsWith('src/ui/')),
    );
    expect(show(bad)).toEqual([]);
  });

  it('keeps the browser app free of Node built-ins', () => {
    const bad = ['engine', 'ui', 'scenarios', 'quiz', 'sandbox'].flatMap(fromDir).filter((ref) => ref.specifier.startsWith('node:'));
    expect(show(bad)).toEqual([]);
  });
});
