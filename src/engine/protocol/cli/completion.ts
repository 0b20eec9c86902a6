import type { CliCommandTable } from './command-table.ts';
import { PAGINATORS } from './paginators.ts';

/**
 * Tab completion for the terminal: the word under the cursor (the last word of the line) completed against
 * services, then that service's commands, then the command's flags and the global options. Returns the candidates;
 * the terminal fills in their common prefix.
 */

const GLOBAL_OPTIONS = ['--output', '--query', '--region', '--profile', '--no-paginate', '--debug'];

export function completeCommandLine(table: CliCommandTable, line: string): string[] {
  const words = line.split(/\s+/);
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1).filter((word) => word !== '');
  if (before.length === 0) return 'aws'.startsWith(current) ? ['aws'] : [];
  if (before[0] !== 'aws') return [];
  const positional = before.slice(1).filter((word) => !word.startsWith('--'));
  const [service, command] = positional;
  if (service === undefined) return [...table.services.keys(), 'help'].filter((name) => name.startsWith(current));
  const commands = table.services.get(service);
  if (!commands) return [];
  if (command === undefined) return [...commands.keys(), 'help'].filter((name) => name.startsWith(current));
  const found = commands.get(command);
  if (!found || !current.startsWith('-')) return [];
  const used = new Set(before);
  const flags = found.params.flatMap((param) => (param.member.shape.kind === 'boolean' ? [param.flag, `--no-${param.flag.slice(2)}`] : [param.flag]));
  const paging = PAGINATORS[found.service]?.[found.operation] ? ['--starting-token', '--page-size', '--max-items'] : [];
  return [...new Set([...flags, ...paging, ...GLOBAL_OPTIONS])].filter((flag) => flag.startsWith(current) && !used.has(flag));
}

/** The longest prefix every candidate shares (what a shell inserts on Tab). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0]!;
  for (const candidate of candidates) while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
