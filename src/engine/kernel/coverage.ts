import type { Simulator } from './simulator.ts';

const SERVICE_TITLES: Record<string, string> = {
  secretsmanager: 'AWS Secrets Manager',
  kms: 'AWS Key Management Service (KMS)',
  iam: 'AWS Identity and Access Management (IAM)',
  sts: 'AWS Security Token Service (STS)',
  organizations: 'AWS Organizations',
  cloudtrail: 'AWS CloudTrail',
  monitoring: 'Amazon CloudWatch',
  events: 'Amazon EventBridge',
  securityhub: 'AWS Security Hub',
  ssm: 'AWS Systems Manager Parameter Store',
};

/** The markdown of docs/coverage.md: every AWS operation the registry holds, by service (moto keeps one too). */
export function coverageMarkdown(simulator: Simulator): string {
  const byService = new Map<string, { operation: string; action: string; readOnly: boolean }[]>();
  for (const op of simulator.operations()) {
    const list = byService.get(op.service) ?? [];
    list.push(op);
    byService.set(op.service, list);
  }
  const lines = [
    '# Implemented AWS operations',
    '',
    'Generated from the engine\'s operation registry by `npm run coverage:docs`; do not edit by hand.',
    'A test fails when this file and the registry disagree.',
    '',
  ];
  for (const [service, ops] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    if (ops.length === 0) continue;
    lines.push(`## ${SERVICE_TITLES[service] ?? service} (${ops.length})`, '', '| operation | IAM action | kind |', '| --- | --- | --- |');
    for (const op of ops.sort((a, b) => a.operation.localeCompare(b.operation))) {
      lines.push(`| ${op.operation} | \`${op.action}\` | ${op.readOnly ? 'read' : 'write'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
