import { prepareForScreening } from '../../../../src/domain/privacy/screening-text';

describe('prepareForScreening', () => {
  it('leaves plain ASCII exactly as typed', () => {
    const text = 'Action 3.1: 12 WRAP sessions, call 0800 789 321.';
    expect(prepareForScreening(text).text).toBe(text);
  });

  it.each([
    ['full-width digits, letters and @', 'ＡＢ１２ jane＠example．org', 'AB12 jane@example.org'],
    ['zero-width characters, word joiner, byte-order mark and soft hyphen', '077\u200b00\u200c9\u200d00\u2060123\ufeff\u00ad', '07700900123'],
    ['direction marks, embeddings, overrides and isolates', '\u200e\u200f\u202a\u202b\u202c\u202d\u202eab\u2066\u2067\u2068\u2069', 'ab'],
    ['no-break, narrow, ideographic and other Unicode spaces', '1\u00a02\u202f3\u30004\u20095\u20076', '1 2 3 4 5 6'],
    ['dash look-alikes', '1\u20102\u20113\u20134\u22125\uff0d6', '1-2-3-4-5-6'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\nc'],
  ])('folds %s', (_what, typed, folded) => {
    expect(prepareForScreening(typed).text).toBe(folded);
  });

  describe('maps folded spans back to the text as typed', () => {
    function original(typed: string, folded: string): string {
      const screening = prepareForScreening(typed);
      const start = screening.text.indexOf(folded);
      expect(start).toBeGreaterThanOrEqual(0);
      const span = screening.originalSpan(start, start + folded.length);
      return typed.slice(span.start, span.end);
    }

    it('across characters that were dropped', () => {
      expect(original('ring 077\u200b00 900\u2060123 now', '07700 900123')).toBe('077\u200b00 900\u2060123');
    });

    it('across characters outside the Basic Multilingual Plane', () => {
      expect(original('🙂🙂 ０７７００ ９００１２３ 🙂', '07700 900123')).toBe('０７７００ ９００１２３');
    });

    it('to the whole character when one character folds to several', () => {
      expect(original('½ day', '1⁄2')).toBe('½');
      expect(original('½ day', '2')).toBe('½');
    });

    it('keeping combining marks with the character they belong to', () => {
      const typed = 'Jose\u0301 Smith';
      expect(original(typed, 'José')).toBe('Jose\u0301');
    });
  });

  it('copes with lone surrogates and a leading combining mark', () => {
    const typed = '\u0301\ud800 07700 900123 \udc00';
    const screening = prepareForScreening(typed);
    const start = screening.text.indexOf('07700');
    const span = screening.originalSpan(start, start + 12);
    expect(typed.slice(span.start, span.end)).toBe('07700 900123');
  });
});
