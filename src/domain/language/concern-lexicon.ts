import { z } from 'zod';
import { editDistance } from './edit-distance';
import { normalise } from './normalise';

/**
 * The safety net under the classifier: words and phrases that describe a possible risk to a person.
 * It is not statistical and does not learn: a message with any of them gets the referral pathway
 * first, whatever else it asks. False alarms cost one extra card; a miss could cost a life, so
 * the net is wide and the exceptions are narrow phrases.
 */

const categorySchema = z.object({
  terms: z.array(z.string().min(1)),
  phrases: z.array(z.string().min(1)),
});

const nearSchema = z.object({
  about: z.string(),
  first: z.array(z.string().min(1)).min(1),
  second: z.array(z.string().min(1)).min(1),
  within: z.number().int().min(1).max(10),
});

export const concernLexiconSchema = z.object({
  about: z.string(),
  categories: z.record(categorySchema),
  near: z.array(nearSchema),
  notConcerns: z.array(z.string().min(1)),
  ordinaryWords: z.array(z.string().min(1)),
});

export type ConcernLexiconData = z.infer<typeof concernLexiconSchema>;

export interface ConcernHit {
  /** Which kind of concern the message names (for tests and evaluation; never logged with the text). */
  readonly category: string;
}

/** Digits and symbols people put in a word to get it past a filter: "b0mb", "k1ll", "n@zi". */
const LOOKALIKES: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Cyrillic and Greek letters that look Latin ("bоmb" with a Cyrillic о). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

function undisguise(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/g, (c) => CONFUSABLES[c] ?? c)
      .replace(/\S+/g, (word) => (/[a-z]/.test(word) && /[0-9@$]/.test(word) ? word.replace(/[0-9@$]/g, (c) => LOOKALIKES[c] ?? c) : word))
      // Letters spaced out or dotted to get past a filter: "b o m b", "k.i.l.l".
      .replace(/\b[a-z](?:[\s.\-_*]+[a-z]\b){2,}/g, (run) => run.replace(/[\s.\-_*]+/g, ''))
  );
}

/** The forms a word takes in a sentence: bomb, bombs, bombed, bombing, bomber; stab, stabbing; radicalise, radicalising. */
function inflections(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`, `${word}er`, `${word}ers`];
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`);
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) {
    const doubled = word + word.at(-1);
    forms.push(`${doubled}ing`, `${doubled}ed`, `${doubled}er`, `${doubled}ers`);
  }
  return forms;
}

/** Typos are forgiven only in long words: a slip in a short one already spells another word. */
function typoAllowance(length: number): number {
  if (length < 7) return 0;
  return length < 10 ? 1 : 2;
}

interface Phrase {
  readonly words: readonly string[];
  readonly category: string;
}

export class ConcernLexicon {
  private readonly terms = new Map<string, string>();
  private readonly fuzzyTerms = new Map<string, { word: string; category: string }[]>();
  private readonly phrases = new Map<string, Phrase[]>();
  private readonly exceptions = new Map<string, string[][]>();
  private readonly ordinary: ReadonlySet<string>;
  private readonly near: readonly { about: string; first: ReadonlySet<string>; second: ReadonlySet<string>; within: number }[];

  constructor(data: ConcernLexiconData) {
    for (const [category, entries] of Object.entries(data.categories)) {
      for (const entry of [...entries.terms, ...entries.phrases]) {
        const words = normalise(entry);
        if (words.length === 1) this.addTerm(words[0]!, category);
        else if (words.length > 1) this.addPhrase(this.phrases, words, { words, category });
      }
    }
    for (const entry of data.notConcerns) {
      const words = normalise(entry);
      if (words.length > 0) this.exceptions.set(words[0]!, [...(this.exceptions.get(words[0]!) ?? []), words]);
    }
    this.ordinary = new Set(data.ordinaryWords.flatMap((w) => normalise(w)));
    this.near = data.near.map((rule) => ({
      about: rule.about,
      first: new Set(rule.first.flatMap(normalise)),
      second: new Set(rule.second.flatMap(normalise)),
      within: rule.within,
    }));
  }

  static fromData(data: unknown): ConcernLexicon {
    return new ConcernLexicon(concernLexiconSchema.parse(data));
  }

  private addTerm(word: string, category: string): void {
    for (const form of inflections(word)) if (!this.terms.has(form)) this.terms.set(form, category);
    if (typoAllowance(word.length) > 0) this.fuzzyTerms.set(word[0]!, [...(this.fuzzyTerms.get(word[0]!) ?? []), { word, category }]);
  }

  private addPhrase<T>(index: Map<string, T[]>, words: readonly string[], value: T): void {
    index.set(words[0]!, [...(index.get(words[0]!) ?? []), value]);
  }

  /** The concern a message describes, or undefined when it names none. */
  find(text: string): ConcernHit | undefined {
    const words = normalise(undisguise(text));
    const neutral = this.neutralPositions(words);
    for (let i = 0; i < words.length; i++) {
      if (neutral.has(i)) continue;
      for (const phrase of this.phrases.get(words[i]!) ?? []) {
        if (phrase.words.every((w, j) => words[i + j] === w && !neutral.has(i + j))) return { category: phrase.category };
      }
      const category = this.terms.get(words[i]!) ?? this.typoOfTerm(words[i]!);
      if (category) return { category };
    }
    return this.nearHit(words, neutral);
  }

  private typoOfTerm(word: string): string | undefined {
    const allowance = typoAllowance(word.length);
    if (allowance === 0 || this.ordinary.has(word)) return undefined;
    for (const term of this.fuzzyTerms.get(word[0]!) ?? []) {
      const termAllowance = Math.min(allowance, typoAllowance(term.word.length));
      if (Math.abs(term.word.length - word.length) <= termAllowance && editDistance(word, term.word) <= termAllowance) return term.category;
    }
    return undefined;
  }

  /** Words inside a known harmless phrase ("panic attack", "counter terrorism") are not read as concerns. */
  private neutralPositions(words: readonly string[]): Set<number> {
    const neutral = new Set<number>();
    words.forEach((word, i) => {
      for (const phrase of this.exceptions.get(word) ?? []) {
        if (phrase.every((w, j) => words[i + j] === w)) phrase.forEach((_w, j) => neutral.add(i + j));
      }
    });
    return neutral;
  }

  private nearHit(words: readonly string[], neutral: ReadonlySet<number>): ConcernHit | undefined {
    for (const rule of this.near) {
      for (let i = 0; i < words.length; i++) {
        if (neutral.has(i) || !rule.first.has(words[i]!)) continue;
        const from = Math.max(0, i - rule.within);
        const to = Math.min(words.length - 1, i + rule.within);
        for (let j = from; j <= to; j++) if (j !== i && !neutral.has(j) && rule.second.has(words[j]!)) return { category: rule.about };
      }
    }
    return undefined;
  }
}
