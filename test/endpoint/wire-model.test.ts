import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/engine/index.ts';
import { BLOB_MEMBERS, MAP_MEMBERS, domainName, isDateMember, wireName, type WireService } from '../../src/engine/protocol/index.ts';

/**
 * The codec's tables checked against AWS's own service models, as the AWS CLI v2 ships them (Debian's awscli
 * package): for every operation the engine implements, every member reachable from its input and output must map to
 * a domain name and back to the same wire name, and every blob, timestamp and map member must be known as such.
 */

const MODEL_ROOT = process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/awscli/botocore/data';
const MODEL_DIRS: Record<WireService, string> = {
  secretsmanager: `${MODEL_ROOT}/secretsmanager/2017-10-17`,
  kms: `${MODEL_ROOT}/kms/2014-11-01`,
  cloudtrail: `${MODEL_ROOT}/cloudtrail/2013-11-01`,
  ssm: `${MODEL_ROOT}/ssm/2014-11-06`,
  events: `${MODEL_ROOT}/events/2015-10-07`,
};

/** botocore ships its models plain (Debian's awscli) or gzipped (pip's botocore). */
function modelPath(service: WireService): string {
  const plain = `${MODEL_DIRS[service]}/service-2.json`;
  return existsSync(plain) ? plain : `${plain}.gz`;
}

function readModel(path: string): Model {
  const bytes = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as Model;
}

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
}

interface Model {
  operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

interface MemberUse {
  name: string;
  type: string;
  where: string;
}

function membersReachable(model: Model, operations: string[]): MemberUse[] {
  const uses: MemberUse[] = [];
  const seen = new Set<string>();
  const visit = (shapeName: string) => {
    if (seen.has(shapeName)) return;
    seen.add(shapeName);
    const shape = model.shapes[shapeName]!;
    if (shape.type === 'structure') {
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        uses.push({ name, type: model.shapes[ref.shape]!.type, where: `${shapeName}.${name}` });
        visit(ref.shape);
      }
    } else if (shape.type === 'list') visit(shape.member!.shape);
    else if (shape.type === 'map') visit(shape.value!.shape);
  };
  for (const operation of operations) {
    const definition = model.operations[operation]!;
    if (definition.input) visit(definition.input.shape);
    if (definition.output) visit(definition.output.shape);
  }
  return uses;
}

describe.each(['secretsmanager', 'kms', 'cloudtrail', 'ssm', 'events'] as const)('%s members against the AWS model', (service) => {
  const path = modelPath(service);

  it('has the AWS model to compare with', () => {
    expect(existsSync(path), `${path} is missing: it ships with the AWS CLI v2 (apt-get install -y awscli), or set BOTOCORE_DATA`).toBe(true);
  });

  it('maps every member name there and back, and knows every blob, timestamp and map', () => {
    const model = readModel(path);
    const operations = createSimulator()
      .operations()
      .filter((op) => op.service === service)
      .map((op) => op.operation);
    // The CLI's model can predate an operation (Debian's 2.9 has no BatchGetSecretValue); those are left out, but
    // most of what the engine implements must be checked.
    const known = operations.filter((op) => model.operations[op]);
    expect(known.length / operations.length).toBeGreaterThan(0.8);
    const uses = membersReachable(model, known);
    const problems: string[] = [];
    for (const use of uses) {
      const domain = domainName(service, use.name);
      // A leading acronym is lower-cased whole (ARN -> arn, AWSAccountId -> awsAccountId), never aRN.
      if (/^[a-z][A-Z]/.test(domain)) problems.push(`${use.where}: ${use.name} -> ${domain} needs an entry in WIRE_NAME_EXCEPTIONS`);
      if (wireName(service, domain) !== use.name) problems.push(`${use.where}: ${use.name} -> ${domain} -> ${wireName(service, domain)}`);
      if (use.type === 'blob' && !BLOB_MEMBERS[service].has(domain)) problems.push(`${use.where}: blob not in BLOB_MEMBERS`);
      if (use.type === 'timestamp' && !isDateMember(domain)) problems.push(`${use.where}: timestamp not recognised as a date`);
      if (use.type !== 'timestamp' && isDateMember(domain)) problems.push(`${use.where}: ${use.type} would be treated as a date`);
      if (use.type === 'map' && !MAP_MEMBERS.has(domain)) problems.push(`${use.where}: map not in MAP_MEMBERS`);
    }
    expect(problems).toEqual([]);
  });
});
