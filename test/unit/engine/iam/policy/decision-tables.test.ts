import { describe, expect, it } from 'vitest';
import { authorize, authorizeThroughKey } from '../../../../../src/engine/iam/policy/index.ts';
import { buildInput, loadCaseFiles } from './iam-cases.ts';

const files = loadCaseFiles();

describe('content/iam-cases decision tables', () => {
  it('has case files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const { file, content } of files) {
    describe(file, () => {
      for (const testCase of content.cases) {
        it(`${testCase.spec ? `[${testCase.spec}] ` : ''}${testCase.name}`, () => {
          const { input, key } = buildInput(content, testCase);
          const chained = key ? authorizeThroughKey(input, key) : undefined;
          const result = chained ?? authorize(input);
          const summary = { decision: result.decision, reasons: result.reasons.map((r) => r.code), message: result.message };
          expect(result.decision, JSON.stringify(summary)).toBe(testCase.expect.decision);

          const codes = result.reasons.map((r) => r.code);
          let cursor = 0;
          for (const expected of testCase.expect.reasons) {
            const found = codes.indexOf(expected as never, cursor);
            expect(found, `reason ${expected} (in order) among ${codes.join(', ')}`).toBeGreaterThanOrEqual(0);
            cursor = found + 1;
          }
          if (testCase.expect.denial) expect(result.denial).toEqual(testCase.expect.denial);
          if (testCase.expect.decision === 'Allow') expect(result.message).toBeUndefined();
          else expect(result.message).toMatch(/^User: \S+ is not authorized to perform: \S+/);
          if (testCase.expect.message) expect(result.message).toBe(testCase.expect.message);
          if (testCase.expect.deciding) {
            expect(result.deciding.map((d) => d.label).sort()).toEqual([...testCase.expect.deciding].sort());
          }
          if (testCase.expect.decidingStep !== undefined) {
            expect(chained, 'decidingStep needs a kms section').toBeDefined();
            expect(chained?.steps[testCase.expect.decidingStep]).toMatchObject({ decision: result.decision, message: result.message });
            if (testCase.expect.decidingStep === 1) expect(chained?.steps[0]?.decision).toBe('Allow');
          }
        });
      }
    });
  }
});
