import fc from 'fast-check';
import { INTENT_CATALOGUE, type IntentDefinition, type IntentPattern } from '../../../src/domain/intents/intent-catalogue';
import { matchIntent, MAX_WORDS } from '../../../src/domain/intents/intent-matcher';
import { hostileString } from '../../support/hostile-input';

const RUNS = 300;
const KNOWN = new Set<string>([...INTENT_CATALOGUE.map((d) => d.id), 'unknown']);

/** Anything someone might type or paste: hostile snippets, random unicode, and catalogue words among them. */
const CATALOGUE_WORDS = [...new Set(INTENT_CATALOGUE.flatMap((d) => d.patterns.flatMap((p) => p.slots.flat())))];
const message = fc.oneof(
  hostileString,
  fc.array(fc.oneof(fc.constantFrom(...CATALOGUE_WORDS), hostileString), { maxLength: 60 }).map((words) => words.join(' ')),
);

/** A slot that counts how many words it is compared with, so the matcher's work can be bounded. */
class CountingSlot extends Array<string> {
  static compared = 0;
  override some(predicate: (value: string, index: number, array: string[]) => unknown): boolean {
    CountingSlot.compared += this.length;
    return super.some(predicate);
  }
}

function counting(catalogue: readonly IntentDefinition[]): IntentDefinition[] {
  return catalogue.map((definition) => ({
    ...definition,
    patterns: definition.patterns.map((pattern): IntentPattern => ({ ...pattern, slots: pattern.slots.map((slot) => CountingSlot.from(slot) as CountingSlot) })),
  }));
}

describe('the intent matcher on arbitrary and hostile text', () => {
  it('never throws and answers a known intent or unknown', () => {
    fc.assert(
      fc.property(message, (text) => {
        const match = matchIntent(text);
        expect(KNOWN.has(match.intent)).toBe(true);
        if (match.intent !== 'unknown') expect(match.score).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('reads "%s", a name Object already has, as a plain word', (word) => {
    expect(matchIntent(`${word} training`)).toMatchObject({ intent: 'training' });
  });

  it('gives the same answer every time for the same text', () => {
    fc.assert(fc.property(message, (text) => expect(matchIntent(text)).toEqual(matchIntent(text))), { numRuns: RUNS });
  });

  it(`reads only the first ${MAX_WORDS} words, so whatever follows a long message cannot change the answer`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CATALOGUE_WORDS), { minLength: MAX_WORDS, maxLength: MAX_WORDS }), message, (words, tail) => {
        const start = words.join(' ');
        expect(matchIntent(`${start} ${tail}`)).toEqual(matchIntent(start));
      }),
      { numRuns: RUNS },
    );
  });

  it(`compares at most ${MAX_WORDS} words with each word of each pattern, however long the text`, () => {
    const catalogue = counting(INTENT_CATALOGUE);
    const patternWords = catalogue.flatMap((d) => d.patterns.flatMap((p) => p.slots)).reduce((sum, slot) => sum + slot.length, 0);
    fc.assert(
      fc.property(message, (text) => {
        CountingSlot.compared = 0;
        const match = matchIntent(text, catalogue);
        expect(match).toEqual(matchIntent(text));
        expect(CountingSlot.compared).toBeLessThanOrEqual(MAX_WORDS * patternWords);
      }),
      { numRuns: RUNS },
    );
  });
});
