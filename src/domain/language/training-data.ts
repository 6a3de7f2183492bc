import { InvalidError } from '../errors';
import { isIntentId, type IntentId } from './intents';

/** One way of saying something, and what it means. */
export interface TrainingExample {
  readonly text: string;
  readonly intent: IntentId;
}

/** A training file holds more than this only by mistake (a pasted document, a wrong file). */
const MAX_LINE_LENGTH = 300;

/**
 * Reads one intent's training file: one utterance a line; blank lines and lines starting with #
 * are ignored. The file's name is the intent, so a file for an intent the bot has no answer to is
 * refused, and so is an over-long line.
 */
export function parseTrainingFile(intent: string, content: string): TrainingExample[] {
  if (!isIntentId(intent)) throw new InvalidError(`There is no intent called "${intent}".`, [`${intent}.txt: rename it to one of the bot's intents`]);
  const lines = content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const tooLong = lines.findIndex((line) => line.length > MAX_LINE_LENGTH);
  if (tooLong >= 0) throw new InvalidError(`A training line for "${intent}" is too long.`, [`${intent}.txt: utterance ${tooLong + 1} is over ${MAX_LINE_LENGTH} characters`]);
  return lines.map((text) => ({ text, intent }));
}
