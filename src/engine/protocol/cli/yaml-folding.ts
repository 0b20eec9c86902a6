import { BEST_WIDTH, foldDoubleQuoted, foldPlain, foldSingleQuoted, hasSpecialCharacter, multiLineStyle } from './yaml-scalar-writer.ts';

/**
 * ruamel.yaml, which the AWS CLI's YAML output uses (its safe dumper emits through libyaml), folds long scalars: at
 * the first single space met once the line already holds more than 80 characters (best_width), the space becomes a
 * line break and the scalar goes on indented two columns past the key (or the `- ` of a sequence item). The `yaml`
 * package folds by another rule (never past the width), so the terminal prints unfolded YAML and folds it here, line
 * by line, with libyaml's rule (yaml_emitter_write_plain, _single_quoted, _double_quoted). It also picks the quoting
 * style where the two disagree, and rewrites values with line breaks (which the `yaml` package spreads over several
 * lines) as libyaml does.
 */

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

/**
 * The value of a single-quoted scalar the `yaml` package spread over several lines (a value with line breaks), by
 * YAML's flow folding: a line break between two lines is a space, each empty line between them a newline, the
 * continuation lines' indentation is not content.
 */
function decodeMultiLineSingleQuoted(lines: string[]): string {
  const inner = lines.join('\n').slice(1, -1);
  const parts = inner.split('\n').map((part, i, all) => {
    const trimmedStart = i === 0 ? part : part.replace(/^[ \t]+/, '');
    return i === all.length - 1 ? trimmedStart : trimmedStart.replace(/[ \t]+$/, '');
  });
  let value = parts[0]!;
  let empty = 0;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' && i < parts.length - 1) {
      empty++;
      continue;
    }
    value += empty > 0 ? '\n'.repeat(empty) : ' ';
    value += part;
    empty = 0;
  }
  return value.replaceAll("''", "'");
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
  else if (style === 'double') style = multiLineStyle(value);
  if (style === 'double') return head + foldDoubleQuoted(value, site.start, site.indent);
  if (line.length <= BEST_WIDTH && style === (scalar.startsWith("'") ? 'single' : 'plain')) return line;
  return head + (style === 'single' ? foldSingleQuoted(value, site.start, site.indent) : foldPlain(value, site.start, site.indent));
}

/** Whether `line` ends a quoted scalar: its last character is the quote, not escaped. */
function closesQuote(line: string, quote: "'" | '"'): boolean {
  if (!line.endsWith(quote)) return false;
  const body = line.slice(0, -1);
  if (quote === "'") return /(^|[^'])('')*$/.test(body);
  return /(^|[^\\])(\\\\)*$/.test(body);
}

/** Whether a quoted scalar that starts a line also ends on it. */
function closedOnItsLine(scalar: string, quote: "'" | '"'): boolean {
  if (quote === "'") return singleQuotedEnd(scalar, 0) === scalar.length;
  for (let i = 1; i < scalar.length; i++) {
    if (scalar[i] === '\\') i++;
    else if (scalar[i] === '"') return i === scalar.length - 1;
  }
  return false;
}

/**
 * A double-quoted scalar the `yaml` package spread over several lines, brought back to one line of the same escapes
 * (YAML's flow folding: a break is a space, each empty line a `\n`, a line ending in `\` joins the next as it is),
 * then decoded.
 */
function decodeMultiLineDoubleQuoted(lines: string[]): string | undefined {
  const parts = lines.join('\n').slice(1, -1).split('\n');
  let joined = '';
  let empty = 0;
  let glue: 'fold' | 'join' | 'none' = 'none';
  for (let i = 0; i < parts.length; i++) {
    let part = i === 0 ? parts[i]! : parts[i]!.replace(/^[ \t]+/, '');
    let next: 'fold' | 'join' = 'fold';
    if (i < parts.length - 1) {
      const backslashes = /\\*$/.exec(part)![0].length;
      if (backslashes % 2 === 1) {
        part = part.slice(0, -1);
        next = 'join';
      } else {
        const trimmed = part.replace(/[ \t]+$/, '');
        part = /\\*$/.exec(trimmed)![0].length % 2 === 1 ? `${trimmed} ` : trimmed;
      }
    }
    if (part === '' && i > 0 && i < parts.length - 1 && glue === 'fold') {
      empty++;
      continue;
    }
    if (glue === 'fold') joined += empty > 0 ? '\\n'.repeat(empty) : ' ';
    joined += part;
    empty = 0;
    glue = next;
  }
  return decodeDoubleQuoted(`"${joined}"`);
}

export function foldYaml(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const site = scalarSite(line);
    const scalar = site ? line.slice(site.start) : '';
    const quote = scalar[0] === "'" || scalar[0] === '"' ? scalar[0] : undefined;
    if (!site || !quote || closedOnItsLine(scalar, quote)) {
      out.push(foldLine(line));
      continue;
    }
    // A quoted value spread over lines (it has line breaks): gather it to its closing quote, write it as libyaml would.
    let end = i + 1;
    while (end < lines.length && !closesQuote(lines[end]!, quote)) end++;
    const gathered = [scalar, ...lines.slice(i + 1, end + 1)];
    const value = end >= lines.length ? undefined : quote === "'" ? decodeMultiLineSingleQuoted(gathered) : decodeMultiLineDoubleQuoted(gathered);
    if (value === undefined) {
      out.push(line);
      continue;
    }
    const head = line.slice(0, site.start);
    out.push(head + (multiLineStyle(value) === 'double' ? foldDoubleQuoted(value, site.start, site.indent) : foldSingleQuoted(value, site.start, site.indent)));
    i = end;
  }
  return out.join('\n');
}
