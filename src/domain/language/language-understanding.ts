import type { Role } from '../partnership/member';
import { cleanText } from './clean-text';
import type { ConcernLexicon } from './concern-lexicon';
import type { IntentClassifier, RankedIntent } from './intent-classifier';
import type { IntentId } from './intents';
import { isCloseTo } from './edit-distance';
import { findActionId, leadsWithActionId } from './entities';
import { normalise } from './normalise';
import { guessedMeaningFor, isOpenTo, meaningFor } from './role-meaning';
import type { TrainingExample } from './training-data';

/** What a message asks for, as far as the bot can tell. Holds nothing of the text itself. */
export interface Understanding {
  /** The message describes a possible risk to a person: the referral pathway goes first. */
  readonly concern: boolean;
  /** What to answer, already read for the person's role; absent when the bot is not sure. */
  readonly intent?: IntentId;
  /** How sure, 0 to 1. */
  readonly confidence: number;
  /** When not sure: the likeliest things they may have meant that their role can use (at most 3). */
  readonly suggestions: readonly IntentId[];
}

/**
 * Below this the bot asks "Did you mean…" rather than guess. Chosen on the evaluation set
 * (docs/language-evaluation.md): high enough that a wrong guess is rare, low enough that a clear request is
 * answered straight away.
 */
export const CONFIDENCE_THRESHOLD = 0.6;
/**
 * With a concern in the message, another answer follows the referral pathway only when the bot is
 * this sure of it and the person may use it: a staff member describing a threat does not also want
 * a card about who has not replied.
 */
export const SECOND_ANSWER_THRESHOLD = 0.85;
/** The Prevent Officer, the chair and partner leads talk about extremism as partnership business. */
const GOVERNANCE_ROLES: readonly Role[] = ['prevent-officer', 'chair', 'partner-lead'];
/** Answers that add nothing after the referral pathway. */
const NOTHING_TO_ADD: readonly IntentId[] = ['referral', 'help', 'thanks'];
/** A suggestion must be at least this likely to be worth a button. */
const SUGGESTION_FLOOR = 0.05;
const MAX_SUGGESTIONS = 3;
/** Commands this short are compared word by word with the known phrasings, forgiving typos. */
const SHORT_COMMAND_WORDS = 4;
/** Classification reads the start of a message: requests come first, and the cost must stay flat. */
const CLASSIFY_CHARACTERS = 600;

function key(text: string): string {
  return normalise(text).join(' ');
}

const ACKNOWLEDGEMENTS = /[\u{1F44D}\u{1F44C}\u{1F64F}\u{1F642}\u{1F60A}\u2705\u2714]/u;

/** Words too common to say what a message is about. */
const FUNCTION_WORDS = new Set(
  'a an and are as at be been but by can could do does for from had has have he her him his how i if in is it its me my no not of on or our she so some that the their them they this to up us was we what when where which who why will with would you your all any just there then than been into about also its like please pls really very much lot bit thing things stuff way get got know think'.split(
    ' ',
  ),
);

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/, '') : word;
}

/**
 * How much of a message is made of words the bot was trained on. A neural classifier is sure of
 * itself even on words it has never seen ("SS runes on his desk" reads as the agenda), so its
 * score counts only as far as the message is familiar.
 */
export class Familiarity {
  private readonly known: ReadonlySet<string>;
  private readonly byInitial = new Map<string, string[]>();

  constructor(examples: readonly TrainingExample[]) {
    this.known = new Set(examples.flatMap((e) => normalise(e.text)).map(stem));
    for (const word of this.known) this.byInitial.set(word[0]!, [...(this.byInitial.get(word[0]!) ?? []), word]);
  }

  of(text: string): number {
    const words = normalise(text).filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w));
    if (words.length === 0) return 1;
    return words.filter((w) => this.isKnown(stem(w))).length / words.length;
  }

  /** Known, or a typo of a known word (the classifier's own spell check reads those too). */
  private isKnown(word: string): boolean {
    if (this.known.has(word)) return true;
    if (word.length < 4) return false;
    return (this.byInitial.get(word[0]!) ?? []).some((known) => isCloseTo(word, known));
  }
}
/** Below this share of familiar words the classifier's score is scaled down in proportion. */
const FAMILIAR_ENOUGH = 0.75;

/**
 * The language layer. Three parts, in order of trust:
 * 1. the concern lexicon, deterministic, read on every message: a hit puts the referral pathway first;
 * 2. exact phrasings (every training utterance and every command on a card or in the Teams menu)
 *    answered as written, so buttons and menu commands never depend on a statistical guess;
 * 3. the trained classifier for everything else, with "Did you mean" below the threshold.
 */
export class LanguageUnderstanding {
  private readonly exact: ReadonlyMap<string, IntentId>;
  private readonly familiarity: Familiarity;
  private readonly short: readonly { words: readonly string[]; intent: IntentId }[];

  constructor(
    private readonly classifier: IntentClassifier,
    private readonly lexicon: ConcernLexicon,
    exactPhrasings: readonly TrainingExample[],
  ) {
    this.exact = new Map(exactPhrasings.map((example) => [key(example.text), example.intent]));
    this.short = [...this.exact].map(([phrase, intent]) => ({ words: phrase.split(' '), intent })).filter((p) => p.words.length <= SHORT_COMMAND_WORDS);
    this.familiarity = new Familiarity(exactPhrasings);
  }

  async understand(text: string, role: Role): Promise<Understanding> {
    const clean = cleanText(text);
    const words = normalise(clean);
    const concern = this.lexicon.find(clean) !== undefined;
    const exact = this.exact.get(words.join(' ')) ?? this.shortCommandWithTypos(words);
    if (exact) return this.answer(concern, meaningFor(exact, role), 1, role);
    if (leadsWithActionId(clean) && isOpenTo('update-action', role)) return this.answer(concern, 'update-action', 1, role);
    // Only symbols: a thumbs-up is thanks; anything else ("?") is a request for help.
    if (words.length === 0) return { concern, intent: ACKNOWLEDGEMENTS.test(clean) ? 'thanks' : 'help', confidence: 1, suggestions: [] };

    const read = clean.slice(0, CLASSIFY_CHARACTERS);
    const trust = Math.min(1, this.familiarity.of(read) / FAMILIAR_ENOUGH);
    const ranked = this.forRole(await this.classifier.classify(read), role).map((r) => ({ intent: r.intent, score: r.score * trust }));
    const best = ranked[0];
    if (concern) return this.answer(true, best?.intent ?? 'referral', best?.score ?? 0, role);
    // What the role cannot use needs more certainty: a wrong guess there ends in a refusal.
    if (best && best.score >= (isOpenTo(best.intent, role) ? CONFIDENCE_THRESHOLD : SECOND_ANSWER_THRESHOLD)) return this.answer(false, best.intent, best.score, role);
    if (findActionId(clean) && isOpenTo('update-action', role)) return this.answer(false, 'update-action', best?.score ?? 0, role);
    // The classifier reading a concern at all is reason enough to show the pathway.
    const referralLikely = ranked.some((r) => r.intent === 'referral' && r.score >= SUGGESTION_FLOOR * 4);
    const suggestions = ranked
      .filter((r) => r.score >= SUGGESTION_FLOOR && !NOTHING_TO_ADD.includes(r.intent) && isOpenTo(r.intent, role))
      .slice(0, MAX_SUGGESTIONS)
      .map((r) => r.intent);
    return { concern: concern || referralLikely, confidence: best?.score ?? 0, suggestions };
  }

  /** A short command with a slip in it ("post agnda", "strt self asessment"), word by word. */
  private shortCommandWithTypos(words: readonly string[]): IntentId | undefined {
    if (words.length === 0 || words.length > SHORT_COMMAND_WORDS) return undefined;
    const hits = new Set(this.short.filter((p) => p.words.length === words.length && p.words.every((w, i) => isCloseTo(words[i]!, w))).map((p) => p.intent));
    return hits.size === 1 ? [...hits][0] : undefined;
  }

  private answer(concern: boolean, intent: IntentId, confidence: number, role: Role): Understanding {
    if (!concern) return { concern: intent === 'referral', intent, confidence, suggestions: [] };
    const bar = GOVERNANCE_ROLES.includes(role) ? CONFIDENCE_THRESHOLD : SECOND_ANSWER_THRESHOLD;
    const alsoAnswer = !NOTHING_TO_ADD.includes(intent) && confidence >= bar && isOpenTo(intent, role);
    return { concern: true, intent: alsoAnswer ? intent : 'referral', confidence, suggestions: [] };
  }

  /** The ranking read for the role: meanings mapped, scores of the same meaning added together. */
  private forRole(ranked: readonly RankedIntent[], role: Role): RankedIntent[] {
    const scores = new Map<IntentId, number>();
    for (const { intent, score } of ranked) {
      const meaning = guessedMeaningFor(intent, role);
      scores.set(meaning, (scores.get(meaning) ?? 0) + score);
    }
    return [...scores].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }
}
