/**
 * The Policy Lab's data: its policy slots, its request, and the evaluation that turns them into one decision with
 * the deciding statements mapped back to the slot (editor) that holds each one. Pure functions over the engine's
 * policy language; nothing here touches the simulator's world, so evaluating in the lab makes no API call.
 */
import { iamPolicy } from '../../../engine/index.ts';
import type { AuthorizationResult, Decision, DecisionReason, Finding, NamedPolicy, PolicyKind, PolicySet, SourceRange } from './engine-types.ts';

export type SlotId = 'identity-1' | 'identity-2' | 'resource' | 'key' | 'scp' | 'rcp' | 'boundary' | 'session';

export interface SlotInfo {
  id: SlotId;
  label: string;
  /** The validator's policy kind: it decides which elements are required or forbidden. */
  kind: PolicyKind;
  /** What the slot is, and what an empty slot means. */
  hint: string;
}

export const SLOTS: readonly SlotInfo[] = [
  { id: 'identity-1', label: 'Identity policy 1', kind: 'identity', hint: "A policy attached to the caller (the user, or the session's role). Empty: not attached." },
  { id: 'identity-2', label: 'Identity policy 2', kind: 'identity', hint: 'A second identity policy of the same caller; its statements add to the first. Empty: not attached.' },
  { id: 'resource', label: 'Secret policy', kind: 'secret', hint: "The secret's resource-based policy, in the resource's account. Empty: the secret has no policy." },
  { id: 'key', label: 'Key policy', kind: 'key', hint: 'The policy of the KMS key that encrypts the secret (or of the key a kms: action targets). Empty: no KMS step is evaluated (same-account use of aws/secretsmanager needs no KMS permission).' },
  { id: 'scp', label: 'SCP', kind: 'scp', hint: "A service control policy attached to the caller's account. Empty: the account is not governed by SCPs." },
  { id: 'rcp', label: 'RCP', kind: 'rcp', hint: "A resource control policy on the resource's account (the secret's, or the key's for a kms: action). It caps what anyone, from any account, can do to the resource. Empty: no RCP governs it." },
  { id: 'boundary', label: 'Permissions boundary', kind: 'boundary', hint: 'The permissions boundary of the caller (user or role). Empty: none set.' },
  { id: 'session', label: 'Session policy', kind: 'session', hint: 'A policy passed when the role session was created (AssumeRole Policy). Applies only to role or federated sessions. Empty: none passed.' },
];

export interface LabRequest {
  principal: string;
  action: string;
  resource: string;
  /** Empty: taken from the resource ARN (or the caller's account for `*`). */
  resourceAccount: string;
  /** The key that encrypts the secret, for the KMS step of GetSecretValue. */
  keyArn: string;
  /** One `key=value` per line; repeat a key for several values. */
  context: string;
}

export interface LabState {
  texts: Record<SlotId, string>;
  request: LabRequest;
  /** Keep the AWS managed FullAWSAccess SCP attached beside the learner's SCP (the default in an organization). */
  keepFullAwsAccess: boolean;
  /** Matrix rows and columns, one per line. */
  matrixPrincipals: string;
  matrixActions: string;
}

export interface Highlight {
  slot: SlotId;
  range: SourceRange;
  effect: 'Allow' | 'Deny';
  label: string;
}

export type LabOutcome =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      decision: Decision;
      message: string | undefined;
      explanation: string;
      reasons: DecisionReason[];
      highlights: Highlight[];
      /** For GetSecretValue through a key: the two authorizations, in order. */
      steps: { label: string; decision: Decision; explanation: string; reasons: DecisionReason[] }[];
      /** For an implicit deny: the slots whose missing Allow decided (nothing to highlight inside them). */
      missingAllow: SlotId[];
      notes: string[];
    };

export function emptyTexts(): Record<SlotId, string> {
  return { 'identity-1': '', 'identity-2': '', resource: '', key: '', scp: '', rcp: '', boundary: '', session: '' };
}

export function slotInfo(id: SlotId): SlotInfo {
  return SLOTS.find((slot) => slot.id === id) ?? (SLOTS[0] as SlotInfo);
}

export function validateSlot(id: SlotId, text: string): Finding[] {
  if (text.trim() === '') return [];
  return iamPolicy.validatePolicy(text, slotInfo(id).kind).findings;
}

/** `key=value` lines to a context; repeated keys become lists. */
export function parseContext(text: string): { context: Record<string, string | string[]>; problems: string[] } {
  const context: Record<string, string | string[]> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const equals = line.indexOf('=');
    if (equals <= 0) {
      problems.push(`Context line ${index + 1}: write key=value (for example aws:SourceVpce=vpce-0a1b2c3d), not “${line}”.`);
      return;
    }
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    const previous = context[key];
    context[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  });
  return { context, problems };
}

function accountOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function isSession(principal: string): boolean {
  return /^arn:[^:]+:sts::\d{12}:(assumed-role|federated-user)\//.test(principal);
}

const FULL_AWS_ACCESS = 'FullAWSAccess (AWS managed SCP)';
const RCP_FULL_AWS_ACCESS = 'RCPFullAWSAccess (AWS managed RCP)';

interface ParsedSlots {
  named: Partial<Record<SlotId, NamedPolicy>>;
  problems: string[];
}

function parseSlots(texts: Record<SlotId, string>): ParsedSlots {
  const named: Partial<Record<SlotId, NamedPolicy>> = {};
  const problems: string[] = [];
  for (const slot of SLOTS) {
    const text = texts[slot.id];
    if (text.trim() === '') continue;
    const parsed = iamPolicy.parsePolicy(text);
    if (parsed.ok) named[slot.id] = { name: slot.label, policy: parsed.policy };
    else {
      for (const problem of parsed.problems) {
        problems.push(`${slot.label}, line ${problem.range.line}, column ${problem.range.column}: ${problem.message} (${problem.code})`);
      }
    }
  }
  return { named, problems };
}

/** Parses every slot once, so the matrix can evaluate many requests against the same policies. */
export function prepare(state: LabState): { ok: true; evaluate: (principal: string, action: string) => LabOutcome } | { ok: false; problems: string[] } {
  const { named, problems } = parseSlots(state.texts);
  const { context, problems: contextProblems } = parseContext(state.request.context);
  problems.push(...contextProblems);
  if (problems.length > 0) return { ok: false, problems };
  const slotByName = new Map<string, SlotId>(SLOTS.map((slot) => [slot.label, slot.id]));

  const evaluate = (principal: string, action: string): LabOutcome => {
    const notes: string[] = [];
    const request = state.request;
    const resource = request.resource.trim() || '*';
    const principalArn = principal.trim();
    const actionName = action.trim();
    if (!principalArn) return { ok: false, problems: ['Give the principal ARN of the caller.'] };
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(actionName)) return { ok: false, problems: [`“${actionName}” is not an action: write service:Action, for example secretsmanager:GetSecretValue.`] };
    try {
      iamPolicy.describeCaller(principalArn);
    } catch (error) {
      return { ok: false, problems: [`Principal: ${error instanceof Error ? error.message : String(error)}.`] };
    }
    const resourceAccount = request.resourceAccount.trim() || accountOf(resource) || accountOf(principalArn) || '';
    if (!/^\d{12}$/.test(resourceAccount)) return { ok: false, problems: ['Give the resource account (12 digits), or a resource ARN that contains it.'] };

    const isKmsAction = actionName.toLowerCase().startsWith('kms:');
    const session = isSession(principalArn);
    if (named.session && !session) notes.push('The session policy is ignored: only role sessions (…:assumed-role/…) and federated sessions have one.');
    const scp = named.scp
      ? [
          { level: 'root', policies: [{ name: FULL_AWS_ACCESS, policy: iamPolicy.fullAwsAccessScp() }] },
          { level: 'account', policies: state.keepFullAwsAccess ? [{ name: FULL_AWS_ACCESS, policy: iamPolicy.fullAwsAccessScp() }, named.scp] : [named.scp] },
        ]
      : [];
    // Like SCPs, every level of an organization carries the AWS managed RCPFullAWSAccess, so an RCP only takes away.
    const rcp = named.rcp
      ? [
          { level: 'root', policies: [{ name: RCP_FULL_AWS_ACCESS, policy: iamPolicy.rcpFullAwsAccess() }] },
          { level: 'account', policies: state.keepFullAwsAccess ? [{ name: RCP_FULL_AWS_ACCESS, policy: iamPolicy.rcpFullAwsAccess() }, named.rcp] : [named.rcp] },
        ]
      : [];
    const policies: PolicySet = {
      identity: [named['identity-1'], named['identity-2']].filter((p): p is NamedPolicy => p !== undefined),
      boundary: named.boundary ?? null,
      session: named.session && session ? [named.session] : null,
      scp,
      rcp,
    };
    if (isKmsAction) {
      policies.keyPolicy = named.key ?? null;
      if (named.resource) notes.push('The secret policy is not used: a kms: action is decided by the key policy.');
      if (!named.key) notes.push('There is no key policy: every KMS key has one, and without an Allow in it nobody can use the key.');
    } else {
      policies.resource = named.resource ?? null;
    }
    const input = { request: { principal: principalArn, action: actionName, resource, resourceAccount, context }, policies };

    let result: AuthorizationResult;
    let highlighted: AuthorizationResult[];
    const steps: { label: string; decision: Decision; explanation: string; reasons: DecisionReason[] }[] = [];
    const throughKey = !isKmsAction && actionName.toLowerCase() === 'secretsmanager:getsecretvalue' && named.key !== undefined;
    if (throughKey) {
      const keyArn = request.keyArn.trim();
      if (!/^arn:[^:]+:kms:[^:]*:\d{12}:key\/.+$/.test(keyArn)) return { ok: false, problems: ['Give the key ARN (arn:aws:kms:region:account:key/id) of the key that encrypts the secret, or empty the key policy.'] };
      const chained = iamPolicy.authorizeThroughKey(input, { keyArn, keyPolicy: named.key as NamedPolicy });
      result = chained;
      const [secretStep, keyStep] = chained.steps;
      if (secretStep) steps.push({ label: `${actionName} on the secret`, decision: secretStep.decision, explanation: secretStep.explanation, reasons: secretStep.reasons });
      if (keyStep) steps.push({ label: 'kms:Decrypt on the key, made by Secrets Manager as the caller', decision: keyStep.decision, explanation: keyStep.explanation, reasons: keyStep.reasons });
      // Allowed: both steps' granting statements decided. Denied: the first step that did not allow.
      highlighted = chained.decision === 'Allow' ? chained.steps : [chained.steps.find((s) => s.decision !== 'Allow') ?? chained];
    } else {
      result = iamPolicy.authorize(input);
      highlighted = [result];
    }
    const highlights: Highlight[] = [];
    for (const step of highlighted) {
      for (const ref of step.deciding) {
        const slot = slotByName.get(ref.policyName);
        if (slot) highlights.push({ slot, range: ref.range, effect: ref.effect, label: ref.label });
      }
    }
    const missingAllow: SlotId[] = [];
    if (result.denial?.kind === 'implicit') {
      const type = result.denial.policyType;
      // The lab has no editor for role trust policies, so that denial has no tab to mark.
      const candidates: SlotId[] = type === 'identity' ? ['identity-1', 'identity-2'] : type === 'trust' ? [] : [type];
      missingAllow.push(...candidates.filter((slot) => slot !== 'identity-2' || state.texts[slot].trim() !== ''));
    }
    return {
      ok: true,
      decision: result.decision,
      missingAllow,
      message: result.message,
      explanation: result.explanation,
      reasons: result.reasons,
      highlights,
      steps,
      notes,
    };
  };
  return { ok: true, evaluate };
}

export function evaluateLab(state: LabState): LabOutcome {
  const prepared = prepare(state);
  if (!prepared.ok) return prepared;
  return prepared.evaluate(state.request.principal, state.request.action);
}

export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
