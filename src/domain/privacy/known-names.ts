import type { PersonalDataScreen } from './personal-data-error';
import { prepareForScreening } from './screening-text';
import type { Span } from './span';

/**
 * Where the partnership's own organisation names and aliases ("Warwickshire County Council",
 * "WCC", "George Eliot Hospital") appear in screened text. They are organisations, so the words in
 * them are never read as a person's name, and an address right beside one is the organisation's.
 * Matching ignores case and how many spaces separate words, and treats ' and ’ alike.
 */
export interface KnownNames {
  find(text: string): Span[];
}

const MAX_NAMES = 1000;

function pattern(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
}

export function knownNames(names: readonly string[]): KnownNames {
  const patterns = [...new Set(names.map((name) => prepareForScreening(name).text.trim()).filter((name) => name.length >= 2))]
    .slice(0, MAX_NAMES)
    // Longest first, so "Westgate School" wins over a shorter alias it contains.
    .sort((a, b) => b.length - a.length)
    .map(pattern);
  if (patterns.length === 0) return { find: () => [] };
  const regex = new RegExp(String.raw`(?<![\p{L}\d])(?:${patterns.join('|')})(?![\p{L}\d])`, 'giu');
  return {
    find: (text) => [...text.matchAll(regex)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })),
  };
}

/** Every name and alias of the partnership's organisations, as a screen's `knownNames`. */
export function organisationNames(organisations: readonly { readonly name: string; readonly aliases?: readonly string[] }[]): string[] {
  return organisations.flatMap((organisation) => [organisation.name, ...(organisation.aliases ?? [])]);
}

/**
 * Screens `text` knowing the partnership's organisations, reading them only when a screen without
 * them found something: names only ever excuse text (a test holds the corpus to that), so clean
 * text, the usual case, costs no read.
 */
export async function screenKnowingPartners(
  screen: PersonalDataScreen,
  text: string,
  organisations: () => Promise<readonly { readonly name: string; readonly aliases?: readonly string[] }[]>,
): Promise<string[]> {
  const findings = screen(text);
  if (findings.length === 0) return findings;
  return screen(text, { knownNames: organisationNames(await organisations()) });
}
