import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../src/quiz/schema.ts';

const folder = resolve(import.meta.dirname, '../../content/quiz');
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

describe('quiz content', () => {
  it('has question files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates and is named for its id', (file) => {
    const parsed = questionSchema.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(`${parsed.data!.id}.json`).toBe(file);
  });

  it('links only to labs that exist', () => {
    const labs = new Set(readdirSync(resolve(import.meta.dirname, '../../content/labs')));
    const broken = files.flatMap((file) => {
      const { lab } = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { lab?: string };
      return lab !== undefined && !labs.has(lab) ? [`${file} -> ${lab}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('rejects a single-answer question with two correct options', () => {
    const question = JSON.parse(readFileSync(join(folder, files[0]!), 'utf8'));
    question.type = 'single';
    question.select = 1;
    question.options = question.options.slice(0, 4).map((option: { correct: boolean }) => ({ ...option, correct: true }));
    expect(questionSchema.safeParse(question).success).toBe(false);
  });
});
