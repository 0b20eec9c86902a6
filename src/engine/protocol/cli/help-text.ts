import type { CliCommandTable, CliParam } from './command-table.ts';
import type { InputShape } from './input-shapes.ts';
import { PAGINATORS } from './paginators.ts';

/**
 * `aws help`, `aws <service> help` and `aws <service> <command> help`: a short synopsis in the layout of the CLI's
 * help pages (the real pages are AWS's documentation; these list what the simulator accepts, in our own words).
 */

function typeName(shape: InputShape): string {
  switch (shape.kind) {
    case 'list':
      return `list of ${typeName(shape.member)}`;
    case 'map':
      return 'map';
    case 'structure':
      return 'structure';
    case 'string':
      return shape.enum ? `string, one of: ${shape.enum.join(' | ')}` : 'string';
    default:
      return shape.kind;
  }
}

function synopsisOf(param: CliParam): string {
  const shape = param.member.shape;
  const value = shape.kind === 'boolean' ? `${param.flag} | --no-${param.flag.slice(2)}` : `${param.flag} <value>`;
  return param.member.required ? value : `[${value}]`;
}

export function helpText(table: CliCommandTable, service?: string, command?: string): string {
  if (service === undefined) {
    return [
      'aws [options] <command> <subcommand> [parameters]',
      '',
      'The in-page terminal speaks AWS CLI v2 syntax to the simulator. Services:',
      '',
      ...[...table.services.keys()].map((name) => `  o ${name}`),
      '',
      'Global options: --output json|text|table|yaml, --query <JMESPath>, --region <region>, --no-paginate,',
      '--cli-binary-format raw-in-base64-out. List commands page automatically: --max-items, --starting-token, --page-size.',
      'Try: aws secretsmanager create-secret --name demo --secret-string hello',
      '',
    ].join('\n');
  }
  const commands = table.services.get(service)!;
  if (command === undefined) {
    return [`${service}`, '', 'Available commands:', '', ...[...commands.keys()].map((name) => `  o ${name}`), '', ''].join('\n');
  }
  const found = commands.get(command)!;
  const lines = [command, '', `Calls ${found.service} ${found.operation}.`, '', 'SYNOPSIS', `    ${command}`];
  for (const param of found.params) lines.push(`  ${synopsisOf(param)}`);
  lines.push('', 'OPTIONS');
  for (const param of found.params) {
    lines.push(`  ${param.flag} (${typeName(param.member.shape)})${param.member.required ? ' required' : ''}`);
  }
  if (PAGINATORS[found.service]?.[found.operation]) {
    lines.push('', 'This command pages automatically; --starting-token, --page-size and --max-items control it.');
  }
  lines.push('', '');
  return lines.join('\n');
}
