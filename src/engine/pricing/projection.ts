import { monthSpan, monthsFrom } from './calendar.ts';
import { Money, ZERO, sum, toCents } from './money.ts';
import type { PriceBook, PricedService } from './price-book.ts';
import { trafficOver, type TrafficModel, type TrafficResult } from './traffic-model.ts';

/**
 * A design, priced month by month in closed form: what a learner weighs before building it. The same prices as the
 * bill, the same rounding (once, at the end).
 */

export type SecretStore = 'secretsmanager' | 'parameter-store-standard' | 'parameter-store-advanced';

export interface Design {
  label: string;
  store: SecretStore;
  secrets: number;
  replicasPerSecret: number;
  encryption: 'aws-managed' | 'customer-managed';
  customerManagedKeys: number;
  /** Rotations each customer managed key has had (only the first two are billed). */
  keyRotations: number;
  traffic: TrafficModel;
  /** Secrets Manager rotation by a Lambda function every N days, or none. */
  rotationEveryDays: number | null;
  /** Parameter Store's higher throughput setting (billed per API interaction). */
  higherThroughput: boolean;
  region: string;
}

/**
 * One rotation as our rotation functions run it (four steps: createSecret, setSecret, testSecret, finishSecret).
 * Inside, the function calls Secrets Manager about eight times (DescribeSecret per step, GetSecretValue twice,
 * GetRandomPassword, PutSecretValue, UpdateSecretVersionStage) and KMS three times (the reads' Decrypts and the new
 * version's GenerateDataKey). Our assumption, stated so a learner can see it.
 */
export const ROTATION_PROFILE = {
  invocations: 4,
  memoryMb: 128,
  durationMsPerInvocation: 1000,
  secretsManagerCalls: 8,
  kmsRequests: 3,
} as const;

export interface ProjectionLine {
  service: PricedService;
  label: string;
  /** Usage in its natural unit (`usageUnit`); the price is per `unit`. */
  quantity: Money;
  usageUnit: string;
  unit: string;
  amount: Money;
}

export interface MonthProjection {
  month: string;
  lines: ProjectionLine[];
  total: Money;
  traffic: TrafficResult;
}

export interface Projection {
  design: Design;
  months: MonthProjection[];
  total: Money;
  totalDue: Money;
  /** What a Parameter Store design gives up against Secrets Manager (empty for Secrets Manager). */
  lost: string[];
}

export interface ProjectionOptions {
  startMonth: string;
  months: number;
  freeTier?: boolean;
}

const GB_SECOND_MB_MS = new Money(1024 * 1000);

function requestsLine(prices: PriceBook, service: PricedService, priceId: string, label: string, count: Money, usageUnit: string, region: string, freeTier: boolean): ProjectionLine {
  const price = prices.price(service, priceId, region);
  const free = freeTier ? Money.min(count, prices.freeQuantity(service, priceId)) : ZERO;
  return { service, label, quantity: count, usageUnit, unit: price.unit, amount: price.amount.times(count.minus(free).div(price.unitSize)) };
}

function storageLine(prices: PriceBook, service: PricedService, priceId: string, label: string, units: Money, region: string): ProjectionLine {
  const price = prices.price(service, priceId, region);
  return { service, label, quantity: units, usageUnit: `${price.unit}s`, unit: price.unit, amount: price.amount.times(units) };
}

export function parameterStoreLimits(design: Design): string[] {
  const lost = [
    'automatic rotation: Parameter Store has none, so a rotation function and its schedule are yours to build',
    'cross-account access through a resource policy (advanced parameters can only be shared through AWS RAM)',
    'replication of a secret to other Regions',
    `values up to 64 KB (a ${design.store === 'parameter-store-advanced' ? 'advanced parameter holds 8 KB' : 'standard parameter holds 4 KB'})`,
  ];
  if (design.store === 'parameter-store-standard' && design.secrets > 10_000) lost.push('room: standard parameters stop at 10,000 per account and Region');
  return lost;
}

function monthOfDesign(design: Design, prices: PriceBook, month: string, freeTier: boolean): MonthProjection {
  const seconds = monthSpan(month).milliseconds / 1000;
  const days = new Money(seconds).div(86_400);
  const region = design.region;
  const secrets = new Money(design.secrets);
  const lines: ProjectionLine[] = [];
  let traffic: TrafficResult;
  let kmsRequests: Money;
  if (design.store === 'secretsmanager') {
    traffic = trafficOver(design.traffic, seconds, prices.quota('secretsmanager', 'GetSecretValue'));
    const rotations = design.rotationEveryDays ? secrets.times(days).div(design.rotationEveryDays) : ZERO;
    lines.push(storageLine(prices, 'secretsmanager', 'secret-month', 'Secrets', secrets, region));
    if (design.replicasPerSecret > 0) {
      lines.push(storageLine(prices, 'secretsmanager', 'secret-month', 'Replica secrets', secrets.times(design.replicasPerSecret), region));
    }
    const calls = traffic.served.plus(rotations.times(ROTATION_PROFILE.secretsManagerCalls)).floor();
    lines.push(requestsLine(prices, 'secretsmanager', 'api-requests', 'Secrets Manager API calls', calls, 'calls', region, freeTier));
    kmsRequests = traffic.served.plus(rotations.times(ROTATION_PROFILE.kmsRequests)).floor();
    if (!rotations.isZero()) {
      const invocations = rotations.times(ROTATION_PROFILE.invocations).floor();
      const gbSeconds = invocations.times(ROTATION_PROFILE.memoryMb * ROTATION_PROFILE.durationMsPerInvocation).div(GB_SECOND_MB_MS);
      lines.push(requestsLine(prices, 'lambda', 'requests', 'Rotation function requests', invocations, 'invocations', region, freeTier));
      lines.push(requestsLine(prices, 'lambda', 'duration-gb-second', 'Rotation function duration', gbSeconds, 'GB-seconds', region, freeTier));
    }
  } else {
    const advanced = design.store === 'parameter-store-advanced';
    const quotaId = design.higherThroughput ? 'GetParameter-higher' : 'GetParameter-standard';
    traffic = trafficOver(design.traffic, seconds, prices.quota('ssm', quotaId));
    lines.push(storageLine(prices, 'ssm', advanced ? 'advanced-parameter-month' : 'standard-parameter-month', advanced ? 'Advanced parameters' : 'Standard parameters', secrets, region));
    // Interactions are free only for standard parameters at standard throughput.
    const interactions = advanced || design.higherThroughput ? traffic.served : ZERO;
    if (!interactions.isZero()) lines.push(requestsLine(prices, 'ssm', 'api-interactions', 'Parameter Store API interactions', interactions, 'interactions', region, freeTier));
    // SecureString reads decrypt through KMS, billed like Secrets Manager's.
    kmsRequests = traffic.served;
  }
  if (design.encryption === 'customer-managed' && design.customerManagedKeys > 0) {
    const keys = new Money(design.customerManagedKeys);
    lines.push(storageLine(prices, 'kms', 'key-month', 'Customer managed keys', keys, region));
    const rotationPrice = prices.price('kms', 'key-rotation-month', region);
    const billedRotations = Math.min(design.keyRotations, rotationPrice.billedUpTo ?? design.keyRotations);
    if (billedRotations > 0) lines.push(storageLine(prices, 'kms', 'key-rotation-month', 'Key rotations (first two per key)', keys.times(billedRotations), region));
  }
  lines.push(requestsLine(prices, 'kms', 'requests', 'KMS requests', kmsRequests, 'requests', region, freeTier));
  return { month, lines, total: sum(lines.map((l) => l.amount)), traffic };
}

export function project(design: Design, prices: PriceBook, options: ProjectionOptions): Projection {
  const freeTier = options.freeTier ?? true;
  const months = monthsFrom(options.startMonth, options.months).map((month) => monthOfDesign(design, prices, month, freeTier));
  const total = sum(months.map((m) => m.total));
  return { design, months, total, totalDue: toCents(total), lost: design.store === 'secretsmanager' ? [] : parameterStoreLimits(design) };
}

export const DEFAULT_DESIGN: Design = {
  label: 'Current design',
  store: 'secretsmanager',
  secrets: 10,
  replicasPerSecret: 0,
  encryption: 'aws-managed',
  customerManagedKeys: 0,
  keyRotations: 0,
  traffic: { clients: 100, readEverySeconds: 60, cacheTtlSeconds: 0 },
  rotationEveryDays: 30,
  higherThroughput: false,
  region: 'us-east-1',
};
