/**
 * Positions in a policy's JSON text. Every finding and every trace entry points at one, so the editor can
 * place a marker and the explanation can highlight the deciding statement.
 */

/** A span of the source text. Lines and columns are 1-based (as Monaco and humans count); offset is 0-based. */
export interface SourceRange {
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Converts offsets to lines and columns for one text; built once per parse. */
export class LineIndex {
  private readonly lineStarts: number[];
  private readonly textLength: number;

  constructor(text: string) {
    this.textLength = text.length;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // CR LF counts as one line break; a lone CR too (jsonc-parser's scanner does the same).
      if (ch === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (ch === 10 || ch === 13) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  range(offset: number, length: number): SourceRange {
    const start = Math.max(0, Math.min(offset, this.textLength));
    const safeLength = Math.max(0, Math.min(length, this.textLength - start));
    const begin = this.position(start);
    const end = this.position(start + safeLength);
    return { offset: start, length: safeLength, line: begin.line, column: begin.column, endLine: end.line, endColumn: end.column };
  }
}
