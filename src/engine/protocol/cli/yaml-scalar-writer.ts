/**
 * How libyaml (through which the AWS CLI's ruamel.yaml safe dumper writes) emits one scalar in each quoting style:
 * escapes, and long lines folded at the first single space once the line holds more than 80 characters (best_width),
 * the scalar going on indented two columns past its key. yaml-folding.ts decides which scalar gets which style.
 */

export const BEST_WIDTH = 80;

export function foldPlain(text: string, column: number, indent: number): string {
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

/**
 * libyaml's yaml_emitter_write_single_quoted: `''` for a quote; a long line broken at a single space (not the first
 * or last character); a line break written as a blank line (a run of n breaks as n + 1 newlines), the text going on
 * at the continuation indent.
 */
export function foldSingleQuoted(text: string, column: number, indent: number): string {
  const chars = [...text];
  let out = "'";
  let col = column + 1;
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      if (!spaces && col > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
      } else {
        out += ' ';
        col += 1;
      }
      spaces = true;
    } else if (LINE_BREAKS.includes(ch)) {
      if (!breaks && ch === '\n') out += '\n';
      out += ch;
      col = 0;
      breaks = true;
    } else {
      if (breaks) {
        out += ' '.repeat(indent);
        col = indent;
      }
      out += ch === "'" ? "''" : ch;
      col += ch === "'" ? 2 : 1;
      spaces = false;
      breaks = false;
    }
  }
  if (breaks) out += ' '.repeat(indent);
  return `${out}'`;
}

const LINE_BREAKS = '\n\x85\u2028\u2029';

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
export function hasSpecialCharacter(value: string): boolean {
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
export function foldDoubleQuoted(text: string, column: number, indent: number): string {
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

/** A value with a line break or a space beside one is double-quoted by libyaml (its space_break and break_space). */
export function multiLineStyle(value: string): 'single' | 'double' {
  return hasSpecialCharacter(value) || /[ ][\n\x85\u2028\u2029]|[\n\x85\u2028\u2029][ ]/.test(value) ? 'double' : 'single';
}
