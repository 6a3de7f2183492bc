/** Characters that change nothing a reader sees: zero-width spaces and joiners, direction marks, BOM, soft hyphen. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * The text as a reader sees it: compatibility forms folded (full-width letters, ligatures), invisible
 * characters removed, any run of spaces one space. Messages are read up to `limit` characters: what
 * people ask fits in far fewer, and the cost of reading must not grow with what is pasted.
 */
export function cleanText(text: string, limit = 4000): string {
  return text.slice(0, limit).normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
