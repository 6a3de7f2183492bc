import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangEn } from '@nlpjs/lang-en-min';
import { isIntentId, type IntentId } from './intents';
import type { TrainingExample } from './training-data';

/** An intent and how sure the classifier is of it (the scores of one message add up to about 1). */
export interface RankedIntent {
  readonly intent: IntentId;
  readonly score: number;
}

/** Reads what a message is asking for; most likely first. */
export interface IntentClassifier {
  classify(text: string): Promise<RankedIntent[]>;
}

/**
 * Trains NLP.js's neural intent classifier (English stemmer and tokenizer, its own spell check
 * against the training vocabulary) on the examples, in memory: nothing is read from or saved to
 * disk. Chosen over natural and wink by accuracy on the held-out set (docs/language.md).
 */
export async function trainIntentClassifier(examples: readonly TrainingExample[]): Promise<IntentClassifier> {
  const container = await containerBootstrap({
    settings: {
      // NLP.js's defaults for every locale's classifier, with its spell check on and its console log off.
      'nlu-??': { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: true, spellCheckDistance: 1, filterZeros: true, log: false },
    },
  });
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp');
  Object.assign(nlp.settings, {
    autoSave: false,
    autoLoad: false,
    log: false,
    calculateSentiment: false,
    // The bot sets its own confidence threshold; NLP.js's would turn low scores into "None".
    threshold: 0,
  });
  nlp.addLanguage('en');
  for (const example of examples) nlp.addDocument('en', example.text, example.intent);
  await nlp.train();
  return {
    async classify(text: string): Promise<RankedIntent[]> {
      const { classifications } = await nlp.process('en', text);
      return classifications.filter((c): c is { intent: IntentId; score: number } => isIntentId(c.intent) && c.score > 0);
    },
  };
}
