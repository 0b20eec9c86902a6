import * as jmespath from 'jmespath';
import { parse as shellParse } from 'shell-quote';
import type { CallRequest, CallResult, CallerRef } from '../../kernel/index.ts';
import { isQueryService } from '../query-protocol.ts';
import { CliUsageError } from './cli-errors.ts';
import { expandParamFiles } from './param-files.ts';
import { parseCommandLine, type GlobalOptions, type ParsedCommandLine } from './command-line.ts';
import type { CliCommand, CliCommandTable } from './command-table.ts';
import { helpText } from './help-text.ts';
import { formatOutput, formatText, type Json } from './output-formats.ts';
import { formatTable } from './output-table.ts';
import { cliOutputValue } from './output-values.ts';
import { allPages, type PageItems } from './pages.ts';

/**
 * One terminal line, run as the AWS CLI v2 runs it: parse, call the engine (every page of a paginated list),
 * apply `--query`, print in the chosen format; or print the CLI's own error with its exit code (252 for the
 * command line, 254 for an error the service returned, 255 for anything else).
 */

export const SERVICE_ERROR_EXIT_CODE = 254;
export const OTHER_ERROR_EXIT_CODE = 255;

export interface CliRunOptions {
  table: CliCommandTable;
  /** Makes one call through the simulator's pipeline (the app's `call`, or `simulator.call` in tests). */
  call: (request: CallRequest) => CallResult;
  /** Default region (the CLI's AWS_DEFAULT_REGION); `--region` overrides it. */
  region?: string;
  caller?: CallerRef;
  /**
   * A fresh idempotency token when the command leaves it out: the real CLI makes a UUID on the client, outside the
   * world, so one from here keeps the world's random sequence the same as under the real CLI.
   */
  idempotencyToken?: () => string;
  /** Columns for `--output table` (the CLI measures its terminal; 80 when the output is not a terminal). */
  terminalWidth?: number;
  /** Extra text for `aws --version`. */
  version?: string;
  /** The terminal's virtual files, for `file://` and `fileb://` values; without it such values are refused. */
  readFile?: (path: string) => string | undefined;
}

export interface CliRunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Words of a command line, as a POSIX shell splits them (quotes, backslashes); `$NAME` from `env`. */
export function splitCommandLine(line: string, env: Record<string, string> = {}): string[] | { error: string } {
  const words: string[] = [];
  for (const entry of shellParse(line, (name) => env[name] ?? '')) {
    if (typeof entry === 'string') words.push(entry);
    else if ('comment' in entry) break;
    else if ('op' in entry && entry.op === 'glob') words.push(entry.pattern);
    else return { error: `the in-page terminal runs one aws command at a time; '${'op' in entry ? entry.op : ''}' (pipes, redirection, command lists) is not supported` };
  }
  return words;
}

export function runCliLine(line: string, options: CliRunOptions, env: Record<string, string> = {}): CliRunResult {
  const words = splitCommandLine(line, env);
  if (!Array.isArray(words)) return { stdout: '', stderr: `${words.error}\n`, exitCode: OTHER_ERROR_EXIT_CODE };
  if (words.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  if (words[0] !== 'aws') {
    return { stdout: '', stderr: `${words[0]}: command not found (this terminal runs the AWS CLI: aws <service> <command> ...; try aws help)\n`, exitCode: 127 };
  }
  return runCli(words.slice(1), options);
}

interface CompiledQuery {
  search(value: Json): Json;
}

/** jmespath.js compiles as the CLI does before calling, so a bad `--query` fails before anything is sent. */
function compileQuery(expression: string): CompiledQuery {
  const library = jmespath as unknown as { compile(expression: string): unknown; TreeInterpreter?: unknown };
  try {
    library.compile(expression);
  } catch (error) {
    throw new CliUsageError(`\nBad value for --query ${expression}: Invalid jmespath expression: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return { search: (value) => jmespath.search(value, expression) as Json };
}

export function runCli(argv: readonly string[], options: CliRunOptions): CliRunResult {
  try {
    const parsed = parseCommandLine(options.table, options.readFile ? expandParamFiles(argv, options.readFile) : argv);
    if (parsed.kind === 'version') return { stdout: `${options.version ?? 'aws-cli/2 (SecretsLab in-page terminal)'}\n`, stderr: '', exitCode: 0 };
    if (parsed.kind === 'help') return { stdout: helpText(options.table, parsed.service, parsed.command), stderr: '', exitCode: 0 };
    if (parsed.globals.profile !== undefined) {
      // botocore's ProfileNotFound, as the CLI prints it (exit 255); the page has no ~/.aws/config to hold profiles.
      return {
        stdout: '',
        stderr: `\nThe config profile (${parsed.globals.profile}) could not be found\n(The in-page terminal has no profiles: it acts as the principal chosen under "Acting as".)\n`,
        exitCode: OTHER_ERROR_EXIT_CODE,
      };
    }
    const query = parsed.globals.query !== undefined ? compileQuery(parsed.globals.query) : undefined;
    const outcome = callAllPages(parsed, options);
    if ('error' in outcome) return outcome.error;
    if (outcome.paged && parsed.globals.output === 'text') return { stdout: textByPage(outcome.paged, query), stderr: '', exitCode: 0 };
    const value = query ? query.search(outcome.value) : outcome.value;
    const stdout =
      parsed.globals.output === 'table' ? formatTable(parsed.command.operation, value, options.terminalWidth ?? 80) : formatOutput(parsed.globals.output, value);
    return { stdout, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof CliUsageError) return { stdout: '', stderr: error.stderr, exitCode: error.exitCode };
    const detail = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `\nSecretsLab bug (this is not an AWS error): ${detail}\n`, exitCode: OTHER_ERROR_EXIT_CODE };
  }
}

function request(command: CliCommand, input: Record<string, unknown>, globals: GlobalOptions, options: CliRunOptions): CallRequest {
  const filled = { ...input };
  if (command.idempotencyToken && filled[command.idempotencyToken] === undefined && options.idempotencyToken) {
    filled[command.idempotencyToken] = options.idempotencyToken();
  }
  const region = globals.region ?? options.region;
  return {
    service: command.service,
    operation: command.operation,
    input: filled,
    ...(region ? { region } : {}),
    ...(options.caller ? { caller: options.caller } : {}),
    userAgent: 'aws-cli/2 secretslab-terminal',
  };
}

/**
 * The message as botocore reads it: an AWS JSON error without a message member reads as '' (its JSON parser's
 * default: ParameterNotFound, InvalidCiphertextException), a Query (XML) error without <Message> as 'Unknown'
 * (ClientError's default).
 */
function errorMessage(command: CliCommand, message: string | undefined): string {
  if (message) return message;
  return isQueryService(command.service) ? 'Unknown' : '';
}

function serviceError(command: CliCommand, result: CallResult): CliRunResult {
  const error = result.ok ? undefined : result.error;
  return {
    stdout: '',
    stderr: `\nAn error occurred (${error?.code ?? 'Unknown'}) when calling the ${command.operation} operation: ${errorMessage(command, error?.message)}\n`,
    exitCode: SERVICE_ERROR_EXIT_CODE,
  };
}

interface PagedResult {
  resultKey: string;
  pages: PageItems[];
  resume?: string;
}

/**
 * The text format of a paginated command, as awscli's TextFormatter prints it: each page on its own (`--query`
 * applied to each page, so `Rules[].Name` prints one line per page), then the resume token as its own response
 * `{"NextToken": {"NextToken": ...}}`, the query applied to that too. None of the paginators used here has
 * non-aggregate keys, so a page is its result key alone.
 */
function textByPage(paged: PagedResult, query: CompiledQuery | undefined): string {
  const format = (response: Json) => formatText(query ? query.search(response) : response);
  let out = '';
  for (const items of paged.pages) out += format({ [paged.resultKey]: items });
  if (paged.resume !== undefined) out += format({ NextToken: { NextToken: paged.resume } });
  return out;
}

/** One call, or every page of a paginated list as the CLI fetches them (pages.ts). */
function callAllPages(
  parsed: Extract<ParsedCommandLine, { kind: 'call' }>,
  options: CliRunOptions,
): { value: Json; paged?: PagedResult } | { error: CliRunResult } {
  const { command, input, globals, paginator, paging } = parsed;
  const toCli = (output: unknown) => cliOutputValue(command.service, command.operation, output) as Record<string, Json>;
  const call = (pageInput: Record<string, unknown>) => options.call(request(command, pageInput, globals, options));
  if (!paginator) {
    const result = call(input);
    return result.ok ? { value: toCli(result.output) } : { error: serviceError(command, result) };
  }
  const outcome = allPages(paginator, paging, call, input, toCli);
  if ('error' in outcome) return { error: serviceError(command, outcome.error) };
  return {
    value: outcome.value,
    paged: { resultKey: paginator.wire.resultKey, pages: outcome.pages, ...(outcome.resume !== undefined ? { resume: outcome.resume } : {}) },
  };
}
