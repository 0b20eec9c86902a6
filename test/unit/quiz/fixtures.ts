import type { QuizItem } from '../../../src/quiz/bank.ts';
import type { TaskStatement } from '../../../src/quiz/schema.ts';

/** A valid question for tests: `correct` option ids right, the rest wrong. */
export function makeItem(id: string, task: TaskStatement, options: { concepts?: string[]; correct?: string[]; ids?: string[] } = {}): QuizItem {
  const correct = options.correct ?? ['a'];
  const ids = options.ids ?? (correct.length > 1 ? ['a', 'b', 'c', 'd', 'e'] : ['a', 'b', 'c', 'd']);
  return {
    id,
    status: 'reviewed',
    task,
    topics: ['secrets-and-versions'],
    concepts: options.concepts ?? [`test.${id}`],
    services: ['Secrets Manager'],
    type: correct.length > 1 ? 'multi' : 'single',
    select: correct.length,
    stem: `A test question ${id} long enough to satisfy the schema's stem length of sixty characters.`,
    qualifier: 'none',
    options: ids.map((optionId) => ({ id: optionId, text: `Option ${optionId}`, correct: correct.includes(optionId), rationale: `Why option ${optionId} is or is not right.` })),
    irt: { a: 1, b: 0 },
    references: [{ title: 'Secrets Manager', url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html' }],
    lastVerified: '2026-11-28',
  };
}

/** n items per domain (tasks 1.1, 2.1, 3.1, 4.1). */
export function itemsPerDomain(counts: [number, number, number, number]): QuizItem[] {
  const tasks: TaskStatement[] = ['1.1', '2.1', '3.1', '4.1'];
  return counts.flatMap((count, d) => Array.from({ length: count }, (_, i) => makeItem(`q-d${d + 1}-${i}`, tasks[d]!)));
}
