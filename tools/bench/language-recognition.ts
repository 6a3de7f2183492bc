import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEvaluationSet } from '../../src/domain/language/evaluation';
import { normalise } from '../../src/domain/language/normalise';
import { PROJECT_ROOT } from '../../src/project-root';
import { loadLanguageUnderstanding } from '../../src/storage/files/language-files';
import type { BenchContext } from './context';
import type { PartResult } from './results';
import { round, summariseLatencies } from './stats';

/**
 * Part 7: how long the language layer takes to read one message (the concern lexicon, the exact
 * phrasings and the classifier), over the held-out evaluation set's realistic messages, after one
 * untimed pass. The baseline, in the same run, is normalising the same text to words, the least any
 * reading of a message costs. Training time is measured from reading the files to a ready classifier.
 */
export async function runLanguageRecognition(context: BenchContext): Promise<PartResult[]> {
  const rows = parseEvaluationSet(readFileSync(path.join(PROJECT_ROOT, 'test', 'language', 'evaluation-set.tsv'), 'utf8'));
  const trainingStarted = performance.now();
  const language = await loadLanguageUnderstanding();
  const trainingMs = performance.now() - trainingStarted;
  const passes = context.quick ? 2 : 10;
  for (const row of rows) await language.understand(row.message, row.role);
  const recognise: number[] = [];
  const baseline: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    for (const row of rows) {
      const t0 = performance.now();
      normalise(row.message);
      const t1 = performance.now();
      await language.understand(row.message, row.role);
      const t2 = performance.now();
      baseline.push(t1 - t0);
      recognise.push(t2 - t1);
    }
  }
  const timed = summariseLatencies(recognise);
  const floor = summariseLatencies(baseline);
  context.log(`  ${recognise.length} messages: p50 ${round(timed.p50, 2)} ms, p99 ${round(timed.p99, 2)} ms; training ${Math.round(trainingMs)} ms`);
  return [
    {
      part: 7,
      title: 'Language recognition',
      targets: [
        { part: 7, name: 'recognition of a message p99', figure: timed.p99, unit: 'ms', target: '< 5 ms', pass: timed.p99 < 5 },
        { part: 7, name: 'training at start-up', figure: trainingMs, unit: 'ms', target: '< 1000 ms', pass: trainingMs < 1000 },
      ],
      figures: {
        'messages timed': recognise.length,
        'recognition p50 ms': timed.p50,
        'recognition p99 ms': timed.p99,
        'recognition max ms': timed.max,
        'baseline (normalise only) p50 ms': floor.p50,
        'baseline (normalise only) p99 ms': floor.p99,
        'p50 ratio to the baseline': timed.p50 / Math.max(floor.p50, 0.001),
        'training ms': trainingMs,
      },
      notes: [
        `The ${rows.length} messages of test/language/evaluation-set.tsv, each read ${passes} times after one untimed pass, in the role the set gives them.`,
        'In process, no storage: what the turn spends on understanding the message before any handler runs.',
      ],
    },
  ];
}
