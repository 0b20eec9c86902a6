import { describe, expect, it } from 'vitest';
import { pricing } from '../../../../src/engine/index.ts';
import { prices } from './price-files.ts';

const APRIL_SECONDS = 30 * 86_400; // 2,592,000

const design = (overrides: Partial<pricing.Design> = {}): pricing.Design => ({ ...pricing.DEFAULT_DESIGN, ...overrides });

describe('traffic model (closed form)', () => {
  it('counts one call per read without a cache', () => {
    // 100 clients every 60 s: 100/60 calls a second, × 2,592,000 s = 4,320,000 calls in April.
    const t = pricing.trafficOver({ clients: 100, readEverySeconds: 60, cacheTtlSeconds: 0 }, APRIL_SECONDS, 10_000);
    expect(t.attempted.toString()).toBe('4320000');
    expect(t.served.toString()).toBe('4320000');
    expect(t.throttledShare.isZero()).toBe(true);
  });

  it('lets a cache answer reads until its entries expire (a call every T × ceil(t / T) seconds)', () => {
    // TTL 300 s over reads every 60 s: one call every 300 s per client, a fifth of the reads.
    const t = pricing.trafficOver({ clients: 100, readEverySeconds: 60, cacheTtlSeconds: 300 }, APRIL_SECONDS, 10_000);
    expect(t.attempted.toString()).toBe('864000');
    expect(t.cacheHits.toString()).toBe('3456000');
    // TTL 90 s: the first read after expiry is at 120 s.
    expect(pricing.apiCallInterval({ clients: 1, readEverySeconds: 60, cacheTtlSeconds: 90 }).toString()).toBe('120');
    // A TTL shorter than the read interval saves nothing.
    expect(pricing.apiCallInterval({ clients: 1, readEverySeconds: 60, cacheTtlSeconds: 30 }).toString()).toBe('60');
  });

  it("throttles above GetSecretValue's quota, and a cache brings the share back to zero", () => {
    // A thousand functions each reading every 50 ms ask for 20,000 calls a second; 10,000 are served, half throttled.
    const quota = prices.quota('secretsmanager', 'GetSecretValue');
    expect(quota).toBe(10_000);
    const burst = pricing.trafficOver({ clients: 1000, readEverySeconds: 0.05, cacheTtlSeconds: 0 }, APRIL_SECONDS, quota);
    expect(burst.throttledShare.toString()).toBe('0.5');
    expect(burst.served.toString()).toBe(String(10_000 * APRIL_SECONDS));
    const cached = pricing.trafficOver({ clients: 1000, readEverySeconds: 0.05, cacheTtlSeconds: 60 }, APRIL_SECONDS, quota);
    expect(cached.throttledShare.isZero()).toBe(true);
  });
});

describe('projections', () => {
  it('prices a design month by month: storage, calls, KMS, rotation functions', () => {
    // 10 secrets, aws/secretsmanager, 100 clients every 60 s, rotation every 30 days, April (30 days):
    // storage 10 × $0.40 = $4.00; rotations 10 × 30 / 30 = 10, each 8 Secrets Manager calls and 3 KMS requests;
    // calls 4,320,000 + 80 = 4,320,080 × $0.05 / 10,000 = $21.60040;
    // KMS 4,320,000 + 30 = 4,320,030 − 20,000 free = 4,300,030 × $0.03 / 10,000 = $12.900090;
    // Lambda 40 invocations and 5 GB-s, inside the free tier. Total $38.500490 → $38.50.
    const p = pricing.project(design(), prices, { startMonth: '2026-04', months: 1 });
    expect(p.total.toString()).toBe('38.50049');
    expect(p.totalDue.toFixed(2)).toBe('38.50');
    const lambda = p.months[0]!.lines.find((l) => l.label === 'Rotation function duration')!;
    expect(lambda.quantity.toString()).toBe('5');
    expect(lambda.amount.isZero()).toBe(true);
  });

  it('projects 12 months across month lengths and rounds once, at the end', () => {
    const p = pricing.project(design({ traffic: { clients: 0, readEverySeconds: 60, cacheTtlSeconds: 0 }, rotationEveryDays: null }), prices, { startMonth: '2026-01', months: 12 });
    expect(p.months.map((m) => m.month)).toEqual(pricing.monthsFrom('2026-01', 12));
    // No traffic, no rotation: $4.00 of storage a month.
    expect(p.totalDue.toFixed(2)).toBe('48.00');
  });

  it('prices a customer managed key with the rotation surcharge capped at two', () => {
    const cmk = (keyRotations: number) =>
      pricing.project(design({ traffic: { clients: 0, readEverySeconds: 60, cacheTtlSeconds: 0 }, rotationEveryDays: null, encryption: 'customer-managed', customerManagedKeys: 1, keyRotations }), prices, { startMonth: '2026-04', months: 1 });
    expect(cmk(0).totalDue.toFixed(2)).toBe('5.00');
    expect(cmk(2).totalDue.toFixed(2)).toBe('7.00');
    expect(cmk(5).totalDue.toFixed(2)).toBe('7.00');
  });
});

describe('what-ifs', () => {
  const month = '2026-04';
  it('shows a longer cache TTL cutting calls, with the delta and a sentence', () => {
    const c = pricing.compareDesigns(design(), { kind: 'cache-ttl', seconds: 300 }, prices, { month });
    // Calls fall from 4,320,000 to 864,000 (+ 80 rotation calls): $21.60 → $4.3204; KMS 864,030 − 20,000 free:
    // $12.90 → $2.532090; with $4.00 of storage, $10.852490 → $10.85, $27.65 less than $38.50.
    expect(c.delta.isNegative()).toBe(true);
    expect(c.alternative.totalDue.toFixed(2)).toBe('10.85');
    expect(c.delta.toFixed(2)).toBe(c.alternative.totalDue.minus(c.base.totalDue).toFixed(2));
    expect(c.explanation).toMatch(/^Cache TTL 300 s saves \$27\.65 a month against current design \(mostly Secrets Manager API calls\): API calls go from 4,320,000 to 864,000/);
  });

  it('consolidates secrets into bundles: storage falls, reads do not', () => {
    const c = pricing.compareDesigns(design({ secrets: 100 }), { kind: 'consolidate', secretsPerBundle: 10 }, prices, { month });
    expect(c.alternative.design.secrets).toBe(10);
    // 90 fewer secrets: $36 less storage; 90 fewer rotations too (720 calls and 270 KMS requests, under a cent).
    expect(c.delta.toFixed(2)).toBe('-36.00');
    expect(c.explanation).toMatch(/100 secrets become 10/);
  });

  it('weighs the AWS managed key against a customer managed key', () => {
    const c = pricing.compareDesigns(design({ encryption: 'customer-managed', customerManagedKeys: 1 }), { kind: 'encryption', encryption: 'aws-managed' }, prices, { month });
    expect(c.delta.toFixed(2)).toBe('-1.00');
    expect(c.explanation).toMatch(/cannot be used for cross-account access/);
  });

  it('prices replicas and deleting unused secrets', () => {
    expect(pricing.compareDesigns(design(), { kind: 'replicas', perSecret: 2 }, prices, { month }).delta.toFixed(2)).toBe('8.00');
    expect(pricing.compareDesigns(design(), { kind: 'delete-unused', count: 4 }, prices, { month }).delta.toFixed(2)).toBe('-1.60');
  });

  it('offers Parameter Store with what is lost, and its low default throughput', () => {
    const standard = pricing.compareDesigns(design(), { kind: 'parameter-store', tier: 'standard' }, prices, { month });
    // Standard parameters: storage and interactions free; 100/60 reads a second fit under 40 per second; KMS remains.
    expect(standard.alternative.totalDue.toFixed(2)).toBe('12.90');
    expect(standard.lost.join(' ')).toMatch(/rotation.*cross-account.*replication.*64 KB/);
    const busy = pricing.compareDesigns(design({ traffic: { clients: 1000, readEverySeconds: 10, cacheTtlSeconds: 0 } }), { kind: 'parameter-store', tier: 'standard' }, prices, { month });
    // 100 reads a second against 40 allowed: 60% throttled.
    expect(busy.alternative.months[0]!.traffic.throttledShare.toString()).toBe('0.6');
    expect(busy.explanation).toMatch(/60% of reads are throttled at 40 per second/);
    const advanced = pricing.compareDesigns(design(), { kind: 'parameter-store', tier: 'advanced' }, prices, { month });
    // 10 × $0.05 storage + 4,320,000 interactions × $0.05 / 10,000 ($21.60) + KMS $12.90.
    expect(advanced.alternative.totalDue.toFixed(2)).toBe('35.00');
  });

  it('changes rotation frequency', () => {
    const c = pricing.compareDesigns(design(), { kind: 'rotation', everyDays: null }, prices, { month });
    // 10 rotations: 80 calls ($0.0004) and 30 KMS requests ($0.00009); Lambda was free.
    expect(c.delta.toFixed(2)).toBe('0.00');
    expect(c.explanation).toMatch(/No rotation/);
  });
});
