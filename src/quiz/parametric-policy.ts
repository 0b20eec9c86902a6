/**
 * Parametric policy items: a request and the policies that apply to it, drawn from a seed, with the answer decided
 * by the engine's own authorizer (the one that authorizes every call in SecretsLab), not by the author. The seed is
 * in the id (`q-gen-policy-<seed>`), so a saved session that names an item can rebuild it exactly.
 *
 * The four answers are the four ways the evaluation logic can end for one request (IAM User Guide, "Policy
 * evaluation logic"): allowed; an explicit Deny; no Allow where one is needed (identity side, or the resource
 * policy across accounts); or an Allow from the identity policy that a guardrail (permissions boundary or SCP)
 * does not also allow.
 */
import { iamPolicy } from '../engine/index.ts';
import type { QuizItem } from './bank.ts';
import { QuizRandom } from './random.ts';

type Statement = Record<string, unknown>;
const ID_PATTERN = /^q-gen-policy-(\d{1,9})$/;
const HOME = '111111111111';
const OTHER = '222222222222';
const REGION = 'us-east-1';

export type PolicyAnswer = 'allowed' | 'explicit-deny' | 'no-allow' | 'guardrail';

const ANSWER_TEXTS: Record<PolicyAnswer, string> = {
  allowed: 'The request is allowed.',
  'explicit-deny': 'The request is denied because an explicit Deny statement matches it.',
  'no-allow': 'The request is denied because no statement allows it where an Allow is required (the identity policy, or across accounts also the secret’s resource policy).',
  guardrail: 'The request is denied because, although the identity policy allows it, a permissions boundary or an SCP does not.',
};

/** Why an answer is not the result, given the result: each names the rule of the evaluation logic that applies. */
function whyNot(option: PolicyAnswer, actual: PolicyAnswer, explanation: string): string {
  if (option === 'allowed') return `Not allowed: ${explanation}`;
  if (actual === 'explicit-deny') return 'An explicit Deny matches this request, and a matching Deny decides before any question of a missing Allow arises.';
  if (option === 'explicit-deny') return 'No Deny statement shown matches this request (check each one\'s action, resource, principal and condition), so no explicit Deny decides it.';
  if (option === 'no-allow') {
    return actual === 'allowed'
      ? 'Every policy that must grant the request does: the identity policy, and across accounts the secret\'s resource policy too.'
      : 'The identity policy (and, across accounts, the resource policy) does grant the request; what is missing is an Allow from a guardrail.';
  }
  return actual === 'allowed'
    ? 'The permissions boundary and SCPs shown (if any) allow this action, so no guardrail stops it.'
    : 'A guardrail can only limit what an identity policy grants; here the grant itself is missing, so the request fails before any guardrail matters.';
}

const doc = (statements: Statement[]) => ({ Version: '2012-10-17', Statement: statements });

interface Scenario {
  crossAccount: boolean;
  callerName: string;
  secretArn: string;
  identity: Statement[];
  resource: Statement[] | undefined;
  boundary: Statement[] | undefined;
  scpDeny: Statement | undefined;
}

function drawScenario(seed: number): Scenario {
  const random = new QuizRandom(`policy-item:${seed}`);
  const crossAccount = random.next() < 0.4;
  const owner = crossAccount ? OTHER : HOME;
  const callerName = random.pick(['dev', 'ci-deployer', 'analyst', 'app-runner']);
  const callerArn = `arn:aws:iam::${HOME}:user/${callerName}`;
  const env = random.pick(['prod', 'dev', 'test']);
  const secretArn = `arn:aws:secretsmanager:${REGION}:${owner}:secret:${env}/db-credentials-${random.pick(['AbCdEf', 'Q1w2E3', 'zZ9yX8'])}`;
  const identity = random.pick<Statement[]>([
    [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn }],
    [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }],
    [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: `arn:aws:secretsmanager:${REGION}:${owner}:secret:${env === 'prod' ? 'dev' : 'prod'}/*` }],
    [{ Effect: 'Allow', Action: 'secretsmanager:Get*', Resource: '*' }, { Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:*:*:secret:${env}/*` }],
    [{ Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' }],
  ]);
  const resource = random.pick<Statement[] | undefined>(
    crossAccount
      ? [
          undefined,
          [{ Effect: 'Allow', Principal: { AWS: callerArn }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
          [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${HOME}:root` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
          [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${HOME}:role/Reader` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
        ]
      : [
          undefined,
          undefined,
          undefined,
          [{ Effect: 'Deny', Principal: { AWS: callerArn }, Action: 'secretsmanager:*', Resource: '*' }],
          [{ Effect: 'Allow', Principal: { AWS: callerArn }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
        ],
  );
  const boundary = random.pick<Statement[] | undefined>([
    undefined,
    [{ Effect: 'Allow', Action: 'secretsmanager:List*', Resource: '*' }],
    [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'kms:Decrypt'], Resource: '*' }],
    [{ Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' }],
  ]);
  const scpDeny = random.pick<Statement | undefined>([
    undefined,
    undefined,
    { Effect: 'Deny', Action: 'secretsmanager:DeleteSecret', Resource: '*' },
    { Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': REGION } } },
  ]);
  return { crossAccount, callerName, secretArn, identity, resource, boundary, scpDeny };
}

/** The authorizer's decision for a scenario, as one of the four answers. */
function authorizeScenario(scenario: Scenario, withGuardrails: boolean): iamPolicy.AuthorizationResult {
  const named = (name: string, statements: Statement[]) => ({ name, policy: iamPolicy.policyFromDocument(doc(statements)) });
  return iamPolicy.authorize({
    request: {
      principal: `arn:aws:iam::${HOME}:user/${scenario.callerName}`,
      action: 'secretsmanager:GetSecretValue',
      resource: scenario.secretArn,
      resourceAccount: scenario.crossAccount ? OTHER : HOME,
      context: { 'aws:RequestedRegion': REGION },
    },
    policies: {
      identity: [named('inline:SecretsAccess', scenario.identity)],
      boundary: withGuardrails && scenario.boundary ? named('boundary:Guardrail', scenario.boundary) : null,
      resource: scenario.resource ? named('secret policy', scenario.resource) : null,
      scp:
        withGuardrails && scenario.scpDeny
          ? [
              { level: 'root', policies: [{ name: 'FullAWSAccess', policy: iamPolicy.fullAwsAccessScp() }] },
              { level: 'account', policies: [{ name: 'FullAWSAccess', policy: iamPolicy.fullAwsAccessScp() }, named('scp:SecretsGuardrail', [scenario.scpDeny])] },
            ]
          : [],
    },
  });
}

/** The authorizer's decision for a scenario, as one of the four answers. */
function decide(scenario: Scenario): { answer: PolicyAnswer; explanation: string } {
  const result = authorizeScenario(scenario, true);
  if (result.decision === 'Allow') return { answer: 'allowed', explanation: result.explanation };
  if (result.decision === 'ExplicitDeny') return { answer: 'explicit-deny', explanation: result.explanation };
  // "Guardrail" means the grant is there and only a boundary or SCP lacks the Allow: the same request without
  // the guardrails must be allowed.
  const granted = authorizeScenario(scenario, false).decision === 'Allow';
  return { answer: granted ? 'guardrail' : 'no-allow', explanation: result.explanation };
}

export function isPolicyItemId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function policyItem(seed: number): QuizItem {
  const scenario = drawScenario(seed);
  const { answer, explanation } = decide(scenario);
  const exhibits = [{ title: 'Identity policy attached to the user', text: JSON.stringify(doc(scenario.identity), null, 2) }];
  if (scenario.boundary) exhibits.push({ title: 'Permissions boundary of the user', text: JSON.stringify(doc(scenario.boundary), null, 2) });
  if (scenario.scpDeny) exhibits.push({ title: `SCP attached to account ${HOME} (besides FullAWSAccess)`, text: JSON.stringify(doc([scenario.scpDeny]), null, 2) });
  exhibits.push({ title: 'Resource policy on the secret', text: scenario.resource ? JSON.stringify(doc(scenario.resource), null, 2) : '(none)' });
  const where = scenario.crossAccount ? `owned by another account, ${OTHER}` : 'in the same account';
  const hard = scenario.crossAccount || scenario.boundary !== undefined || scenario.scpDeny !== undefined;
  return {
    id: `q-gen-policy-${seed}`,
    status: 'reviewed',
    task: '1.1',
    topics: ['policies-and-cross-account'],
    concepts: scenario.crossAccount ? ['iam.policy-evaluation', 'iam.cross-account-secrets'] : ['iam.policy-evaluation'],
    services: ['IAM', 'Secrets Manager', 'AWS Organizations'],
    type: 'single',
    select: 1,
    stem: `The IAM user ${scenario.callerName} in account ${HOME} calls GetSecretValue in ${REGION} on the secret ${scenario.secretArn}, ${where}. The account is a member of an organization. The policies that apply are shown below; nothing else grants or denies access, and the secret is encrypted with a key the user may use. What is the result of the request?`,
    qualifier: 'none',
    options: (Object.keys(ANSWER_TEXTS) as PolicyAnswer[]).map((id) => ({
      id,
      text: ANSWER_TEXTS[id],
      correct: id === answer,
      rationale: id === answer ? `The authorizer decides: ${explanation}` : whyNot(id, answer, explanation),
    })),
    irt: { a: 1.2, b: hard ? 0.6 : -0.2 },
    references: [
      { title: 'Policy evaluation logic', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html' },
      { title: 'Access AWS Secrets Manager secrets from a different account', url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html' },
    ],
    lab: 'policy-lab',
    lastVerified: '2026-11-28',
    exhibits,
    generator: 'policy',
  };
}

export function policyItemFromId(id: string): QuizItem | undefined {
  const match = ID_PATTERN.exec(id);
  return match ? policyItem(Number(match[1])) : undefined;
}
