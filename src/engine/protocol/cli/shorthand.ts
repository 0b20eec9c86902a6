/**
 * The AWS CLI's shorthand syntax (`Key=team,Value=payments`, `a=[x,y]`, `a={b=c}`), ported from awscli/shorthand.py
 * so values parse, and fail, as on the real CLI. The parser knows nothing of the model: `a=b,c` is `{a: ['b', 'c']}`;
 * the caller coerces the result to the member's shape afterwards (as the CLI's BackCompatVisitor does).
 */

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandParseError extends Error {}

const START_WORD = '!#-&(-+\\--<>-Z\\\\-z\\u007c-\\uffff';
const FIRST_FOLLOW = '\\s!#-&(-+\\--\\\\^-|~-\\uffff';
const SECOND_FOLLOW = '\\s!#-&(-+\\--<>-\\uffff';
const ESCAPED_COMMA = '(\\\\,)';
const FIRST_VALUE = new RegExp(`^(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${FIRST_FOLLOW}])*`, 'u');
const SECOND_VALUE = new RegExp(`^(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${SECOND_FOLLOW}])*`, 'u');
const SINGLE_QUOTED = /^'(?:\\\\|\\'|[^'])*'/;
const DOUBLE_QUOTED = /^"(?:\\\\|\\"|[^"])*"/;
const KEY_CHARS = /[a-zA-Z0-9\-_.#/:]/;
// Python's string.whitespace: space, tab, newline, carriage return, vertical tab, form feed.
const WHITESPACE = /[ \t\n\r\v\f]/;
const EOF = '';

class SyntaxError_ extends ShorthandParseError {
  constructor(input: string, expected: string, actual: string, index: number) {
    super(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(input, index)}`);
  }
}

/** The CLI points at the failing character: the input up to its line's end, a caret under the index, the rest. */
function errorLocation(input: string, index: number): string {
  const lastNewline = input.slice(0, index).lastIndexOf('\n');
  const spaces = lastNewline === -1 ? index : index - lastNewline - 1;
  const nextNewline = input.indexOf('\n', index);
  const consumed = nextNewline === -1 ? input : input.slice(0, nextNewline);
  const remaining = nextNewline === -1 ? '' : input.slice(nextNewline);
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

export function parseShorthand(input: string): Record<string, ShorthandValue> {
  let index = 0;

  const current = (): string => (index < input.length ? input[index]! : EOF);
  const atEof = (): boolean => index >= input.length;
  const consumeWhitespace = (): void => {
    while (current() !== EOF && WHITESPACE.test(current())) index++;
  };
  const expect = (char: string, whitespace = false): void => {
    if (whitespace) consumeWhitespace();
    if (index >= input.length) throw new SyntaxError_(input, char, 'EOF', index);
    const actual = input[index]!;
    if (actual !== char) throw new SyntaxError_(input, char, actual, index);
    index++;
    if (whitespace) consumeWhitespace();
  };
  const mustConsume = (regex: RegExp, name: string): string => {
    const match = regex.exec(input.slice(index));
    if (!match) throw new SyntaxError_(input, `<${name}>`, '<none>', index);
    index += match[0].length;
    return match[0];
  };
  const quoted = (regex: RegExp, name: string, escaped: string): string =>
    mustConsume(regex, name).slice(1, -1).replaceAll(`\\${escaped}`, escaped).replaceAll('\\\\', '\\');
  const key = (): string => {
    const start = index;
    while (!atEof() && KEY_CHARS.test(current())) index++;
    return input.slice(start, index);
  };
  const value = (): string => {
    const match = FIRST_VALUE.exec(input.slice(index));
    if (!match) return '';
    index += match[0].length;
    return match[0].replaceAll('\\,', ',').trimEnd();
  };
  const firstValue = (): string => {
    if (current() === "'") return quoted(SINGLE_QUOTED, 'singled quoted', "'");
    if (current() === '"') return quoted(DOUBLE_QUOTED, 'double quoted', '"');
    return value();
  };
  const secondValue = (): string => {
    if (current() === "'") return quoted(SINGLE_QUOTED, 'singled quoted', "'");
    if (current() === '"') return quoted(DOUBLE_QUOTED, 'double quoted', '"');
    return mustConsume(SECOND_VALUE, 'second').replaceAll('\\,', ',').trimEnd();
  };
  const backtrackTo = (char: string): void => {
    while (index >= 0 && input[index] !== char) index--;
  };

  const csvValue = (): ShorthandValue => {
    const first = firstValue();
    consumeWhitespace();
    if (atEof() || input[index] !== ',') return first;
    expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const next = secondValue();
        consumeWhitespace();
        if (atEof()) {
          list.push(next);
          break;
        }
        expect(',', true);
        list.push(next);
      } catch (error) {
        // `a=b,c=d`: what looked like a second value was the next key; step back to its comma.
        if (!(error instanceof SyntaxError_) || atEof()) throw error;
        backtrackTo(',');
        break;
      }
    }
    return list.length === 1 ? first : list;
  };
  const explicitValues = (): ShorthandValue => {
    if (current() === '[') return explicitList();
    if (current() === '{') return hashLiteral();
    return firstValue();
  };
  const explicitList = (): ShorthandValue[] => {
    expect('[', true);
    const values: ShorthandValue[] = [];
    while (current() !== ']') {
      values.push(explicitValues());
      consumeWhitespace();
      if (current() !== ']') {
        expect(',');
        consumeWhitespace();
      }
    }
    expect(']');
    return values;
  };
  const hashLiteral = (): Record<string, ShorthandValue> => {
    expect('{', true);
    const entries: Record<string, ShorthandValue> = {};
    while (current() !== '}') {
      const name = key();
      expect('=', true);
      const item = explicitValues();
      consumeWhitespace();
      if (current() !== '}') {
        expect(',');
        consumeWhitespace();
      }
      entries[name] = item;
    }
    expect('}');
    return entries;
  };
  const values = (): ShorthandValue => {
    if (atEof()) return '';
    if (current() === '[') return explicitList();
    if (current() === '{') return hashLiteral();
    return csvValue();
  };
  const keyval = (): [string, ShorthandValue] => {
    const name = key();
    expect('=', true);
    return [name, values()];
  };

  const params: Record<string, ShorthandValue> = {};
  const [firstKey, firstVal] = keyval();
  params[firstKey] = firstVal;
  let lastIndex = index;
  while (index < input.length) {
    expect(',', true);
    const [name, item] = keyval();
    if (Object.hasOwn(params, name)) {
      throw new ShorthandParseError(
        `Second instance of key "${name}" encountered for input:\n${errorLocation(input, lastIndex + 1)}\nThis is often because there is a preceding "," instead of a space.`,
      );
    }
    params[name] = item;
    lastIndex = index;
  }
  return params;
}
