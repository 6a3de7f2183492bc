import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parseEvaluationSet, type Judged } from '../../../../src/domain/language/evaluation';
import { loadLanguageUnderstanding, readTrainingExamples } from '../../../../src/storage/files/language-files';
import { normalise } from '../../../../src/domain/language/normalise';
import { EXACT_ONLY_INTENTS, INTENT_IDS } from '../../../../src/domain/language/intents';

/**
 * The language layer measured on messages it was never trained on (test/language/evaluation-set.tsv,
 * written apart from the training files). The full table: `npm run eval:language`.
 */
const EVALUATION_SET = path.join(__dirname, '..', '..', '..', 'language', 'evaluation-set.tsv');
const rows = parseEvaluationSet(readFileSync(EVALUATION_SET, 'utf8'));

describe('the language layer on the held-out evaluation set', () => {
  let judged: Judged[];
  beforeAll(async () => {
    const language = await loadLanguageUnderstanding();
    judged = [];
    for (const row of rows) judged.push({ row, understanding: await language.understand(row.message, row.role) });
  }, 60_000);

  it('is written apart from the training files: they share only the short commands everyone types ("help", "training"), under 1 in 6', () => {
    const trained = new Set(readTrainingExamples().map((e) => normalise(e.text).join(' ')));
    const shared = rows.filter((row) => trained.has(normalise(row.message).join(' ')));
    expect(shared.length / rows.length).toBeLessThan(1 / 6);
    expect(shared.filter((row) => row.concern).map((row) => row.message)).toEqual([]);
  });

  it('has concerns and every intent in it', () => {
    expect(rows.filter((r) => r.concern).length).toBeGreaterThanOrEqual(100);
    // Every intent but those answered only when typed as written ("use this channel").
    expect([...new Set(rows.map((r) => r.intent))].sort()).toEqual(INTENT_IDS.filter((id) => !EXACT_ONLY_INTENTS.includes(id)).sort());
  });

  it('puts the referral pathway first for every message that describes a possible risk to a person', () => {
    expect(evaluate(judged).missedConcerns.map((row) => row.message)).toEqual([]);
  });

  it('answers at least 95 % of all messages as their author meant', () => {
    expect(evaluate(judged).accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
