import { z } from 'zod';
import { isoTime } from '../../clock/index.ts';
import type { OperationDefinition } from '../../kernel/index.ts';
import { ServiceError } from '../../errors.ts';
import { findingRecords, type Finding } from './state.ts';
import { catchUpPeriodicChecks, type FindingDeps } from './evaluate.ts';

const stringFilter = z
  .array(
    z.object({
      value: z.string(),
      comparison: z.enum(['EQUALS', 'PREFIX', 'NOT_EQUALS', 'PREFIX_NOT_EQUALS', 'CONTAINS', 'NOT_CONTAINS']),
    }),
  )
  .max(20);

const input = z.object({
  filters: z
    .object({
      complianceStatus: stringFilter.optional(),
      complianceSecurityControlId: stringFilter.optional(),
      recordState: stringFilter.optional(),
      severityLabel: stringFilter.optional(),
      resourceId: stringFilter.optional(),
      resourceType: stringFilter.optional(),
      workflowStatus: stringFilter.optional(),
      awsAccountId: stringFilter.optional(),
      region: stringFilter.optional(),
    })
    .optional(),
  maxResults: z.number().int().min(1).max(100).optional(),
  nextToken: z.string().optional(),
});

type Filters = NonNullable<z.infer<typeof input>['filters']>;

const FIELD: Record<keyof Filters, (f: Finding) => string> = {
  complianceStatus: (f) => f.complianceStatus,
  complianceSecurityControlId: (f) => f.controlId,
  recordState: (f) => f.recordState,
  severityLabel: (f) => f.severity,
  resourceId: (f) => f.resourceId,
  resourceType: (f) => f.resourceType,
  workflowStatus: (f) => f.workflowStatus,
  awsAccountId: (f) => f.accountId,
  region: (f) => f.region,
};

function matches(value: string, filters: z.infer<typeof stringFilter>): boolean {
  // Security Hub: positive comparisons on one field are ORed, negative ones ANDed.
  const positive = filters.filter(
    (f) => f.comparison === 'EQUALS' || f.comparison === 'PREFIX' || f.comparison === 'CONTAINS',
  );
  const negative = filters.filter((f) => !positive.includes(f));
  const ok = (f: (typeof filters)[number]) =>
    f.comparison === 'EQUALS' || f.comparison === 'NOT_EQUALS'
      ? value === f.value
      : f.comparison === 'PREFIX' || f.comparison === 'PREFIX_NOT_EQUALS'
        ? value.startsWith(f.value)
        : value.includes(f.value);
  return (positive.length === 0 || positive.some(ok)) && negative.every((f) => !ok(f));
}

/** A finding in the AWS Security Finding Format (ASFF), as GetFindings returns it (consolidated control findings). */
export function asffFinding(f: Finding) {
  return {
    schemaVersion: '2018-10-08',
    id: f.id,
    productArn: `arn:aws:securityhub:${f.region}::product/aws/securityhub`,
    productName: 'Security Hub',
    companyName: 'AWS',
    region: f.region,
    generatorId: `security-control/${f.controlId}`,
    awsAccountId: f.accountId,
    types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    firstObservedAt: isoTime(f.firstObservedAt),
    lastObservedAt: isoTime(f.lastObservedAt),
    createdAt: isoTime(f.createdAt),
    updatedAt: isoTime(f.updatedAt),
    // A passed check found no issue: INFORMATIONAL, the control's own severity kept as the original.
    severity: { label: f.complianceStatus === 'PASSED' ? 'INFORMATIONAL' : f.severity, original: f.severity },
    title: f.title,
    description: f.statusReason,
    remediation: { recommendation: { text: f.remediation } },
    resources: [{ type: f.resourceType, id: f.resourceId, partition: 'aws', region: f.region }],
    compliance: { status: f.complianceStatus, securityControlId: f.controlId },
    workflowState: f.workflowStatus === 'RESOLVED' ? 'RESOLVED' : 'NEW',
    workflow: { status: f.workflowStatus },
    recordState: f.recordState,
    // ProductFields carries provider-specific data in ASFF: here, where in the app the learner fixes it.
    productFields: { 'SecretsLab/FixLink': f.fixLink },
  };
}

/**
 * Security Hub's GetFindings over the caller's account and Region: filters on the fields the app uses, newest update first,
 * pages of up to 100. Security Hub counts as enabled in every simulated account, with consolidated control findings.
 */
export function getFindings(deps: FindingDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'securityhub',
    name: 'GetFindings',
    readOnly: true,
    input,
    execute(ctx, request) {
      // Periodic runs that fell due since the world was last looked at happen now, at their own instants.
      catchUpPeriodicChecks(ctx.world, deps, ctx.now);
      const filters = request.filters ?? {};
      const all = Object.values(findingRecords(ctx.world).findings)
        .filter((f) => f.accountId === ctx.principal.accountId && f.region === ctx.region)
        .filter((f) =>
          (Object.keys(filters) as (keyof Filters)[]).every(
            (name) => !filters[name] || matches(FIELD[name](f), filters[name]),
          ),
        )
        .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
      const start = request.nextToken === undefined ? 0 : Number.parseInt(request.nextToken, 10);
      if (!Number.isInteger(start) || start < 0 || start > all.length)
        throw new ServiceError('InvalidInputException', 'The request was rejected because the nextToken is not valid.');
      const size = request.maxResults ?? 100;
      const page = all.slice(start, start + size);
      return {
        findings: page.map(asffFinding),
        ...(start + size < all.length ? { nextToken: String(start + size) } : {}),
      };
    },
  };
}
