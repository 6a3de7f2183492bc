import { runInNewContext } from 'node:vm';
import { escapeNonAscii } from '../../../src/deploy/ascii-source';

describe('the deploy bundle is written in ASCII, so V8 holds its source at one byte a character', () => {
  it('leaves ASCII alone and escapes every other character as \\uXXXX', () => {
    expect(escapeNonAscii('const a = 1; // plain')).toBe('const a = 1; // plain');
    expect(escapeNonAscii('/–/')).toBe('/\\u2013/');
    // An emoji is two UTF-16 code units, each escaped: together they are the same character again.
    expect(escapeNonAscii('café ０１ — 😀')).toBe('caf\\u00e9 \\uff10\\uff11 \\u2014 \\ud83d\\ude00');
  });

  it('means the same in strings, regular expressions (with and without the u flag), raw regex sources and comments', () => {
    const program = [
      "const dash = '–';",
      'const digits = "０１２".replace(/０/g, "0").replace(/[１２]/g, "x");',
      "const emoji = /😀/u.test('a😀b') && /😀/.test('😀');",
      "const raw = new RegExp(String.raw`[’']s$`).test('Pat’s');",
      '// a comment — with a dash',
      '({ dash, digits, emoji, raw })',
    ].join('\n');
    expect(runInNewContext(escapeNonAscii(program))).toEqual(runInNewContext(program));
    expect(runInNewContext(program)).toEqual({ dash: '–', digits: '0xx', emoji: true, raw: true });
  });
});
