import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConcernLexicon } from '../../domain/language/concern-lexicon';
import { CAPABILITIES } from '../../domain/language/capabilities';
import { trainIntentClassifier } from '../../domain/language/intent-classifier';
import { EXACT_ONLY_INTENTS } from '../../domain/language/intents';
import { LanguageUnderstanding } from '../../domain/language/language-understanding';
import { parseTrainingFile, type TrainingExample } from '../../domain/language/training-data';
import { PROJECT_ROOT } from '../../project-root';

/** Training utterances (one file per intent) and the concern lexicon: data, read from the project root. */
export const LANGUAGE_DIRECTORY = path.join(PROJECT_ROOT, 'src', 'data', 'language');

/** Every training utterance, plus each command the help card offers as a button. */
export function readTrainingExamples(directory = path.join(LANGUAGE_DIRECTORY, 'intents')): TrainingExample[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const fromFiles = files.flatMap((name) => parseTrainingFile(name.slice(0, -'.txt'.length), readFileSync(path.join(directory, name), 'utf8')));
  return [...fromFiles, ...CAPABILITIES.map((c) => ({ text: c.example, intent: c.intent }))];
}

export function readConcernLexicon(file = path.join(LANGUAGE_DIRECTORY, 'concern-lexicon.json')): ConcernLexicon {
  return ConcernLexicon.fromData(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Reads the data and trains the classifier (a few hundred milliseconds, once per process). Exact-only
 * commands are matched as written and kept out of the classifier, so it never guesses them.
 */
export async function loadLanguageUnderstanding(): Promise<LanguageUnderstanding> {
  const examples = readTrainingExamples();
  const guessable = examples.filter((example) => !EXACT_ONLY_INTENTS.includes(example.intent));
  return new LanguageUnderstanding(await trainIntentClassifier(guessable), readConcernLexicon(), examples);
}
