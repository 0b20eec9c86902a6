import { describe, expect, it } from 'vitest';
import { evaluateLab, parseContext, prepare, validateSlot, type LabState } from '../../../../../src/ui/features/policy-lab/lab-model.ts';
import { PRESETS } from '../../../../../src/ui/features/policy-lab/presets.ts';
import { readSavedLab } from '../../../../../src/ui/features/policy-lab/policy-lab-state.svelte.ts';

const preset = (id: string): LabState => structuredClone(PRESETS.find((p) => p.id === id)!.state);

describe('Policy Lab model', () => {
  it.each(PRESETS.map((p) => [p.id, p.expected] as const))('decides the situation %s as its lesson says (%s)', (id, expected) => {
    const outcome = evaluateLab(preset(id));
    expect(outcome.ok && outcome.decision).toBe(expected);
  });

  it('marks the RCP statement that denied, and lets an organization member through once aws:PrincipalOrgID is set', () => {
    const state = preset('rcp-keeps-secrets-in-the-org');
    const denied = evaluateLab(state);
    if (!denied.ok) throw new Error(denied.problems.join('\n'));
    expect(denied.highlights.map((h) => [h.slot, h.effect, h.label])).toEqual([['rcp', 'Deny', 'OnlyOurOrganization']]);
    state.request.context = 'aws:PrincipalOrgID=o-a1b2c3d4e5';
    const allowed = evaluateLab(state);
    expect(allowed.ok && allowed.decision).toBe('Allow');
  });

  it('without the managed RCPFullAWSAccess beside it, an RCP that allows nothing denies implicitly and names the RCP tab', () => {
    const state = preset('rcp-keeps-secrets-in-the-org');
    state.keepFullAwsAccess = false;
    state.request.context = 'aws:PrincipalOrgID=o-a1b2c3d4e5';
    const outcome = evaluateLab(state);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    expect(outcome.decision).toBe('ImplicitDeny');
    expect(outcome.missingAllow).toEqual(['rcp']);
  });

  it('reports bad JSON with the slot, line and column, and evaluates nothing', () => {
    const state = preset('scp-deny-beats-admin');
    state.texts.scp = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Deny" "Action": "*" }\n  ]\n}';
    const outcome = evaluateLab(state);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatch(/^SCP, line 4, column \d+: /);
  });

  it('finds a Principal in an identity policy as an error at its line', () => {
    const findings = validateSlot('identity-1', '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": "secretsmanager:GetSecretValue",\n    "Resource": "*"\n  }]\n}');
    const error = findings.find((f) => f.severity === 'ERROR');
    expect(error).toMatchObject({ code: 'UNSUPPORTED_PRINCIPAL', range: { line: 5 } });
  });

  it('parses the context lines, repeating a key for several values, and refuses a line without =', () => {
    expect(parseContext('aws:SourceVpce=vpce-1\naws:TagKeys=a\naws:TagKeys=b\n\n').context).toEqual({ 'aws:SourceVpce': 'vpce-1', 'aws:TagKeys': ['a', 'b'] });
    expect(parseContext('just text').problems[0]).toMatch(/Context line 1: write key=value/);
  });

  it('evaluates a matrix of principals and actions against policies parsed once', () => {
    const state = preset('boundary-caps-admin');
    const prepared = prepare(state);
    if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
    const developer = 'arn:aws:iam::111122223333:user/developer';
    const decisions = ['secretsmanager:GetSecretValue', 'secretsmanager:DeleteSecret'].map((action) => {
      const outcome = prepared.evaluate(developer, action);
      return outcome.ok ? outcome.decision : outcome.problems[0];
    });
    expect(decisions).toEqual(['Allow', 'ImplicitDeny']);
    expect(prepared.evaluate(developer, 'not an action')).toMatchObject({ ok: false });
  });

  it('reads a lab saved before the RCP tab existed, with the RCP empty', () => {
    const saved = { version: 1, ...preset('scp-deny-beats-admin') } as Record<string, unknown>;
    const texts = { ...(saved.texts as Record<string, string>) };
    delete texts.rcp;
    saved.texts = texts;
    const { state, problem } = readSavedLab(JSON.stringify(saved));
    expect(problem).toBeUndefined();
    expect(state?.texts.rcp).toBe('');
    expect(state?.texts.scp).toContain('NoSecretDeletion');
    expect(readSavedLab('{"version": 1, "texts": {"scp": 5}, "request": {}}').problem).toBe('the SCP is not text');
  });
});
