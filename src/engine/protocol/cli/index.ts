export { CLI_SERVICES, cliCommandTable, type CliCommand, type CliCommandTable, type CliParam, type CliServiceSource } from './command-table.ts';
export { parseCommandLine, OUTPUT_FORMATS, type GlobalOptions, type OutputFormat, type PagingOptions, type ParsedCommandLine } from './command-line.ts';
export { CliUsageError, USAGE } from './cli-errors.ts';
export { kebabName } from './cli-names.ts';
export { parseShorthand, ShorthandParseError } from './shorthand.ts';
export { cliOutputValue, cliTimestamp } from './output-values.ts';
export { formatJson, formatText, formatYaml } from './output-formats.ts';
export { formatTable } from './output-table.ts';
export { commonPrefix, completeCommandLine } from './completion.ts';
export {
  runCli,
  runCliLine,
  splitCommandLine,
  OTHER_ERROR_EXIT_CODE,
  SERVICE_ERROR_EXIT_CODE,
  type CliRunOptions,
  type CliRunResult,
} from './run-cli.ts';
