import type { Framework } from '../assessment/framework';
import { normalise } from '../language/normalise';

/**
 * Reads which round and which benchmark a plain-language summary question is about ("summary for
 * 2026/27 Q2", "how are we doing on training?"). Benchmarks are found from the framework's own
 * section titles, so a new framework needs no code.
 */

/** Something that reads like a round name even when no round is called that ("2025/26 Q1", "Q3"). */
const ROUND_LIKE = /\b(\d{4}\s*[/-]\s*\d{2,4}(?:\s+q[1-4])?|\d{4}\s+q[1-4]|q[1-4]\s+\d{4}(?:\s*[/-]\s*\d{2,4})?)\b/i;

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0 || run.length > words.length) return false;
  for (let i = 0; i + run.length <= words.length; i++) {
    if (run.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}

/**
 * The round the question names: a known round's name (the longest that appears, so "2026/27 Q3
 * extra" wins over "2026/27 Q3"), or else whatever reads like a round name, as typed, so that the
 * caller can say no round is called that. Undefined when the question names no round.
 */
export function mentionedRoundName(question: string, roundNames: readonly string[]): string | undefined {
  const words = normalise(question);
  const known = [...roundNames].filter((name) => containsRun(words, normalise(name))).sort((a, b) => normalise(b).length - normalise(a).length)[0];
  if (known) return known;
  return ROUND_LIKE.exec(question)?.[1]?.trim();
}

/** Words that say nothing about which benchmark is meant ("it" in "how is it going" is not "IT Policies"). */
const IGNORED = new Set(['and', 'the', 'for', 'with']);
const significant = (word: string) => word.length > 2 && !IGNORED.has(word);

/** A crude stem, so "referrals" finds "Referral Process" and "trained" finds "Training Programme". */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '') || word;
}

const BENCHMARK_NUMBER = /\b(?:benchmark|section)\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * The benchmark (section number) the question asks about: "benchmark 7" or "benchmark seven" by number, or the section
 * whose title shares the most words with the question. Undefined when no title word appears, or
 * when two sections match equally well ("how is the partnership doing" names no one benchmark).
 */
export function mentionedBenchmark(question: string, framework: Framework): number | undefined {
  const byNumber = BENCHMARK_NUMBER.exec(question);
  if (byNumber) {
    const said = byNumber[1]!.toLowerCase();
    return NUMBER_WORDS.includes(said) ? NUMBER_WORDS.indexOf(said) + 1 : Number(said);
  }
  const asked = new Set(normalise(question).filter(significant).map(stem));
  let best: number | undefined;
  let bestScore = 0;
  let tied = false;
  for (const section of framework.sections) {
    const titleWords = new Set(normalise(section.title).filter(significant).map(stem));
    const score = [...titleWords].filter((w) => asked.has(w)).length;
    if (score > bestScore) {
      best = section.number;
      bestScore = score;
      tied = false;
    } else if (score === bestScore && score > 0) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}
