/**
 * Reduces what people type to comparable lower-case word tokens: curly quotes, punctuation,
 * contractions and the spellings of "e-learning" all collapse to one form.
 */
const CONTRACTIONS: Record<string, string> = {
  "i'm": 'i am',
  im: 'i am',
  "i've": 'i have',
  "what's": 'what is',
  whats: 'what is',
  "who's": 'who is',
  "where's": 'where is',
  "can't": 'cannot',
  "don't": 'do not',
  dont: 'do not',
};

export function normalise(input: string): string[] {
  const lowered = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\be[\s-]+learning\b/g, 'elearning');
  const words = lowered
    .replace(/[^a-z0-9'\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    // Own keys only: "constructor" or "toString" typed as a word must not find Object's members.
    .flatMap((word) => (Object.hasOwn(CONTRACTIONS, word) ? CONTRACTIONS[word]! : word.replace(/'/g, '')).split(' '));
  return words.filter(Boolean);
}
