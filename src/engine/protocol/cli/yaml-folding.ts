/**
 * ruamel.yaml, which the AWS CLI's YAML output uses (its safe dumper emits through libyaml), folds long scalars: at
 * the first single space met once the line already holds more than 80 characters (best_width), the space becomes a
 * line break and the scalar goes on indented two columns past the key (or the `- ` of a sequence item). The `yaml`
 * package folds by another rule (never past the width), so the terminal prints unfolded YAML and folds it here, line
 * by line, with libyaml's rule (yaml_emitter_write_plain, _single_quoted, _double_quoted). It also picks the quoting
 * style where the two disagree. Multi-line values (spread over several emitted lines) are left as the `yaml`
 * package writes them: not folded.
 */

const BEST_WIDTH = 80;

/** Where the scalar of one emitted line starts and where its continuation lines are indented. */
interface ScalarSite {
  start: number;
  indent: number;
}

/** The end (exclusive) of a single-quoted scalar starting at `from`, or -1. */
function singleQuotedEnd(line: string, from: number): number {
  for (let i = from + 1; i < line.length; i++) {
    if (line[i] !== "'") continue;
    if (line[i + 1] === "'") i++;
    else return i + 1;
  }
  return -1;
}

function scalarSite(line: string): ScalarSite | undefined {
  let at = 0;
  while (line[at] === ' ') at++;
  let dashes = 0;
  while (line.startsWith('- ', at)) {
    at += 2;
    dashes++;
  }
  // A quoted or plain key followed by ": " makes this a mapping entry; otherwise the rest is a sequence item.
  let keyEnd = -1;
  if (line[at] === "'") {
    const end = singleQuotedEnd(line, at);
    if (end > 0 && line.startsWith(': ', end)) keyEnd = end;
  } else if (line[at] !== '"') {
    const colon = line.indexOf(': ', at);
    if (colon > 0) keyEnd = colon;
  }
  if (keyEnd > 0) return { start: keyEnd + 2, indent: at + 2 };
  return dashes > 0 ? { start: at, indent: at } : undefined;
}

function foldPlain(text: string, column: number, indent: number): string {
  let out = '';
  let col = column;
  let start = 0;
  let spaces = false;
  for (let end = 0; end <= text.length; end++) {
    const ch = end < text.length ? text[end] : undefined;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && col > BEST_WIDTH) {
          out += `\n${' '.repeat(indent)}`;
          col = indent;
        } else {
          out += text.slice(start, end);
          col += end - start;
        }
        start = end;
      }
    } else if (ch === undefined || ch === ' ') {
      out += text.slice(start, end);
      col += end - start;
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
  return out;
}

function foldSingleQuoted(text: string, column: number, indent: number): string {
  let out = "'";
  let col = column + 1;
  let start = 0;
  let spaces = false;
  for (let end = 0; end <= text.length; end++) {
    const ch = end < text.length ? text[end] : undefined;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && col > BEST_WIDTH && start !== 0 && end !== text.length) {
          out += `\n${' '.repeat(indent)}`;
          col = indent;
        } else {
          out += text.slice(start, end);
          col += end - start;
        }
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || ch === "'") {
      if (start < end) {
        out += text.slice(start, end);
        col += end - start;
        start = end;
      }
    }
    if (ch === "'") {
      out += "''";
      col += 2;
      start = end + 1;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
  return `${out}'`;
}

const YAML_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** The value of a one-line double-quoted scalar (its quotes included), or undefined for anything unexpected. */
function decodeDoubleQuoted(scalar: string): string | undefined {
  if (scalar.length < 2 || !scalar.endsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < scalar.length - 1; i++) {
    const ch = scalar[i]!;
    if (ch === '"') return undefined;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const code = scalar[++i];
    if (code === undefined) return undefined;
    const digits = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
    if (digits > 0) {
      const hex = scalar.slice(i + 1, i + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += digits;
    } else if (code in YAML_ESCAPES) out += YAML_ESCAPES[code];
    else return undefined;
  }
  return out;
}

/** What ruamel's analyze_scalar calls printable (with allow_unicode, as the CLI's dumper has it). */
function isPrintable(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    codePoint === 0x85 ||
    (codePoint >= 0xa0 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd && codePoint !== 0xfeff) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** A character only a double-quoted scalar can hold (a tab, a control character): ruamel's special_characters. */
function hasSpecialCharacter(value: string): boolean {
  for (const ch of value) if (ch !== '\n' && !isPrintable(ch.codePointAt(0)!)) return true;
  return false;
}

const ESCAPE_REPLACEMENTS: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\',
  '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escapeOf(ch: string): string {
  const replacement = ESCAPE_REPLACEMENTS[ch];
  if (replacement !== undefined) return `\\${replacement}`;
  const code = ch.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * libyaml's yaml_emitter_write_double_quoted (the CLI's ruamel dumps through libyaml): escapes for what is not
 * printable, for breaks, `"` and `\`; a long line broken at a space not preceded by one, a following space then
 * written as `\ ` so it survives.
 */
function foldDoubleQuoted(text: string, column: number, indent: number): string {
  const chars = [...text];
  let out = '"';
  let col = column + 1;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const code = ch.codePointAt(0)!;
    if (!isPrintable(code) || code === 0xfeff || '\n\r\x85\u2028\u2029"\\'.includes(ch)) {
      const escaped = escapeOf(ch);
      out += escaped;
      col += escaped.length;
      spaces = false;
    } else if (ch === ' ') {
      if (!spaces && col > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          col += 1;
        }
      } else {
        out += ' ';
        col += 1;
      }
      spaces = true;
    } else {
      out += ch;
      col += 1;
      spaces = false;
    }
  }
  return `${out}"`;
}

/**
 * One emitted line, restyled where the `yaml` package's choice differs from ruamel's (a value with a tab is
 * double-quoted there; one with an apostrophe that cannot be plain is single-quoted there, `''` inside), then folded.
 */
function foldLine(line: string): string {
  const site = scalarSite(line);
  if (!site || site.start >= line.length) return line;
  const scalar = line.slice(site.start);
  const head = line.slice(0, site.start);
  let value: string;
  let style: 'plain' | 'single' | 'double';
  if (scalar.startsWith("'")) {
    if (singleQuotedEnd(scalar, 0) !== scalar.length) return line;
    value = scalar.slice(1, -1).replaceAll("''", "'");
    style = 'single';
  } else if (scalar.startsWith('"')) {
    const decoded = decodeDoubleQuoted(scalar);
    if (decoded === undefined) return line;
    value = decoded;
    style = 'double';
  } else {
    if (/^[|>&*!]/.test(scalar) || scalar === '[]' || scalar === '{}') return line;
    value = scalar;
    style = 'plain';
  }
  if (hasSpecialCharacter(value)) style = 'double';
  else if (style === 'double' && !value.includes('\n')) style = 'single';
  if (style === 'double') return head + foldDoubleQuoted(value, site.start, site.indent);
  if (line.length <= BEST_WIDTH && style === (scalar.startsWith("'") ? 'single' : 'plain')) return line;
  return head + (style === 'single' ? foldSingleQuoted(value, site.start, site.indent) : foldPlain(value, site.start, site.indent));
}

export function foldYaml(text: string): string {
  return text.split('\n').map(foldLine).join('\n');
}
