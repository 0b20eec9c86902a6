import { complexValue, scalarValue, toDomain, type BinaryFormat } from './argument-values.ts';
import { argparseError, CliUsageError, invalidChoice, paramValidationError, unknownOptions } from './cli-errors.ts';
import { kebabName } from './cli-names.ts';
import type { CliCommand, CliCommandTable, CliParam } from './command-table.ts';
import { validateParams } from './param-validation.ts';
import { PAGINATORS, type Paginator } from './paginators.ts';

/**
 * `aws [global options] <service> <command> [--flags]` to a call, as the AWS CLI v2 reads it: global options
 * anywhere, flags by full name, by unambiguous prefix (argparse) or as `--flag=value`, `--flag`/`--no-flag` for
 * booleans, one or more words for lists. Each failure is the CLI's own (usage and exit code 252).
 */

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface GlobalOptions {
  output: OutputFormat;
  query?: string;
  region?: string;
  profile?: string;
  paginate: boolean;
  binaryFormat: BinaryFormat;
}

/** The CLI's own paging options (`--starting-token`, `--page-size`, `--max-items`) of a paginated command. */
export interface PagingOptions {
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

export type ParsedCommandLine =
  | {
      kind: 'call';
      command: CliCommand;
      input: Record<string, unknown>;
      wireParams: Record<string, unknown>;
      globals: GlobalOptions;
      /** Present when the CLI paginates this call (a paginated command, no manual paging member, no --no-paginate). */
      paginator?: Paginator;
      paging: PagingOptions;
    }
  | { kind: 'help'; service?: string; command?: string }
  | { kind: 'version' };

/** Global options that take a value, and those that are flags (awscli/data/cli.json). */
const GLOBAL_WITH_VALUE = new Set(['--output', '--query', '--region', '--profile', '--endpoint-url', '--color', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format']);
const GLOBAL_FLAGS = new Set(['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt']);

function isOption(token: string): boolean {
  // argparse reads `-5` as a value when no option looks like a negative number, as here, and a word with a space in
  // it as a value whatever it starts with (`--value '-----BEGIN CERTIFICATE-----...'`).
  return token.startsWith('-') && token.length > 1 && !/^-\d/.test(token) && !token.includes(' ');
}

function splitGlobals(tokens: readonly string[]): { rest: string[]; values: Map<string, string>; flags: Set<string> } {
  const rest: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const [name, inline] = token.startsWith('--') && token.includes('=') ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] : [token, undefined];
    if (GLOBAL_WITH_VALUE.has(name)) {
      const value = inline ?? tokens[i + 1];
      if (value === undefined || (inline === undefined && isOption(value))) throw argparseError(`argument ${name}: expected one argument`);
      if (inline === undefined) i++;
      values.set(name, value);
    } else if (GLOBAL_FLAGS.has(token)) {
      flags.add(token);
    } else {
      rest.push(token);
    }
  }
  return { rest, values, flags };
}

const BINARY_FORMATS = ['base64', 'raw-in-base64-out'] as const;

function binaryFormat(value: string | undefined): BinaryFormat {
  if (value === undefined) return 'base64';
  if (!(BINARY_FORMATS as readonly string[]).includes(value)) throw invalidChoice('--cli-binary-format', value, BINARY_FORMATS);
  return value as BinaryFormat;
}

function globalOptions(values: Map<string, string>, flags: Set<string>): GlobalOptions {
  const output = values.get('--output') ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) throw invalidChoice('--output', output, OUTPUT_FORMATS);
  const query = values.get('--query');
  const region = values.get('--region');
  const profile = values.get('--profile');
  return {
    output: output as OutputFormat,
    ...(query !== undefined ? { query } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(profile !== undefined ? { profile } : {}),
    paginate: !flags.has('--no-paginate'),
    binaryFormat: binaryFormat(values.get('--cli-binary-format')),
  };
}

export function parseCommandLine(table: CliCommandTable, argv: readonly string[]): ParsedCommandLine {
  const { rest, values, flags } = splitGlobals(argv);
  if (rest.includes('--version')) return { kind: 'version' };
  const globals = globalOptions(values, flags);
  const [service, operation, ...args] = rest;
  if (service === undefined) throw argparseError('the following arguments are required: command');
  if (service === 'help') return { kind: 'help' };
  if (isOption(service)) throw unknownOptions(rest);
  const commands = table.services.get(service);
  if (!commands) throw invalidChoice('command', service, [...table.services.keys()]);
  if (operation === undefined) throw argparseError('the following arguments are required: operation');
  if (operation === 'help') return { kind: 'help', service };
  const command = commands.get(operation);
  if (!command) throw invalidChoice('operation', operation, [...commands.keys(), 'help']);
  if (args[0] === 'help') return { kind: 'help', service, command: operation };
  const paginator = PAGINATORS[command.service]?.[command.operation];
  const params = paginator ? withPagingParams(command.params) : command.params;
  const wireParams = parseArguments(command, params, args, globals.binaryFormat);
  const paging: PagingOptions = {};
  for (const [wire, key] of [['StartingToken', 'startingToken'], ['PageSize', 'pageSize'], ['MaxItems', 'maxItems']] as const) {
    if (!(PAGING_PREFIX + wire in wireParams)) continue;
    (paging as Record<string, unknown>)[key] = wireParams[PAGING_PREFIX + wire];
    delete wireParams[PAGING_PREFIX + wire];
  }
  const problems = validateParams(command.shape, wireParams);
  if (problems.length > 0) throw paramValidationError(problems);
  const input = toDomain(command.shape, wireParams) as Record<string, unknown>;
  // Naming the service's own paging member turns the CLI's pagination off (awscli/customizations/paginate.py).
  const manual = paginator !== undefined && (input[paginator.inputToken] !== undefined || input[paginator.limitKey] !== undefined);
  const paginate = paginator !== undefined && globals.paginate && !manual;
  if (!paginate) {
    const used = (['startingToken', 'pageSize', 'maxItems'] as const).filter((key) => paging[key] !== undefined);
    if (used.length > 0) {
      throw paramValidationError([`Cannot specify --no-paginate along with pagination arguments: ${used.map((key) => `--${kebabName(key)}`).join(', ')}`]);
    }
  }
  return { kind: 'call', command, input, wireParams, globals, paging, ...(paginate ? { paginator } : {}) };
}

/** Wire names of the CLI's paging options, kept apart from the operation's members. */
const PAGING_PREFIX = '__paging.';

/** The paging options the CLI adds to a paginated command; its `--max-items` shadows IAM's own MaxItems. */
function withPagingParams(params: readonly CliParam[]): CliParam[] {
  const paging: CliParam[] = (
    [
      ['--starting-token', 'StartingToken', { kind: 'string' }],
      ['--page-size', 'PageSize', { kind: 'integer' }],
      ['--max-items', 'MaxItems', { kind: 'integer' }],
    ] as const
  ).map(([flag, wire, shape]) => ({ flag, member: { wire: PAGING_PREFIX + wire, domain: PAGING_PREFIX + wire, shape, required: false } }));
  const flags = new Set(paging.map((param) => param.flag));
  return [...params.filter((param) => !flags.has(param.flag)), ...paging];
}

interface FlagMatch {
  param: CliParam;
  negated: boolean;
}

/** Exact flag, `--no-` form of a boolean, or argparse's unique prefix. */
function findFlag(params: readonly CliParam[], name: string): FlagMatch | undefined | 'ambiguous' {
  const candidates: FlagMatch[] = [];
  for (const param of params) {
    candidates.push({ param, negated: false });
    if (param.member.shape.kind === 'boolean') candidates.push({ param: { ...param, flag: `--no-${param.flag.slice(2)}` }, negated: true });
  }
  const exact = candidates.find((candidate) => candidate.param.flag === name);
  if (exact) return exact;
  const prefixed = candidates.filter((candidate) => candidate.param.flag.startsWith(name));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1) return 'ambiguous';
  return undefined;
}

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function parseArguments(command: CliCommand, params: readonly CliParam[], args: readonly string[], binary: BinaryFormat): Record<string, unknown> {
  const raw = new Map<CliParam, string[] | boolean>();
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (!isOption(token)) {
      unknown.push(token);
      continue;
    }
    const [name, inline] = token.includes('=') ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] : [token, undefined];
    const match = findFlag(params, name);
    if (match === 'ambiguous') {
      const options = params.map((p) => p.flag).filter((flag) => flag.startsWith(name));
      throw argparseError(`ambiguous option: ${name} could match ${options.join(', ')}`);
    }
    if (!match) {
      unknown.push(token);
      continue;
    }
    const { param, negated } = match;
    const shape = param.member.shape;
    if (shape.kind === 'boolean') {
      if (inline !== undefined) throw argparseError(`argument ${param.flag}: ignored explicit argument '${inline}'`);
      raw.set(params.find((p) => p.member === param.member)!, !negated);
      continue;
    }
    const words: string[] = inline !== undefined ? [inline] : [];
    if (shape.kind === 'list') {
      while (inline === undefined && i + 1 < args.length && !isOption(args[i + 1]!)) words.push(args[++i]!);
      if (words.length === 0) throw argparseError(`argument ${param.flag}: expected at least one argument`);
    } else if (inline === undefined) {
      const next = args[i + 1];
      if (next === undefined || isOption(next)) throw argparseError(`argument ${param.flag}: expected one argument`);
      words.push(next);
      i++;
    }
    if (shape.kind === 'integer' && !INTEGER_TEXT.test(words[0]!)) throw argparseError(`argument ${param.flag}: invalid int value: '${words[0]!}'`);
    if (shape.kind === 'float' && !FLOAT_TEXT.test(words[0]!)) throw argparseError(`argument ${param.flag}: invalid float value: '${words[0]!}'`);
    raw.set(param, words);
  }
  const missing = params.filter((param) => param.member.required && !raw.has(param) && param.member.domain !== command.idempotencyToken);
  if (missing.length > 0) throw argparseError(`the following arguments are required: ${missing.map((param) => param.flag).join(', ')}`);
  if (unknown.length > 0) throw unknownOptions(unknown);

  const values: Record<string, unknown> = {};
  for (const param of params) {
    const value = raw.get(param);
    if (value === undefined) continue;
    const shape = param.member.shape;
    if (typeof value === 'boolean') values[param.member.wire] = value;
    else if (shape.kind === 'list' || shape.kind === 'structure' || shape.kind === 'map') values[param.member.wire] = complexValue(param.flag, shape, value);
    else values[param.member.wire] = scalarValue(param.flag, shape, value[0]!, binary);
  }
  return values;
}

export { CliUsageError };
