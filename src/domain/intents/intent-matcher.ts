import { isCloseTo } from './edit-distance';
import { INTENT_CATALOGUE, type IntentDefinition, type IntentId, type IntentPattern } from './intent-catalogue';
import { normalise } from './normalise';

export type IntentMatch = { readonly intent: IntentId; readonly score: number } | { readonly intent: 'unknown' };

/** Messages longer than this are prose, not a request for the menu; only their start is read. */
export const MAX_WORDS = 40;

function wordMatches(typed: string, expected: string): boolean {
  // A typo rarely changes the first letter, and requiring it keeps "raining" from reading as "training".
  return typed === expected || (typed[0] === expected[0] && isCloseTo(typed, expected));
}

function slotIndex(words: readonly string[], from: number, slot: readonly string[]): number {
  for (let i = from; i < words.length; i++) {
    if (slot.some((expected) => wordMatches(words[i]!, expected))) return i;
  }
  return -1;
}

function patternScore(words: readonly string[], pattern: IntentPattern): number {
  if (pattern.unless?.some((word) => words.includes(word))) return 0;
  let from = 0;
  for (const slot of pattern.slots) {
    const at = slotIndex(words, from, slot);
    if (at < 0) return 0;
    from = at + 1;
  }
  return pattern.slots.length + (pattern.weight ?? 0);
}

function intentScore(words: readonly string[], definition: IntentDefinition): number {
  return Math.max(0, ...definition.patterns.map((pattern) => patternScore(words, pattern)));
}

export function matchIntent(text: string, catalogue: readonly IntentDefinition[] = INTENT_CATALOGUE): IntentMatch {
  const words = normalise(text).slice(0, MAX_WORDS);
  let best: IntentMatch = { intent: 'unknown' };
  let bestScore = 0;
  for (const definition of catalogue) {
    const score = intentScore(words, definition);
    if (score > bestScore) {
      best = { intent: definition.id, score };
      bestScore = score;
    }
  }
  return best;
}
