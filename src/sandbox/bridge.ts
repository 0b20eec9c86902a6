import { handleAwsJson, partnerApiRequest, type InvocationResult, type PendingInvocation, type Simulator } from '../engine/index.ts';

type StepCall = InvocationResult['calls'][number];

/** The SDK a learner's Node.js handler would carry, as CloudTrail shows it. */
const USER_AGENT = 'aws-sdk-js/3.700.0 ua/2.1 os/linux lang/js md/nodejs#20.18.0 api/secrets-manager#3.700.0 exec-env/AWS_Lambda_nodejs20.x';

/** Member names whose values say what a call asked for without revealing a secret (the step log shows them). */
const SHOWN = new Set(['VersionStage', 'VersionStages', 'MoveToVersionId', 'RemoveFromVersionId']);

function summary(input: Record<string, unknown>): string {
  return Object.entries(input)
    .map(([key, value]) => (SHOWN.has(key) ? `${key}=${Array.isArray(value) ? `[${value.join(',')}]` : String(value)}` : key))
    .join(', ');
}

export interface Bridge {
  /** Answers one request from the sandbox (JSON in, JSON out), as the function's execution role. */
  answer(requestJson: string): string;
  /** The requests made, for the step log. */
  calls: StepCall[];
  /** A request had no network route: the function hangs until its timeout. */
  hung: boolean;
}

/**
 * The only way out of the sandbox. AWS requests go through the same AWS JSON 1.1 handler as the SDK in the page and
 * the local endpoint, signed in as the function's role session; requests to a third-party API go to the simulated
 * service. The function's network decides what it can reach: no route means the request never answers.
 */
export function createBridge(sim: Simulator, invocation: PendingInvocation): Bridge {
  const bridge: Bridge = {
    calls: [],
    hung: false,
    answer(requestJson) {
      const request = JSON.parse(requestJson) as { kind: string; operation?: string; input?: Record<string, unknown>; host?: string; action?: string };
      const input = request.input ?? {};
      if (request.kind === 'aws') {
        if (!invocation.routes.secretsManager) return hang(bridge, { operation: String(request.operation), summary: summary(input) });
        const response = handleAwsJson(sim, {
          target: `secretsmanager.${String(request.operation)}`,
          body: JSON.stringify(input),
          caller: { principalArn: invocation.principalArn },
          region: invocation.region,
          userAgent: USER_AGENT,
          sourceIp: 'lambda.amazonaws.com',
          fillIdempotencyToken: true,
        });
        const errorCode = response.status === 200 ? undefined : (JSON.parse(response.body) as { __type?: string }).__type?.split('#').pop();
        bridge.calls.push({ operation: String(request.operation), summary: summary(input), ...(errorCode ? { errorCode } : {}) });
        return JSON.stringify({ status: response.status, body: response.body, requestId: response.headers['x-amzn-requestid'] });
      }
      if (request.kind === 'partner') {
        const host = String(request.host);
        if (!invocation.routes.internet) return hang(bridge, { service: host, operation: String(request.action), summary: Object.keys(input).join(', ') });
        const result = partnerApiRequest(sim, host, String(request.action), input);
        bridge.calls.push({ service: host, operation: String(request.action), summary: Object.keys(input).join(', '), ...(result.ok ? {} : { errorCode: result.error.code }) });
        return JSON.stringify(result);
      }
      return JSON.stringify({ ok: false, error: { code: 'UnknownRequest', message: `Unknown request kind ${request.kind}`, status: 400 } });
    },
  };
  return bridge;
}

/** The request is noted as never answered: the function waits on it until its Timeout. */
function hang(bridge: Bridge, call: Omit<StepCall, 'errorCode'>): string {
  bridge.hung = true;
  bridge.calls.push({ ...call, errorCode: 'NoResponse' });
  return JSON.stringify({ hang: true });
}

/** The Lambda context object's fields the handler sees. */
export function contextJson(invocation: PendingInvocation): string {
  return JSON.stringify({
    functionName: invocation.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: invocation.functionArn,
    memoryLimitInMB: String(invocation.memorySize),
    awsRequestId: `${invocation.runId}-${invocation.step}`,
    timeoutMs: invocation.timeoutSeconds * 1000,
  });
}

/** What a sandbox reports: the runtime's JSON outcome, or that it ran out of (wall-clock) time. */
export type SandboxOutcome = { outcome: 'succeeded' | 'failed'; errorType?: string; errorMessage?: string; logs: string[] } | { outcome: 'timedOut'; logs: string[] };

export function resultOf(invocation: PendingInvocation, bridge: Bridge, outcome: SandboxOutcome): InvocationResult {
  const timedOut = bridge.hung || outcome.outcome === 'timedOut';
  return {
    secretArn: invocation.secretArn,
    runId: invocation.runId,
    step: invocation.step,
    outcome: timedOut ? 'timedOut' : outcome.outcome,
    ...(!timedOut && 'errorType' in outcome && outcome.errorType !== undefined ? { errorType: outcome.errorType } : {}),
    ...(!timedOut && 'errorMessage' in outcome && outcome.errorMessage !== undefined ? { errorMessage: outcome.errorMessage } : {}),
    calls: bridge.calls,
    logs: outcome.logs,
  };
}
