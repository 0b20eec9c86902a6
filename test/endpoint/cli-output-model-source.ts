import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '../../src/engine/index.ts';
import { CLI_SERVICES } from '../../src/engine/protocol/cli/command-table.ts';
import type { CliOutputModel, CliShape } from '../../src/engine/protocol/cli/output-model-types.ts';

/**
 * Builds the CLI output model (src/engine/protocol/cli/output-model.ts) from the botocore service models that ship
 * with the AWS CLI v2 at /usr/bin/aws: for every operation the engine implements, its output shape's members in
 * the model's order, with the types the CLI's printing depends on (timestamps, blobs, lists, maps, structures).
 */
export const BOTOCORE_DATA = process.env.AWS_CLI_BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/awscli/botocore/data';

interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
}

interface BotocoreModel {
  operations: Record<string, { output?: { shape: string; resultWrapper?: string } }>;
  shapes: Record<string, BotocoreShape>;
}

function loadModel(service: string): BotocoreModel {
  const dir = join(BOTOCORE_DATA, service);
  const version = readdirSync(dir).sort().at(-1)!;
  return JSON.parse(readFileSync(join(dir, version, 'service-2.json'), 'utf8')) as BotocoreModel;
}

export function buildOutputModel(): CliOutputModel {
  const sim = createSimulator();
  const model: CliOutputModel = { operations: {}, shapes: {} };
  const byService = new Map<string, string[]>();
  for (const { service, operation } of sim.operations()) if (CLI_SERVICES.includes(service)) byService.set(service, [...(byService.get(service) ?? []), operation]);
  for (const [service, operations] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    const botocore = loadModel(service);
    const shapes: Record<string, CliShape> = {};
    const visit = (name: string): void => {
      if (name in shapes) return;
      const shape = botocore.shapes[name]!;
      if (shape.type === 'structure') {
        shapes[name] = { type: 'structure', members: [] };
        const members = Object.entries(shape.members ?? {}).map(([member, ref]) => [member, ref.shape] as [string, string]);
        (shapes[name] as { members: [string, string][] }).members = members;
        for (const [, ref] of members) visit(ref);
      } else if (shape.type === 'list') {
        shapes[name] = { type: 'list', member: shape.member!.shape };
        visit(shape.member!.shape);
      } else if (shape.type === 'map') {
        shapes[name] = { type: 'map', value: shape.value!.shape };
        visit(shape.value!.shape);
      } else {
        shapes[name] = { type: shape.type === 'timestamp' || shape.type === 'blob' ? shape.type : 'scalar' };
      }
    };
    model.operations[service] = {};
    for (const operation of [...operations].sort()) {
      const output = botocore.operations[operation]?.output?.shape;
      if (!output) continue;
      visit(output);
      model.operations[service][operation] = output;
    }
    model.shapes[service] = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
  }
  return model;
}

export function outputModelSource(model: CliOutputModel): string {
  return `// Generated from the botocore models of the AWS CLI v2 by test/endpoint/cli-output-model-source.ts
// (UPDATE_CLI_MODEL=1 npx vitest run test/endpoint/cli-parity-model.test.ts); do not edit by hand.
// Each operation's output shape, members in the model's order: the CLI prints members in that order.
import type { CliOutputModel } from './output-model-types.ts';

export const CLI_OUTPUT_MODEL: CliOutputModel = ${JSON.stringify(model)};
`;
}
