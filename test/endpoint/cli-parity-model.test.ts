import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputModel, outputModelSource } from './cli-output-model-source.ts';

/**
 * The terminal prints members in the order of the AWS models (botocore walks the output shape), from a table
 * generated out of the models that ship with /usr/bin/aws. This fails when the table and the installed models
 * disagree, or when an operation is added to the engine without regenerating it:
 *   UPDATE_CLI_MODEL=1 npx vitest run test/endpoint/cli-parity-model.test.ts
 */
const TABLE = join(import.meta.dirname, '../../src/engine/protocol/cli/output-model.ts');

describe('the CLI output model', () => {
  it('matches the botocore models of the installed AWS CLI v2', () => {
    const source = outputModelSource(buildOutputModel());
    if (process.env.UPDATE_CLI_MODEL) writeFileSync(TABLE, source);
    expect(readFileSync(TABLE, 'utf8'), 'regenerate: UPDATE_CLI_MODEL=1 npx vitest run test/endpoint/cli-parity-model.test.ts').toBe(source);
  });

  it('knows the output shapes of the walk-through operations', () => {
    const model = buildOutputModel();
    expect(model.operations.secretsmanager?.DescribeSecret).toBe('DescribeSecretResponse');
    const describe = model.shapes.secretsmanager?.DescribeSecretResponse;
    expect(describe?.type).toBe('structure');
    // Model order, not alphabetical: ARN, Name, Description, KmsKeyId...
    expect(describe?.type === 'structure' && describe.members.slice(0, 2).map(([name]) => name)).toEqual(['ARN', 'Name']);
    expect(model.shapes.kms?.DateType?.type).toBe('timestamp');
  });
});
