import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShorthand, ShorthandParseError } from '../../../../../src/engine/protocol/cli/index.ts';

// Cases from the AWS CLI's shorthand documentation and awscli/shorthand.py's own docstrings.
describe('parseShorthand', () => {
  it('reads key=value pairs', () => {
    expect(parseShorthand('Key=team,Value=payments')).toEqual({ Key: 'team', Value: 'payments' });
  });

  it('reads a comma list as a list, and backtracks when the next item is a key', () => {
    expect(parseShorthand('a=b,c')).toEqual({ a: ['b', 'c'] });
    expect(parseShorthand('foo=a,b,c=d,e=f')).toEqual({ foo: ['a', 'b'], c: 'd', e: 'f' });
  });

  it('reads explicit lists and hashes, nested', () => {
    expect(parseShorthand('Key=name,Values=[prod/app,dev/app]')).toEqual({ Key: 'name', Values: ['prod/app', 'dev/app'] });
    expect(parseShorthand('a={b=c,d=[e,f]}')).toEqual({ a: { b: 'c', d: ['e', 'f'] } });
  });

  it('keeps quoted values whole and unescapes them', () => {
    expect(parseShorthand(`a='x,y',b="p\\"q"`)).toEqual({ a: 'x,y', b: 'p"q' });
    expect(parseShorthand('a=x\\,y')).toEqual({ a: 'x,y' });
  });

  it('an empty value is an empty string', () => {
    expect(parseShorthand('Key=a,Value=')).toEqual({ Key: 'a', Value: '' });
  });

  it('points at the character it could not parse, as the CLI does', () => {
    expect(() => parseShorthand('Key')).toThrow(new ShorthandParseError("Expected: '=', received: 'EOF' for input:\nKey\n   ^"));
    expect(() => parseShorthand('a=b,a=c')).toThrow(/Second instance of key "a" encountered for input:\na=b,a=c\n {4}\^\nThis is often because/);
  });

  it('round-trips any plain key and value', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_./:-]{1,12}$/);
    fc.assert(
      fc.property(word, word, (key, value) => {
        expect(parseShorthand(`Key=${key},Value=${value}`)).toEqual({ Key: key, Value: value });
      }),
    );
  });
});
