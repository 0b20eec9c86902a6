import { z } from 'zod';

/**
 * One exam-style question, as stored in `content/quiz/<id>.json`. The shape follows the content lessons in
 * reference/exam-pricing-monitoring.md §4 and §7: stable option ids (never answers keyed by letter), a rationale
 * on every option, the task statement and concepts it tests, and priors for the readiness model.
 */

/** SAA-C03 task statements (exam guide); the domain is the number before the dot. */
export const TASK_STATEMENTS = {
  '1.1': 'Design secure access to AWS resources',
  '1.2': 'Design secure workloads and applications',
  '1.3': 'Determine appropriate data security controls',
  '2.1': 'Design scalable and loosely coupled architectures',
  '2.2': 'Design highly available and/or fault-tolerant architectures',
  '3.1': 'Determine high-performing and/or scalable storage solutions',
  '3.2': 'Design high-performing and elastic compute solutions',
  '3.3': 'Determine high-performing database solutions',
  '3.4': 'Determine high-performing and/or scalable network architectures',
  '3.5': 'Determine high-performing data ingestion and transformation solutions',
  '4.1': 'Design cost-optimized storage solutions',
  '4.2': 'Design cost-optimized compute solutions',
  '4.3': 'Design cost-optimized database solutions',
  '4.4': 'Design cost-optimized network architectures',
} as const;
export type TaskStatement = keyof typeof TASK_STATEMENTS;

export const DOMAINS = {
  1: { title: 'Design Secure Architectures', weight: 0.3 },
  2: { title: 'Design Resilient Architectures', weight: 0.26 },
  3: { title: 'Design High-Performing Architectures', weight: 0.24 },
  4: { title: 'Design Cost-Optimized Architectures', weight: 0.2 },
} as const;
export type Domain = keyof typeof DOMAINS;

/** The topics of the study guide (shared/seed), each of which must have questions. */
export const TOPICS = {
  'secrets-and-versions': 'Secrets, versions and staging labels',
  'kms-encryption': 'Encryption with AWS KMS',
  rotation: 'Rotation',
  'policies-and-cross-account': 'Policies and cross-account access',
  'replication-and-resilience': 'Replication and resilience',
  'performance-and-caching': 'Performance, quotas and caching',
  'monitoring-and-auditing': 'Monitoring and auditing',
  'pricing-and-cost': 'Pricing and cost strategies',
  'service-comparison': 'Secrets Manager, Parameter Store and KMS compared',
  'neighbouring-services': 'Neighbouring services (RDS, Lambda, VPC endpoints, IAM, Organizations)',
} as const;
export type Topic = keyof typeof TOPICS;

/** The constraint the stem asks to optimise for; drives "trap" analytics and the review filter. */
export const QUALIFIERS = [
  'most-cost-effective',
  'least-operational-overhead',
  'most-secure',
  'least-privilege',
  'highest-availability',
  'best-performance',
  'none',
] as const;

const idPattern = /^q-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A knowledge component, dotted and lower-case (e.g. `sm.rotation.alternating-users`): what FSRS schedules. */
const conceptPattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)+$/;

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,24}$/),
  text: z.string().min(1),
  correct: z.boolean(),
  /** Why this option is right, or which requirement it breaks: in our own words. */
  rationale: z.string().min(20),
});

const referenceSchema = z.strictObject({
  title: z.string().min(3),
  url: z.url().refine((url) => /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(url), 'references point at AWS documentation'),
});

export const questionSchema = z
  .strictObject({
    id: z.string().regex(idPattern),
    status: z.enum(['draft', 'reviewed', 'retired']),
    task: z.enum(Object.keys(TASK_STATEMENTS) as [TaskStatement, ...TaskStatement[]]),
    topics: z.array(z.enum(Object.keys(TOPICS) as [Topic, ...Topic[]])).min(1),
    concepts: z.array(z.string().regex(conceptPattern)).min(1),
    services: z.array(z.string().min(2)).min(1),
    type: z.enum(['single', 'multi']),
    /** How many options to choose: 1 for single; 2 or more for multiple response. */
    select: z.number().int().min(1).max(4),
    stem: z.string().min(60),
    qualifier: z.enum(QUALIFIERS),
    options: z.array(optionSchema).min(4).max(7),
    /** Two-parameter IRT priors set by the author: discrimination a, difficulty b (ability scale, 0 = average). */
    irt: z.strictObject({ a: z.number().min(0.2).max(3), b: z.number().min(-3).max(3) }),
    references: z.array(referenceSchema).min(1),
    /** A lab (content/labs id) that shows the idea hands-on. */
    lab: z.string().optional(),
    lastVerified: z.iso.date(),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    const ids = new Set(question.options.map((option) => option.id));
    if (ids.size !== question.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
    // The exam's formats: one right answer of four, or k right answers of five or more (exam guide).
    if (question.type === 'single') {
      if (question.select !== 1) ctx.addIssue({ code: 'custom', path: ['select'], message: 'a single-answer question selects 1' });
      if (question.options.length !== 4) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a single-answer question has 4 options' });
    } else {
      if (question.select < 2) ctx.addIssue({ code: 'custom', path: ['select'], message: 'a multiple-response question selects 2 or more' });
      if (question.options.length < 5) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-response question has 5 or more options' });
    }
    if (correct !== question.select) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `${correct} options are marked correct but select is ${question.select}` });
    }
  });

export type Question = z.infer<typeof questionSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;

export function domainOf(task: TaskStatement): Domain {
  return Number(task.split('.')[0]) as Domain;
}
