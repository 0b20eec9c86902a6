import type { OperationContext } from '../kernel/index.ts';
import { applicationsOf, databaseByHost, settleApplication, targetsState, type Application, type ReadCredentials } from '../targets/index.ts';
import type { PipelineCaller } from './function-client.ts';

/**
 * Brings the applications that read a secret up to now, before anything they depend on changes (a database password,
 * the secret's AWSCURRENT). Their reads are billed: one is made through the pipeline as the application (so its
 * permissions, CloudTrail and KMS apply), the others in the stretch, which return the same value, are metered alike.
 */
export function settleApplications(ctx: OperationContext, caller: PipelineCaller, secretArn?: string): void {
  const apps = secretArn === undefined ? Object.values(targetsState(ctx.world).applications) : applicationsOf(ctx.world, secretArn);
  for (const app of apps) settleOne(ctx, caller, app);
}

function settleOne(ctx: OperationContext, caller: PipelineCaller, app: Application): void {
  let hostSeen: string | undefined;
  const read = (): ReadCredentials | undefined => {
    const result = caller.call<{ versionId: string; secretString?: string }>({
      service: 'secretsmanager',
      operation: 'GetSecretValue',
      input: { secretId: app.secretArn },
      region: app.region,
      ...(app.callerArn ? { caller: { principalArn: app.callerArn } } : {}),
      userAgent: 'aws-secretsmanager-caching-java/1.0',
    });
    if (!result.ok) return undefined;
    try {
      const value = JSON.parse(result.output.secretString ?? '') as { username?: unknown; password?: unknown; host?: unknown };
      hostSeen = typeof value.host === 'string' ? value.host : undefined;
      return { versionId: result.output.versionId, username: String(value.username), password: String(value.password) };
    } catch {
      return { versionId: result.output.versionId, username: undefined, password: undefined };
    }
  };
  const db = app.databaseId ? targetsState(ctx.world).databases[app.databaseId] : databaseByHost(ctx.world, hostSeen);
  const { reads } = settleApplication(app, db, ctx.now, read);
  // One read went through the pipeline (and was metered there); the rest of the stretch is metered here.
  if (reads > 1) ctx.meter('secretsmanager:GetSecretValue', reads - 1, app.accountId);
}
