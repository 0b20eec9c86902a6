/**
 * Parametric cost items: a Secrets Manager design with its numbers drawn from a seed (secrets, replicas, keys,
 * readers, a cache), priced by the engine's pricing projection from the dated price files, never by the author.
 * The distractors are the classic mistakes, each priced by the same engine: forgetting that a replica is billed as a
 * secret, ignoring the cache, leaving out KMS, counting storage only, or multiplying the reads by the number of
 * secrets. The id carries the seed (`q-gen-cost-<seed>`).
 *
 * Designs use a customer managed key and no rotation, so every line of the answer follows from facts the stem
 * states (rotation's Lambda and API-call profile is a modelling assumption a learner could not know).
 */
import { pricing } from '../engine/index.ts';
import type { QuizItem } from './bank.ts';
import { QuizRandom } from './random.ts';

type PriceBook = pricing.PriceBook;
type Design = pricing.Design;
type Money = pricing.Money;

const ID_PATTERN = /^q-gen-cost-(\d{1,9})$/;
/** A 30-day month, so "a month" in the stem is unambiguous. */
const MONTH = '2026-04';

interface Mistake {
  id: string;
  price: (design: Design, book: PriceBook) => Money | undefined;
  why: string;
}

function monthly(design: Design, book: PriceBook, keep: (line: pricing.ProjectionLine) => boolean = () => true): Money {
  const [month] = pricing.project(design, book, { startMonth: MONTH, months: 1, freeTier: false }).months;
  return pricing.toCents(pricing.sum(month!.lines.filter(keep).map((line) => line.amount)));
}

const MISTAKES: Mistake[] = [
  {
    id: 'no-replicas',
    price: (design, book) => (design.replicasPerSecret > 0 ? monthly({ ...design, replicasPerSecret: 0 }, book) : undefined),
    why: 'This leaves out the replicas: each replica in another Region is billed as a secret of its own, every month.',
  },
  {
    id: 'no-cache',
    price: (design, book) => (design.traffic.cacheTtlSeconds > 0 ? monthly({ ...design, traffic: { ...design.traffic, cacheTtlSeconds: 0 } }, book) : undefined),
    why: 'This counts every read as an API call; with the caching client, a call is made only when a cached value has expired.',
  },
  {
    id: 'no-kms',
    price: (design, book) => monthly(design, book, (line) => line.service !== 'kms'),
    why: 'This leaves out AWS KMS: the customer managed key has a monthly charge, and every GetSecretValue that reaches Secrets Manager decrypts through the key, a billed KMS request.',
  },
  {
    id: 'storage-only',
    price: (design, book) => monthly(design, book, (line) => !/calls|requests/i.test(line.label)),
    why: 'This counts only what is stored (secrets, replicas, the key) and none of the API calls and KMS requests the readers make.',
  },
  {
    id: 'reads-per-secret',
    price: (design, book) => monthly({ ...design, traffic: { ...design.traffic, clients: design.traffic.clients * design.secrets } }, book),
    why: 'This multiplies the reads by the number of secrets, but each instance reads one secret on its schedule, not every secret.',
  },
];

interface Scenario {
  design: Design;
}

/** The design a seed draws (exported so tests can price it independently). */
export function costScenario(seed: number): Scenario {
  const random = new QuizRandom(`cost-item:${seed}`);
  const secrets = random.pick([8, 12, 20, 25, 40, 60]);
  const design: Design = {
    ...pricing.DEFAULT_DESIGN,
    label: 'Design',
    secrets,
    replicasPerSecret: random.pick([0, 0, 1, 2]),
    encryption: 'customer-managed',
    customerManagedKeys: random.pick([1, 1, 2]),
    keyRotations: 0,
    traffic: { clients: random.pick([10, 20, 40, 50]), readEverySeconds: random.pick([60, 120, 300]), cacheTtlSeconds: random.pick([0, 0, 900, 3600]) },
    rotationEveryDays: null,
    region: 'us-east-1',
  };
  return { design };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function isCostItemId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function costItem(seed: number, book: PriceBook): QuizItem {
  const { design } = costScenario(seed);
  const [month] = pricing.project(design, book, { startMonth: MONTH, months: 1, freeTier: false }).months;
  const total = pricing.toCents(month!.total);
  const seen = new Set([total.toFixed(2)]);
  const distractors: { id: string; amount: Money; why: string }[] = [];
  for (const mistake of MISTAKES) {
    const amount = mistake.price(design, book);
    if (!amount || seen.has(amount.toFixed(2)) || distractors.length === 3) continue;
    seen.add(amount.toFixed(2));
    distractors.push({ id: mistake.id, amount, why: mistake.why });
  }
  const lines = month!.lines
    .filter((line) => !line.amount.isZero())
    .map((line) => `${line.label} ${line.quantity.toDecimalPlaces(0).toNumber().toLocaleString('en-US')} → ${pricing.formatUsd(line.amount, 4)}`)
    .join('; ');
  const { traffic } = design;
  const cache = traffic.cacheTtlSeconds > 0 ? ` through a caching client that keeps each value for ${traffic.cacheTtlSeconds / 60} minutes` : ', with no cache';
  const replicas = design.replicasPerSecret > 0 ? ` Each secret is replicated to ${plural(design.replicasPerSecret, 'other Region')}.` : '';
  const options = new QuizRandom(`cost-options:${seed}`).shuffle([
    { id: 'total', text: pricing.formatUsd(total), correct: true, rationale: `The pricing engine's projection for a 30-day month, rounded once to the cent: ${lines}.` },
    ...distractors.map((d) => ({ id: d.id, text: pricing.formatUsd(d.amount), correct: false, rationale: d.why })),
  ]);
  return {
    id: `q-gen-cost-${seed}`,
    status: 'reviewed',
    task: '4.1',
    topics: ['pricing-and-cost'],
    concepts: ['pricing.secrets-manager-bill'],
    services: ['Secrets Manager', 'AWS KMS'],
    type: 'single',
    select: 1,
    stem:
      `A company keeps ${plural(design.secrets, 'secret')} in AWS Secrets Manager in us-east-1, all encrypted with ${design.customerManagedKeys === 1 ? 'one customer managed KMS key' : `${design.customerManagedKeys} customer managed KMS keys`} (automatic key rotation off).${replicas} ` +
      `${plural(traffic.clients, 'application instance')} each call GetSecretValue for one secret every ${traffic.readEverySeconds} seconds${cache}. Rotation is not turned on. ` +
      `Using list prices and ignoring any free tier, what is the cost of Secrets Manager and AWS KMS for a 30-day month?`,
    qualifier: 'none',
    options,
    irt: { a: 1.0, b: design.replicasPerSecret > 0 || traffic.cacheTtlSeconds > 0 ? 0.8 : 0.3 },
    references: [
      { title: 'AWS Secrets Manager pricing', url: 'https://aws.amazon.com/secrets-manager/pricing/' },
      { title: 'AWS Key Management Service pricing', url: 'https://aws.amazon.com/kms/pricing/' },
    ],
    lastVerified: '2026-11-28',
    generator: 'cost',
  };
}

export function costItemFromId(id: string, book: PriceBook): QuizItem | undefined {
  const match = ID_PATTERN.exec(id);
  return match ? costItem(Number(match[1]), book) : undefined;
}
