import { describe, expect, it } from 'vitest';
import { formatYaml, type Json } from '../../../../../src/engine/protocol/cli/output-formats.ts';

/**
 * `--output yaml` as the AWS CLI prints it: ruamel.yaml's safe dumper over libyaml, best width 80. Each expected
 * text below was printed by that dumper (the one /usr/bin/aws uses) for the value beside it.
 */
const CASES: [string, Json, string][] = [
  [
    'folds a long single-quoted value at the first single space past column 80, two columns in from its key',
    { Parameter: { SourceResult: '{"ARN":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-uYD6Ds","name":"prod/db","createdDate":"Jan 1, 2026, 12:00:00 AM"}', Version: 0 } },
    `Parameter:\n  SourceResult: '{"ARN":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-uYD6Ds","name":"prod/db","createdDate":"Jan\n    1, 2026, 12:00:00 AM"}'\n  Version: 0\n`,
  ],
  [
    'folds a plain value of a mapping inside a sequence',
    { Rules: [{ Description: 'Sends every write to Secrets Manager in this account to the security team inbox for review', Name: 'r' }] },
    'Rules:\n- Description: Sends every write to Secrets Manager in this account to the security\n    team inbox for review\n  Name: r\n',
  ],
  ['breaks only at a space, however long the word before it', { K: `${'a'.repeat(100)} b c` }, `K: ${'a'.repeat(100)}\n  b c\n`],
  ['single-quotes what cannot be plain, apostrophes doubled', { Names: ["- it's", "it's plain", 'x: y'] }, "Names:\n- '- it''s'\n- it's plain\n- 'x: y'\n"],
  ['double-quotes a value with a tab', { Value: 'tab\there' }, 'Value: "tab\\there"\n'],
  [
    'folds a double-quoted value at a space, as libyaml does',
    { Value: `col\tone ${'word '.repeat(20)} two  spaces` },
    'Value: "col\\tone word word word word word word word word word word word word word\n  word word word word word word word  two  spaces"\n',
  ],
  [
    'never breaks at a run of spaces nor at the last one',
    { Value: 'two  spaces '.repeat(10) },
    "Value: 'two  spaces two  spaces two  spaces two  spaces two  spaces two  spaces two  spaces\n  two  spaces two  spaces two  spaces '\n",
  ],
  [
    'writes a value with line breaks single-quoted, each break as a blank line (a certificate)',
    { Value: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n' },
    "Value: '-----BEGIN CERTIFICATE-----\n\n  MIIBszCCAVmgAwIBAgIUQ\n\n  -----END CERTIFICATE-----\n\n  '\n",
  ],
  ['keeps apostrophes and empty lines of a multi-line value', { Value: "it's two\n\nlines" }, "Value: 'it''s two\n\n\n  lines'\n"],
  ['double-quotes a value whose line starts with a space', { Value: 'indented\n  line' }, 'Value: "indented\\n  line"\n'],
  ['never breaks at a leading space', { Value: ` lead ${'word '.repeat(20)}` }, "Value: ' lead word word word word word word word word word word word word word word\n  word word word word word word '\n"],
];

describe('the YAML output format', () => {
  for (const [name, value, expected] of CASES) {
    it(name, () => {
      expect(formatYaml(value)).toBe(expected);
    });
  }

  it('leaves short lines and flow collections as they are', () => {
    expect(formatYaml({ FailedEntries: [], FailedEntryCount: 0, Name: 'short value' })).toBe('FailedEntries: []\nFailedEntryCount: 0\nName: short value\n');
  });
});
