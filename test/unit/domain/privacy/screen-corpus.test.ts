import fc from 'fast-check';
import { findPersonalData } from '../../../../src/domain/privacy/personal-data-guard';
import { screenFor, screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { CATCH_FOR_PARTNERSHIP, MUST_CATCH, MUST_PASS, PARTNER_NAMES, PASS_FOR_PARTNERSHIP } from './screen-corpus';

/** Each finding as its kind and the characters it covers in the text as typed. */
function pieces(text: string, knownNames?: readonly string[]): string[] {
  return findPersonalData(text, { knownNames }).map((f) => `${f.kind}: ${text.slice(f.start, f.end)}`);
}

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202e', '\u202c', '\u2066', '\u2069', '\u00ad'];

describe('the privacy screen corpus: must catch', () => {
  it.each(MUST_CATCH)('finds $kind in $text', ({ text, kind, piece }) => {
    expect(pieces(text)).toContain(`${kind}: ${piece}`);
  });

  it('still finds each of them with invisible characters sprinkled between any characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MUST_CATCH), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { maxLength: 6 }), ({ text, kind }, insertions) => {
        let disguised = text;
        for (const [at, invisible] of insertions) {
          const position = at % (disguised.length + 1);
          // Between UTF-16 halves of one character would break it, not disguise it.
          if (/[\udc00-\udfff]/.test(disguised[position] ?? '')) continue;
          disguised = disguised.slice(0, position) + invisible + disguised.slice(position);
        }
        expect(findPersonalData(disguised).map((f) => f.kind)).toContain(kind);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe('the privacy screen corpus: must pass', () => {
  it.each(MUST_PASS)('lets %j through', (text) => {
    expect(pieces(text)).toEqual([]);
  });
});

describe("a screen that knows the partnership's own names", () => {
  it.each(PASS_FOR_PARTNERSHIP)('is needed for %j, which a screen without them flags', (text) => {
    expect(pieces(text)).not.toEqual([]);
  });

  it.each(PASS_FOR_PARTNERSHIP)('lets %j through once the partners are known', (text) => {
    expect(pieces(text, PARTNER_NAMES)).toEqual([]);
    expect(screenFor({ knownNames: PARTNER_NAMES })(text)).toEqual([]);
  });

  it.each(CATCH_FOR_PARTNERSHIP)('still finds $kind in $text', ({ text, kind, piece }) => {
    expect(pieces(text, PARTNER_NAMES)).toContain(`${kind}: ${piece}`);
  });

  it('matches the names whatever their case, spacing or apostrophe', () => {
    expect(pieces('Meeting at GEORGE  ELIOT hospital, Nuneaton CV10 7DJ', PARTNER_NAMES)).toEqual([]);
    expect(pieces('Mary Ann Evans Hospice, CV10 7QN', ['Mary Ann Evans Hospice'])).toEqual([]);
    expect(pieces('the boy in year 9 at St Mary’s Academy', PARTNER_NAMES)).toEqual(['child-at-school: boy in year 9 at St Mary’s Academy']);
  });

  it('only excuses the words of the name, not a person named beside it', () => {
    expect(pieces('Jane Smith George Eliot Hospital CV10 7DJ', PARTNER_NAMES)).toEqual(['postcode-with-name: CV10 7DJ']);
  });

  it("ignores a known name that could only be a person's, so an alias cannot excuse someone", () => {
    expect(pieces('Kate Harris, CV34 4RL', ['Kate Harris', 'Mrs Khan Ltd'])).toEqual(['postcode-with-name: CV34 4RL']);
    expect(pieces('Mrs Khan Ltd, CV34 4RL', ['Mrs Khan Ltd'])).toEqual(['postcode-with-name: CV34 4RL']);
  });

  it('treats regular-expression characters in a name as plain text', () => {
    expect(pieces('Prevent (Rugby) Ltd. 10 Evreux Way', ['Prevent (Rugby) Ltd.'])).toEqual([]);
    expect(pieces('Jane Smith, CV10 7DJ', ['.*', '(', 'a|b'])).toEqual(['postcode-with-name: CV10 7DJ']);
  });
});

describe('screenForPersonalData', () => {
  it('still takes the text alone, for callers that do not know the partnership', () => {
    expect(screenForPersonalData('Channel case ref CH-2024-0173')).toEqual(['It looks like it contains a Prevent or Channel case reference. Please remove it.']);
  });
});

describe("the partnership's own names", () => {
  // The action update service screens without them first and reads them only when something was
  // found, which is sound only while knowing names can excuse text but never add a finding.
  it.each([...MUST_CATCH.map((c) => c.text), ...MUST_PASS, ...PASS_FOR_PARTNERSHIP, ...CATCH_FOR_PARTNERSHIP.map((c) => c.text)])(
    'only ever excuse text, never find more, in %j',
    (text) => {
      const without = pieces(text);
      for (const piece of pieces(text, PARTNER_NAMES)) expect(without).toContain(piece);
    },
  );
});
