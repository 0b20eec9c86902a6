import { readFileSync } from 'node:fs';
import kmsPrices from '../../content/pricing/kms.json' with { type: 'json' };
import lambdaPrices from '../../content/pricing/lambda.json' with { type: 'json' };
import secretsManagerPrices from '../../content/pricing/secretsmanager.json' with { type: 'json' };
import parameterStorePrices from '../../content/pricing/ssm-parameter-store.json' with { type: 'json' };
import { loadSimulator, pricing } from '../engine/index.ts';

/**
 * `secretslab bill`: one account's bill for one month, printed like the Bills page, from a saved world (`--state`)
 * or from a described month (`--usage`, JSON). The price tables are bundled with the command (imported JSON), so it
 * works offline and the built server carries them.
 */

export function bundledPriceBook(): pricing.PriceBook {
  return pricing.parsePriceBook([secretsManagerPrices, kmsPrices, lambdaPrices, parameterStorePrices]);
}

export interface BillCommandOptions {
  state?: string;
  usage?: string;
  month?: string;
  account?: string;
  exam?: boolean;
  json?: boolean;
}

const SERVICE_TITLES: Record<pricing.PricedService, string> = {
  secretsmanager: 'AWS Secrets Manager',
  kms: 'AWS Key Management Service',
  lambda: 'AWS Lambda',
  ssm: 'AWS Systems Manager',
};

function quantity(line: pricing.LineItem): string {
  const usage = line.usage.toDecimalPlaces(line.usageUnit === 'GB-seconds' || line.usageUnit === 'hours' ? 3 : 0);
  const free = line.freeUsage.isZero() ? '' : ` (${line.freeUsage.toDecimalPlaces(3).toString()} free)`;
  return `${usage.toString()} ${line.usageUnit}${free}`;
}

export function formatBill(bill: pricing.Bill, exam?: pricing.ExamComparison): string {
  const lines = [
    `Bill for account ${bill.accountId}, ${bill.month} (${new Date(bill.periodStart).toISOString().slice(0, 10)} to ${new Date(bill.periodEnd).toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    bill.freeTier ? 'Free tier applied.' : 'Exam view: free tiers ignored, as exam questions usually do.',
    '',
  ];
  for (const total of bill.totals) {
    lines.push(`${SERVICE_TITLES[total.service].padEnd(72)}${pricing.formatUsd(total.amount).padStart(12)}`);
    for (const line of bill.lineItems.filter((l) => l.service === total.service)) {
      const price = `${pricing.formatUsd(line.unitPrice, Math.max(2, line.unitPrice.decimalPlaces()))} per ${line.unit}`;
      lines.push(`  ${line.label.padEnd(44)}${quantity(line).padStart(26)}${pricing.formatUsd(line.amount).padStart(12)}   ${price}`);
      lines.push(`    ${line.explanation}`);
    }
  }
  if (bill.lineItems.length === 0) lines.push('  No charges this month.');
  lines.push('', `${'Total'.padEnd(72)}${pricing.formatUsd(bill.totalDue).padStart(12)}`, bill.rounding);
  if (bill.freeTier && !bill.freeTierSavings.isZero()) lines.push(`The free tier saved ${pricing.formatUsd(bill.freeTierSavings, 6)} this month.`);
  for (const allocation of bill.allocation) {
    const parts = Object.entries(allocation.byValue).map(([value, amount]) => `${value} ${pricing.formatUsd(amount)}`);
    lines.push(`Storage by tag ${allocation.tagKey}: ${parts.join(', ')}`);
  }
  if (exam) lines.push('', `Exam view total: ${pricing.formatUsd(exam.examView.totalDue)}. ${exam.explanation}`);
  return `${lines.join('\n')}\n`;
}

function billJson(bill: pricing.Bill): unknown {
  // Money as decimal strings: JSON numbers would turn exact amounts back into floats.
  return JSON.parse(JSON.stringify(bill, (_key, value: unknown) => (value instanceof pricing.Money ? value.toString() : value)));
}

/** Returns the text to print; throws an Error with a learner-readable message on bad input. */
export function runBill(options: BillCommandOptions): string {
  if (!options.state === !options.usage) throw new Error('secretslab bill needs exactly one of --state FILE or --usage FILE');
  const prices = bundledPriceBook();
  let world: pricing.BillableWorld;
  let accountId: string;
  let month: string;
  if (options.state) {
    const sim = loadSimulator(readFileSync(options.state, 'utf8'));
    world = sim.state;
    accountId = options.account ?? sim.state.defaultAccountId;
    month = options.month ?? pricing.monthOf(sim.state.clock.now);
  } else {
    const parsed = pricing.usageDescriptionSchema.safeParse({
      ...(JSON.parse(readFileSync(options.usage!, 'utf8')) as Record<string, unknown>),
      ...(options.month ? { month: options.month } : {}),
      ...(options.account ? { accountId: options.account } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`--usage ${options.usage}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    ({ world, accountId, month } = pricing.describedWorld(parsed.data));
  }
  pricing.monthSpan(month);
  const bill = pricing.computeBill(world, prices, { accountId, month, freeTier: options.exam !== true });
  if (options.json) return `${JSON.stringify(billJson(bill), null, 2)}\n`;
  const exam = options.exam ? undefined : pricing.examComparison(world, prices, { accountId, month });
  return formatBill(bill, exam);
}
