import fc from 'fast-check';
import { escapeMarkdown, truncate } from '../../../src/cards/markdown';
import { hostileString } from '../../support/hostile-input';

const RUNS = 500;
/** The characters Teams' Markdown (and its HTML subset) gives a meaning to, as escapeMarkdown lists them. */
const SPECIAL = '\\\\`*_{}\\[\\]()#+\\-.!|<>~';
/** Every special character is preceded by a backslash; no other backslash appears. */
const FULLY_ESCAPED = new RegExp(`^(?:\\\\[${SPECIAL}]|[^${SPECIAL}])*$`, 'su');

const text = fc.oneof(hostileString, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

describe('Markdown escaping of user text', () => {
  it('leaves no special character unescaped, so no link, emphasis, heading, list or HTML can form', () => {
    fc.assert(
      fc.property(text, (input) => expect(FULLY_ESCAPED.test(escapeMarkdown(input))).toBe(true)),
      { numRuns: RUNS },
    );
  });

  it('loses nothing: removing the escapes gives back exactly what was typed', () => {
    fc.assert(
      fc.property(text, (input) => expect(escapeMarkdown(input).replace(/\\(.)/gsu, '$1')).toBe(input)),
      { numRuns: RUNS },
    );
  });

  it('changes nothing in text without special characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,:;'"?]*$/), (input) => expect(escapeMarkdown(input)).toBe(input)),
      { numRuns: RUNS },
    );
  });
});

describe('truncating user text', () => {
  it('keeps at most the number of characters asked for and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 200 }), (input, max) => {
        const short = truncate(input, max);
        expect(Array.from(short).length).toBeLessThanOrEqual(Math.max(max, Math.min(Array.from(input).length, max)));
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(short.replace(/…$/u, '')) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(input)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps text that already fits unchanged', () => {
    fc.assert(
      fc.property(text, (input) => expect(truncate(input, Array.from(input).length + 1)).toBe(input)),
      { numRuns: RUNS },
    );
  });
});
