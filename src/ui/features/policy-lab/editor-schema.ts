/**
 * The editor's JSON Schema: the engine's (generated from the zod grammar by `policyJsonSchema`) plus completion
 * hints from the action and condition-key catalogue. The hints are `examples` and optional `properties`, which
 * suggest without restricting, so the schema still accepts every policy the grammar accepts (an unknown action is
 * the validator's warning, not a schema error).
 */
import { iamPolicy } from '../../../engine/index.ts';

type Schema = Record<string, unknown>;

function allActions(): string[] {
  const actions: string[] = [];
  for (const prefix of iamPolicy.SERVICE_CATALOGUES.keys()) actions.push(`${prefix}:*`, ...iamPolicy.catalogueActions(prefix));
  return ['*', ...actions];
}

function conditionKeyProperties(): Record<string, Schema> {
  const properties: Record<string, Schema> = {};
  const add = (name: string, type: string) => {
    // `aws:ResourceTag/` and `kms:EncryptionContext:` need a name after them: suggest the prefix with a placeholder.
    const key = name.endsWith('/') || name.endsWith(':') ? `${name}name` : name;
    properties[key] = { description: `${type} condition key${key === name ? '' : ` (replace \`name\`)`}` };
  };
  for (const [name, type] of Object.entries(iamPolicy.GLOBAL_CONDITION_KEYS)) add(name, type);
  for (const service of iamPolicy.SERVICE_CATALOGUES.values()) {
    for (const [name, type] of Object.entries(service.conditionKeys)) add(name, type);
  }
  return properties;
}

/** Adds `examples` to every string, or array of strings, in a `stringOrList` schema. */
function withExamples(schema: Schema, examples: string[]): Schema {
  const branches = (schema.anyOf as Schema[] | undefined) ?? [];
  return {
    ...schema,
    anyOf: branches.map((branch) =>
      branch.type === 'array' ? { ...branch, items: { ...(branch.items as Schema), examples } } : branch.type === 'string' ? { ...branch, examples } : branch,
    ),
  };
}

function enrichStatement(statement: Schema, actions: string[]): Schema {
  const properties = { ...(statement.properties as Record<string, Schema>) };
  for (const name of ['Action', 'NotAction']) {
    if (properties[name]) properties[name] = withExamples(properties[name], actions);
  }
  for (const name of ['Resource', 'NotResource']) {
    if (properties[name]) properties[name] = withExamples(properties[name], ['*', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:name-AbCdEf', 'arn:aws:kms:us-east-1:111122223333:key/key-id']);
  }
  const condition = properties.Condition;
  if (condition) {
    const operators: Record<string, Schema> = {};
    for (const operator of iamPolicy.allOperatorNames()) operators[operator] = { $ref: '#/$defs/conditionKeys', description: `${operator} condition operator` };
    properties.Condition = { ...condition, properties: operators };
  }
  return { ...statement, properties };
}

/** Walks the generated schema and enriches every statement object (the grammar inlines it twice). */
function enrich(node: unknown, actions: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => enrich(item, actions));
  if (!node || typeof node !== 'object') return node;
  const schema = node as Schema;
  const properties = schema.properties as Record<string, unknown> | undefined;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = enrich(value, actions);
  return properties && 'Effect' in properties ? enrichStatement(copy, actions) : copy;
}

let cached: Schema | undefined;

export function editorPolicySchema(): Schema {
  if (cached) return cached;
  const base = iamPolicy.policyJsonSchema();
  const keys = conditionKeyProperties();
  const schema = enrich(base, allActions()) as Schema;
  const defs = (schema.$defs as Schema | undefined) ?? {};
  cached = {
    ...schema,
    $defs: { ...defs, conditionKeys: { type: 'object', properties: keys } },
  };
  return cached;
}
