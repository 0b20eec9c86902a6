/**
 * The question bank: every question file parsed with the schema (an invalid file is reported, never half-used),
 * retired questions left out, and indexes by domain, topic and concept for the session builders. The files come
 * in as plain records so the same code serves the app (Vite's import.meta.glob) and the tests (node:fs).
 */
import { domainOf, questionSchema, type Domain, type Question, type Topic } from './schema.ts';

/** A code block shown under the stem (a policy document, a CLI call): parametric items carry theirs here. */
export interface Exhibit {
  title: string;
  text: string;
}

/** A question as sessions use it: a content question, or one generated from a seed (then `generator` says which). */
export type QuizItem = Question & { exhibits?: Exhibit[]; generator?: string };

export interface BankProblem {
  source: string;
  message: string;
}

export class QuestionBank {
  readonly items: readonly QuizItem[];
  private readonly byId = new Map<string, QuizItem>();

  constructor(
    items: readonly QuizItem[],
    readonly problems: readonly BankProblem[] = [],
    /** Resolves ids of generated items that are not listed (e.g. a parametric item a saved session names). */
    private readonly generate: (id: string) => QuizItem | undefined = () => undefined,
  ) {
    this.items = items.filter((item) => item.status !== 'retired');
    for (const item of this.items) this.byId.set(item.id, item);
  }

  get(id: string): QuizItem | undefined {
    const known = this.byId.get(id);
    if (known) return known;
    const generated = this.generate(id);
    if (generated) this.byId.set(id, generated);
    return generated;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  inDomain(domain: Domain): QuizItem[] {
    return this.items.filter((item) => domainOf(item.task) === domain);
  }

  withTopic(topic: Topic): QuizItem[] {
    return this.items.filter((item) => item.topics.includes(topic));
  }

  withConcept(concept: string): QuizItem[] {
    return this.items.filter((item) => item.concepts.includes(concept));
  }

  concepts(): string[] {
    return [...new Set(this.items.flatMap((item) => item.concepts))].sort();
  }
}

/**
 * Builds a bank from question records keyed by where they came from (a path). A record that fails the schema, or
 * whose file name disagrees with its id, is reported in `problems` and left out.
 */
export function bankFromRecords(
  records: Record<string, unknown>,
  extra: { items?: QuizItem[]; generate?: (id: string) => QuizItem | undefined } = {},
): QuestionBank {
  const items: QuizItem[] = [];
  const problems: BankProblem[] = [];
  const seen = new Set<string>();
  for (const [source, record] of Object.entries(records).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = questionSchema.safeParse(record);
    if (!parsed.success) {
      problems.push({ source, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      continue;
    }
    const fileName = source.split('/').pop() ?? source;
    if (fileName.endsWith('.json') && fileName !== `${parsed.data.id}.json`) {
      problems.push({ source, message: `the file is not named for its id ${parsed.data.id}` });
      continue;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ source, message: `duplicate id ${parsed.data.id}` });
      continue;
    }
    seen.add(parsed.data.id);
    items.push(parsed.data);
  }
  return new QuestionBank([...items, ...(extra.items ?? [])], problems, extra.generate);
}
