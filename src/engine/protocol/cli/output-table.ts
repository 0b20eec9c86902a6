import type { Json } from './output-formats.ts';

/**
 * `--output table`, ported from awscli/formatter.py (TableFormatter) and awscli/table.py (MultiTable, Section):
 * sections with centred titles, a header row of the scalar keys, nested structures as indented sub-tables, scaled
 * column widths, and a switch to a vertical layout when the table is wider than the terminal. Plain (no colour),
 * as the CLI prints when its output is not a terminal.
 */

/** East Asian wide and fullwidth characters take two cells (unicodedata.east_asian_width in 'WFA', approximated). */
function textLength(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    length += wide ? 2 : 1;
  }
  return length;
}

/** Python 3's round(): halves go to the even neighbour. */
function pythonRound(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function pythonStr(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function centerText(text: string, length: number, leftEdge = '|', rightEdge = '|'): string {
  const textLen = textLength(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const start = leftEdge + ' '.repeat(Math.max(0, charStart)) + text;
  const soFar = textLength(leftEdge) + charStart + textLen;
  return start + ' '.repeat(Math.max(0, length - textLength(rightEdge) - soFar)) + rightEdge;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text);
  const padding = length - (textLen + 2 + leftEdge.length + rightEdge.length) >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLen;
  return leftEdge + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - soFar - rightEdge.length)) + rightEdge;
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private columns: number | undefined;
  private maxWidths: number[] = [];

  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((width) => width + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((width) => pythonRound(scale * width));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i]!--;
          offBy--;
        } else {
          scaled[i]!++;
          offBy++;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const total = this.columnWidths().reduce((sum, width) => sum + width + padding, 0) + 2 + 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }

  addHeader(headers: string[]): void {
    this.updateWidths(headers);
    this.columns ??= headers.length;
    this.headers = headers;
  }

  addRow(row: Json[]): void {
    this.columns ??= row.length;
    const cells = row.map(pythonStr);
    this.rows.push(cells);
    this.updateWidths(cells);
  }

  private updateWidths(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else row.forEach((cell, i) => (this.maxWidths[i] = Math.max(textLength(cell), this.maxWidths[i] ?? 0)));
  }
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | undefined;

  constructor(private readonly terminalWidth: number) {}

  newSection(title: string, indentLevel = 0): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  addHeader(headers: string[]): void {
    this.current!.addHeader(headers);
  }

  addRow(row: Json[]): void {
    this.current!.addRow(row);
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > this.terminalWidth) {
      // Too wide for the terminal: every one-row section with headers becomes header/value pairs.
      this.sections = this.sections.map((section) => {
        if (section.rows.length !== 1 || section.headers.length === 0) return section;
        const vertical = new Section();
        vertical.title = section.title;
        vertical.indentLevel = section.indentLevel;
        section.headers.forEach((header, i) => vertical.addRow([header, section.rows[0]![i] ?? '']));
        return vertical;
      });
      maxWidth = this.maxWidth();
    }
    const out: string[] = [`${'-'.repeat(maxWidth)}\n`];
    for (const section of this.sections) this.renderSection(section, maxWidth, out);
    return out.join('');
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((section) => section.totalWidth(4, section.indentLevel)));
  }

  private renderSection(section: Section, tableWidth: number, out: string[]): void {
    const indent = '|'.repeat(section.indentLevel);
    const write = (line: string) => out.push(`${indent}${line}${indent}\n`);
    const maxWidth = tableWidth - section.indentLevel * 2;
    if (section.title) {
      write(centerText(section.title, maxWidth));
      if (section.headers.length === 0 && section.rows.length === 0) write(`+${'-'.repeat(maxWidth - 2)}+`);
    }
    const widths = section.columnWidths(4, maxWidth);
    const lineBreak = () => write(widths.map((width, i) => (i === 0 ? `+${'-'.repeat(width - 2)}+` : `${'-'.repeat(width - 1)}+`)).join(''));
    if (section.headers.length > 0) {
      lineBreak();
      write(section.headers.map((header, i) => centerText(header, widths[i]!, i === 0 ? '|' : '', '|')).join(''));
    }
    if (section.rows.length === 0 || widths.length === 0) return;
    lineBreak();
    for (const row of section.rows) write(row.map((cell, i) => alignLeft(cell, widths[i]!, i === 0 ? '|' : '', '|')).join(''));
    lineBreak();
  }
}

function isScalar(value: Json | undefined): boolean {
  return typeof value !== 'object' || value === null;
}

function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function groupScalarKeys(current: { [key: string]: Json }): [string[], string[]] {
  const keys = Object.keys(current);
  return [sortedKeys(keys.filter((key) => isScalar(current[key]))), sortedKeys(keys.filter((key) => !isScalar(current[key])))];
}

function build(table: MultiTable, title: string | undefined, current: Json, indentLevel = 0): boolean {
  if (!current || (Array.isArray(current) && current.length === 0) || (typeof current === 'object' && Object.keys(current).length === 0)) return false;
  if (title !== undefined) table.newSection(title, indentLevel);
  if (Array.isArray(current)) {
    if (typeof current[0] === 'object' && current[0] !== null && !Array.isArray(current[0])) {
      buildFromList(table, current as { [key: string]: Json }[], indentLevel, title);
    } else {
      for (const item of current) {
        if (isScalar(item)) table.addRow([item]);
        else if (Array.isArray(item) && item.every(isScalar)) table.addRow(item);
        else build(table, undefined, item);
      }
    }
  } else if (typeof current === 'object') {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) table.addRow([headers[0]!, current[headers[0]!]!]);
    else if (headers.length > 0) {
      table.addHeader(headers);
      table.addRow(headers.map((key) => current[key]!));
    }
    for (const key of more) build(table, key, current[key]!, indentLevel + 1);
  }
  return true;
}

function buildFromList(table: MultiTable, current: { [key: string]: Json }[], indentLevel: number, title: string | undefined): void {
  const headers = new Set<string>();
  const more = new Set<string>();
  for (const item of current) {
    const [h, m] = groupScalarKeys(item);
    h.forEach((key) => headers.add(key));
    m.forEach((key) => more.add(key));
  }
  const headerList = sortedKeys(headers);
  const moreList = sortedKeys(more);
  table.addHeader(headerList);
  current.forEach((element, index) => {
    if (index > 0 && moreList.length > 0) {
      table.newSection(title ?? '', indentLevel);
      table.addHeader(headerList);
    }
    table.addRow(headerList.map((key) => element[key] ?? ''));
    for (const key of moreList) if (key in element) build(table, key, element[key]!, indentLevel + 1);
  });
}

/** The table for one response; `title` is the operation name, `width` the terminal's (the CLI uses 80 off a TTY). */
export function formatTable(title: string, value: Json, width = 80): string {
  const table = new MultiTable(width);
  return build(table, title, value) ? table.render() : '';
}
