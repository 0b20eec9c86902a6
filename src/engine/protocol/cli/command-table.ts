import type { z } from 'zod';
import { kebabName } from './cli-names.ts';
import { inputShape, type InputShape, type StructureMember } from './input-shapes.ts';

/**
 * Every `aws <service> <command>` the terminal knows, built from the engine's own service modules: the command name
 * is the operation's name in kebab case, each flag one member of the operation's zod input schema.
 */

export interface CliParam {
  /** `--secret-id` */
  flag: string;
  member: StructureMember;
}

export interface CliCommand {
  service: string;
  operation: string;
  /** `get-secret-value` */
  name: string;
  shape: Extract<InputShape, { kind: 'structure' }>;
  params: CliParam[];
  /** The member the CLI fills with a fresh UUID when it is left out (botocore's idempotencyToken). */
  idempotencyToken?: string;
}

export interface CliCommandTable {
  /** CLI service name (`secretsmanager`), then command name, in the order the engine registers them. */
  services: Map<string, Map<string, CliCommand>>;
}

/** The parts of an engine ServiceModule the table reads. */
export interface CliServiceSource {
  name: string;
  operations: readonly { name: string; input: z.ZodType; idempotencyToken?: string }[];
}

/**
 * The services the terminal speaks for, by their CLI name (the engine's module names are the same). Others in the
 * engine (CloudWatch, Lambda...) are left out until their output is checked against the real CLI.
 */
export const CLI_SERVICES: readonly string[] = ['cloudtrail', 'events', 'iam', 'kms', 'organizations', 'secretsmanager', 'ssm', 'sts'];

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function cliCommandTable(modules: readonly CliServiceSource[]): CliCommandTable {
  const services = new Map<string, Map<string, CliCommand>>();
  for (const module of [...modules].filter((m) => CLI_SERVICES.includes(m.name)).sort((a, b) => byCodePoint(a.name, b.name))) {
    const commands = new Map<string, CliCommand>();
    // The CLI lists operations in the model's order, which is sorted by name (code points: ListSecretVersionIds
    // before ListSecrets).
    for (const operation of [...module.operations].sort((a, b) => byCodePoint(a.name, b.name))) {
      const shape = inputShape(module.name, operation.input);
      if (shape.kind !== 'structure') continue;
      const name = kebabName(operation.name);
      commands.set(name, {
        service: module.name,
        operation: operation.name,
        name,
        shape,
        params: shape.members.map((member) => ({ flag: `--${kebabName(member.wire)}`, member })),
        ...(operation.idempotencyToken ? { idempotencyToken: operation.idempotencyToken } : {}),
      });
    }
    services.set(module.name, commands);
  }
  return { services };
}
