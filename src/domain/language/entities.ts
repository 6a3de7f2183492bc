import { normalise } from './normalise';

/**
 * The things people name in a message besides what they want: an action of the plan ("3.1",
 * "action three point one"), and organisations of the partnership by name or alias. Benchmarks and
 * rounds are read in summary/summary-question.ts, dates in calendar/date-phrases.ts.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** "3.1", "3-1" after the word action, or "three point one": the action id, or undefined. */
export function findActionId(text: string): string | undefined {
  // A date ("12.03.2027") or a time ("10.30am") is not an action.
  const digits = /(?<![\d./])(\d{1,2})\.(\d{1,2})(?![\d.]|\s*(?:am|pm)\b)/i.exec(text);
  if (digits) return `${Number(digits[1])}.${Number(digits[2])}`;
  const dashed = /\baction\s+(\d{1,2})\s*-\s*(\d{1,2})\b/i.exec(text);
  if (dashed) return `${Number(dashed[1])}.${Number(dashed[2])}`;
  const words = normalise(text);
  for (let i = 0; i + 2 < words.length; i++) {
    const theme = NUMBER_WORDS[words[i]!];
    const item = NUMBER_WORDS[words[i + 2]!];
    if (theme && item && words[i + 1] === 'point') return `${theme}.${item}`;
  }
  return undefined;
}

/** An action id at the very start of a message, or straight after "action": an update on that action. */
export function leadsWithActionId(text: string): boolean {
  return /^\s*(?:action\s+)?\d{1,2}\.\d{1,2}(?![\d.]|\s*(?:am|pm)\b)/i.test(text) || /\b(?:update|updte|updating)\s+(?:on\s+)?(?:action\s+)?\d{1,2}\.\d{1,2}\b/i.test(text);
}

export interface NamedOrganisation {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** Words in many organisations' names that do not tell one from another. */
const GENERIC = new Set([
  'the',
  'and',
  'of',
  'for',
  'action',
  'plan',
  'nhs',
  'trust',
  'foundation',
  'council',
  'county',
  'borough',
  'district',
  'service',
  'services',
  'partnership',
  'company',
  'hospital',
  'hospitals',
  'university',
]);

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/**
 * The one organisation a message names: its full name or an alias (an acronym such as "WCC"), or
 * else the words of its name that few other organisations share ("the police" is West Mercia
 * Police, whose name ends in Police, not the Police and Crime Commissioner). Undefined when none
 * or more than one fit equally.
 */
export function mentionedOrganisation(text: string, organisations: readonly NamedOrganisation[]): string | undefined {
  // "The action plan" is the partnership's plan, never Voluntary Action.
  const words = normalise(text.replace(/\baction\s+plans?\b/gi, ' '));
  const aliasHits = organisations.filter((o) => [o.name, ...(o.aliases ?? [])].some((form) => containsRun(words, normalise(form))));
  const uniqueAlias = aliasHits.filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  // Aliases shared by several ("District & Borough") name a group, not one organisation.
  if (uniqueAlias.length === 1) return uniqueAlias[0]!.id;
  if (uniqueAlias.length > 1) return undefined;

  const nameWords = organisations.map((o) => normalise(o.name).filter((w) => !GENERIC.has(w)));
  const frequency = new Map<string, number>();
  for (const ws of nameWords) for (const w of new Set(ws)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const asked = new Set(words);
  const scored = organisations.map((o, i) => {
    const ws = nameWords[i]!;
    const matched = ws.filter((w) => asked.has(w));
    const score = matched.reduce((sum, w) => sum + 1 / frequency.get(w)!, 0) + (matched.includes(ws.at(-1)!) ? 0.5 : 0);
    return { id: o.id, score, distinctive: matched.some((w) => frequency.get(w)! <= 2) };
  });
  const ranked = scored.filter((s) => s.distinctive).sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return undefined;
  if (ranked.length > 1 && ranked[1]!.score === ranked[0]!.score) return undefined;
  return ranked[0]!.id;
}
