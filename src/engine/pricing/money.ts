import Decimal from 'decimal.js';

/**
 * Money, and every quantity multiplied into money, is a decimal.js value of its own configuration: 40 significant
 * digits, so prorating $0.40 over the 2,678,400,000 milliseconds of a 31-day month loses nothing a bill could show,
 * and rounding half up, as invoices round. A clone keeps the settings away from any other user of decimal.js.
 * `number` never holds money in engine/pricing (test/unit/engine/pricing/no-float-money.test.ts checks the source).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

export const ZERO = new Money(0);

/** A bill is rounded once, at the end, to the cent (half up); everything before that stays exact. */
export function toCents(amount: Money): Money {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** "$5.80": a rounded amount for display. */
export function formatUsd(amount: Money, decimals = 2): string {
  const fixed = amount.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [whole = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function sum(amounts: readonly Money[]): Money {
  let total = ZERO;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** "4,320,000": a whole count with thousands separators, for sentences (counts are not money, but stay exact). */
export function formatCount(count: Money | number): string {
  const text = typeof count === 'number' ? String(count) : count.toFixed(0);
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
