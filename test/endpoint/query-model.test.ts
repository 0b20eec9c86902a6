import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ServiceError, createSimulator } from '../../src/engine/index.ts';
import { iamErrors } from '../../src/engine/iam/errors.ts';
import { stsErrors } from '../../src/engine/sts/errors.ts';
import {
  QUERY_API_VERSIONS,
  QUERY_BOOLEAN_MEMBERS,
  QUERY_INTEGER_MEMBERS,
  QUERY_LIST_MEMBERS,
  QUERY_NAMESPACES,
  URL_ENCODED_DOCUMENT_MEMBERS,
  domainName,
  isQueryDateMember,
  wireName,
  type QueryService,
} from '../../src/engine/protocol/index.ts';

/**
 * The Query codec's tables checked against AWS's own IAM and STS models, as the AWS CLI v2 ships them: for every
 * operation the engine implements, every member name maps to the domain and back, every integer and boolean input
 * member is read as one, every timestamp is written as one, every policy document is URL-encoded, every list is a
 * plain `<member>` list; and the engine's error codes carry the HTTP status the model gives them.
 */

const MODEL_ROOT = process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/awscli/botocore/data';
const MODEL_DIRS: Record<QueryService, string> = { iam: `${MODEL_ROOT}/iam/2010-05-08`, sts: `${MODEL_ROOT}/sts/2011-06-15` };

function modelPath(service: QueryService): string {
  const plain = `${MODEL_DIRS[service]}/service-2.json`;
  return existsSync(plain) ? plain : `${plain}.gz`;
}

interface MemberRef {
  shape: string;
  locationName?: string;
}

interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  flattened?: boolean;
  value?: MemberRef;
  exception?: boolean;
  error?: { code: string; httpStatusCode: number; senderFault?: boolean };
}

interface Model {
  metadata: { protocol: string; xmlNamespace: string; apiVersion: string };
  operations: Record<string, { input?: { shape: string }; output?: { shape: string; resultWrapper?: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, Shape>;
}

function readModel(service: QueryService): Model {
  const path = modelPath(service);
  const bytes = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as Model;
}

interface MemberUse {
  name: string;
  shapeName: string;
  type: string;
  where: string;
  direction: 'input' | 'output';
  locationName?: string;
}

function membersReachable(model: Model, shapeName: string, direction: MemberUse['direction']): { uses: MemberUse[]; lists: Shape[]; maps: string[] } {
  const uses: MemberUse[] = [];
  const lists: Shape[] = [];
  const maps: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const shape = model.shapes[name]!;
    if (shape.type === 'structure') {
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        uses.push({
          name: member,
          shapeName: ref.shape,
          type: model.shapes[ref.shape]!.type,
          where: `${name}.${member}`,
          direction,
          ...(ref.locationName ? { locationName: ref.locationName } : {}),
        });
        visit(ref.shape);
      }
    } else if (shape.type === 'list') {
      lists.push(shape);
      visit(shape.member!.shape);
    } else if (shape.type === 'map') {
      maps.push(name);
      visit(shape.value!.shape);
    }
  };
  visit(shapeName);
  return { uses, lists, maps };
}

const sim = createSimulator();
const typedInputs = { integers: new Set<string>(), booleans: new Set<string>(), lists: new Set<string>() };

describe.each(['iam', 'sts'] as const)('%s: the Query codec against the AWS model', (service) => {
  const path = modelPath(service);
  const operations = sim
    .operations()
    .filter((op) => op.service === service)
    .map((op) => op.operation);

  it('has the AWS model to compare with', () => {
    expect(existsSync(path), `${path} is missing: it ships with the AWS CLI v2 (apt-get install -y awscli), or set BOTOCORE_DATA`).toBe(true);
  });

  it('speaks the protocol, namespace and version of the model', () => {
    const model = readModel(service);
    expect(model.metadata.protocol).toBe('query');
    expect(QUERY_NAMESPACES[service]).toBe(model.metadata.xmlNamespace);
    expect(QUERY_API_VERSIONS[service]).toBe(model.metadata.apiVersion);
  });

  it('implements only operations the model has, each with its <Action>Result wrapper', () => {
    const model = readModel(service);
    const problems: string[] = [];
    for (const operation of operations) {
      const definition = model.operations[operation];
      if (!definition) problems.push(`${operation} is not in the model`);
      else if (definition.output && definition.output.resultWrapper !== `${operation}Result`) problems.push(`${operation}: wrapper ${definition.output.resultWrapper}`);
    }
    expect(problems).toEqual([]);
  });

  it('maps every member name, types every integer, boolean and timestamp, and URL-encodes every policy document', () => {
    const model = readModel(service);
    const problems: string[] = [];
    const integersIn = new Set<string>();
    const booleansIn = new Set<string>();
    const listsIn = new Set<string>();
    for (const operation of operations) {
      const definition = model.operations[operation]!;
      const input = definition.input ? membersReachable(model, definition.input.shape, 'input') : { uses: [], lists: [], maps: [] };
      const output = definition.output ? membersReachable(model, definition.output.shape, 'output') : { uses: [], lists: [], maps: [] };
      for (const list of [...input.lists, ...output.lists]) {
        if (list.flattened || list.member?.locationName) problems.push(`${operation}: a list that is not a plain <member> list`);
      }
      for (const map of [...input.maps, ...output.maps]) problems.push(`${operation}: map ${map} (the codec reads entry.N.key/value but writes no maps)`);
      for (const use of [...input.uses, ...output.uses]) {
        const domain = domainName(service, use.name);
        if (use.locationName) problems.push(`${use.where}: locationName ${use.locationName}`);
        if (/^[a-z][A-Z]/.test(domain)) problems.push(`${use.where}: ${use.name} -> ${domain} needs an entry in WIRE_NAME_EXCEPTIONS`);
        // Input names only need to reach the domain; output names must come back as the model spells them.
        if (use.direction === 'output' && wireName(service, domain) !== use.name) problems.push(`${use.where}: ${use.name} -> ${domain} -> ${wireName(service, domain)}`);
        if (use.direction === 'input') {
          if (use.type === 'integer' || use.type === 'long') integersIn.add(domain);
          if (use.type === 'boolean') booleansIn.add(domain);
          if (use.type === 'list') listsIn.add(domain);
          if (['timestamp', 'blob', 'double', 'float'].includes(use.type)) problems.push(`${use.where}: input ${use.type} not read by the codec`);
        } else {
          if (use.type === 'timestamp' && !isQueryDateMember(domain)) problems.push(`${use.where}: timestamp not recognised as a date`);
          if (use.type !== 'timestamp' && isQueryDateMember(domain)) problems.push(`${use.where}: ${use.type} would be written as a date`);
          const document = use.shapeName === 'policyDocumentType';
          if (document !== URL_ENCODED_DOCUMENT_MEMBERS[service].has(domain)) {
            problems.push(`${use.where}: ${document ? 'policy document not URL-encoded' : 'URL-encoded but not a policy document'}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    for (const name of integersIn) typedInputs.integers.add(name);
    for (const name of booleansIn) typedInputs.booleans.add(name);
    for (const name of listsIn) typedInputs.lists.add(name);
  });
});

describe('typed input members', () => {
  it('reads as integers, booleans and lists exactly the members the models type so (both services seen above)', () => {
    expect([...typedInputs.lists].sort()).toEqual([...QUERY_LIST_MEMBERS].sort());
    expect([...typedInputs.integers].sort()).toEqual([...QUERY_INTEGER_MEMBERS].sort());
    expect([...typedInputs.booleans].sort()).toEqual([...QUERY_BOOLEAN_MEMBERS].sort());
  });
});

describe('error codes against the models', () => {
  const statusByCode = (service: QueryService) => {
    const model = readModel(service);
    const table = new Map<string, number>();
    for (const shape of Object.values(model.shapes)) if (shape.exception && shape.error) table.set(shape.error.code, shape.error.httpStatusCode);
    return table;
  };

  /** Every error a catalogue can make, with placeholder arguments. */
  function catalogue(errors: Record<string, (...args: never[]) => ServiceError>): ServiceError[] {
    return Object.values(errors).map((make) => (make as (...args: string[]) => ServiceError)('x', 'y', 'z'));
  }

  it('gives every modelled IAM error the model status; the common ones their documented status', () => {
    const statuses = statusByCode('iam');
    const problems = catalogue(iamErrors)
      .filter((error) => (statuses.get(error.code) ?? { ValidationError: 400 }[error.code]) !== error.httpStatus)
      .map((error) => `${error.code} ${error.httpStatus} (model ${statuses.get(error.code)})`);
    expect(problems).toEqual([]);
  });

  it('gives every modelled STS error the model status; AccessDenied 403 and ValidationError 400 (common errors)', () => {
    const statuses = statusByCode('sts');
    const problems = catalogue(stsErrors)
      .filter((error) => (statuses.get(error.code) ?? { AccessDenied: 403, ValidationError: 400 }[error.code]) !== error.httpStatus)
      .map((error) => `${error.code} ${error.httpStatus} (model ${statuses.get(error.code)})`);
    expect(problems).toEqual([]);
  });
});
