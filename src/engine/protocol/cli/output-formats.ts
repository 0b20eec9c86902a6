import { stringify as yamlStringify } from 'yaml';
import type { OutputFormat } from './command-line.ts';
import { foldYaml } from './yaml-folding.ts';

/**
 * The CLI's output formats (awscli/formatter.py and awscli/text.py), applied to the value after `--query`.
 * `table` is in output-table.ts: it also needs the operation name and the terminal's width.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Python's str() of a scalar. */
function pythonStr(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

function isJsonObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: Json | undefined): boolean {
  return typeof value === 'object' && value !== null;
}

/** json.dumps(value, indent=4, ensure_ascii=False); an empty response (`{}`) prints nothing. */
export function formatJson(value: Json): string {
  if (isJsonObject(value) && Object.keys(value).length === 0) return '';
  return `${JSON.stringify(value, null, 4)}\n`;
}

/**
 * A scalar on its own (a `--query` result) is printed as JSON, as the CLI's YAML dumper does to avoid YAML's
 * document-end marker; anything else as block YAML with sorted keys, long scalars folded, as ruamel's safe dumper
 * writes it.
 */
export function formatYaml(value: Json): string {
  if (!isContainer(value)) return `${JSON.stringify(value)}\n`;
  if (isJsonObject(value) && Object.keys(value).length === 0) return '{}\n';
  return foldYaml(yamlStringify(value, { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0, singleQuote: true, blockQuote: false }));
}

/** awscli/text.py, rule for rule. */
export function formatText(value: Json): string {
  const lines: string[] = [];
  formatTextItem(value, lines, undefined, undefined);
  return lines.join('');
}

function formatTextItem(item: Json, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isJsonObject(item)) formatDict(scalarKeys, item, identifier, out);
  else if (Array.isArray(item)) formatList(item, identifier, out);
  else out.push(`${pythonStr(item)}\n`);
}

function formatList(item: Json[], identifier: string | undefined, out: string[]): void {
  if (item.length === 0) return;
  if (item.some(isJsonObject)) {
    const keys = allScalarKeys(item);
    for (const element of item) formatTextItem(element, out, identifier, keys);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter((element) => !isContainer(element));
    const nonScalars = item.filter((element) => isContainer(element));
    if (scalars.length > 0) formatScalarList(scalars, identifier, out);
    for (const nonScalar of nonScalars) formatTextItem(nonScalar, out, identifier, undefined);
  } else {
    formatScalarList(item, identifier, out);
  }
}

function formatScalarList(elements: Json[], identifier: string | undefined, out: string[]): void {
  if (identifier !== undefined) for (const element of elements) out.push(`${identifier.toUpperCase()}\t${pythonStr(element)}\n`);
  else out.push(`${elements.map(pythonStr).join('\t')}\n`);
}

/** Python sorts str keys by code point, which is what a plain comparison does. */
function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function formatDict(scalarKeys: string[] | undefined, item: { [key: string]: Json }, identifier: string | undefined, out: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, Json][] = [];
  if (scalarKeys === undefined) {
    for (const key of sortedKeys(Object.keys(item))) {
      const value = item[key]!;
      if (isContainer(value)) nonScalars.push([key, value]);
      else scalars.push(pythonStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(Object.hasOwn(item, key) ? pythonStr(item[key]!) : '');
    const known = new Set(scalarKeys);
    for (const key of sortedKeys(Object.keys(item).filter((k) => !known.has(k)))) nonScalars.push([key, item[key]!]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nonScalars) formatTextItem(value, out, key, undefined);
}

function allScalarKeys(items: Json[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!isJsonObject(item)) continue;
    for (const [key, value] of Object.entries(item)) if (!isContainer(value)) seen.add(key);
  }
  return sortedKeys(seen);
}

export function formatOutput(format: Exclude<OutputFormat, 'table'>, value: Json): string {
  switch (format) {
    case 'json':
      return formatJson(value);
    case 'text':
      return formatText(value);
    case 'yaml':
    case 'yaml-stream':
      return formatYaml(value);
  }
}

export type { Json };
