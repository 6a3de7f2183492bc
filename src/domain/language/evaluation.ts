import { z } from 'zod';
import { InvalidError } from '../errors';
import { ROLES, type Role } from '../partnership/member';
import { INTENT_IDS, type IntentId } from './intents';
import type { Understanding } from './language-understanding';

/**
 * Measures the language layer on messages it was never trained on: per-intent precision and
 * recall, a confusion table, and the recall of concerns on its own, because that is the figure
 * with lives behind it.
 */

export interface EvaluationRow {
  readonly role: Role;
  readonly intent: IntentId;
  readonly concern: boolean;
  readonly message: string;
}

const rowSchema = z.object({
  role: z.enum(ROLES),
  intent: z.enum(INTENT_IDS),
  concern: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  message: z.string().trim().min(1),
});

/** The evaluation set: tab-separated role, intent, concern (yes/no), message, under a header line. */
export function parseEvaluationSet(tsv: string): EvaluationRow[] {
  const [header, ...lines] = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header?.trim() !== 'role\tintent\tconcern\tmessage') throw new InvalidError('The evaluation set must start with the header "role, intent, concern, message", tab-separated.');
  return lines.map((line, i) => {
    const [role, intent, concern, message] = line.split('\t');
    const parsed = rowSchema.safeParse({ role, intent, concern, message });
    if (!parsed.success)
      throw new InvalidError(
        `Evaluation row ${i + 2} cannot be read.`,
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      );
    return parsed.data;
  });
}

/**
 * What the person would be answered with: an intent, or "unclear" (the Did-you-mean or help card).
 * With a concern the referral pathway comes first; a concern message counts as answered right when
 * that is all it gets or when it also asked for something else as labelled.
 */
export type Answer = IntentId | 'unclear';

export function answerOf(understanding: Understanding): Answer {
  return understanding.intent ?? (understanding.concern ? 'referral' : 'unclear');
}

export interface IntentFigures {
  readonly intent: IntentId;
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
}

export interface EvaluationReport {
  readonly messages: number;
  readonly accuracy: number;
  readonly concerns: number;
  /** Share of concern messages whose reply starts with the referral pathway. */
  readonly concernRecall: number;
  /** Concern messages that would get no referral pathway at all (must be none). */
  readonly missedConcerns: readonly EvaluationRow[];
  /** Messages that are not concerns but got the referral pathway first: the price of the safety net. */
  readonly falseAlarms: number;
  readonly unclear: number;
  readonly perIntent: readonly IntentFigures[];
  /** expected -> answered -> count, mistakes only. */
  readonly confusion: readonly { expected: IntentId; answered: Answer; count: number }[];
  readonly mistakes: readonly { row: EvaluationRow; answered: Answer }[];
}

export interface Judged {
  readonly row: EvaluationRow;
  readonly understanding: Understanding;
}

export function evaluate(judged: readonly Judged[]): EvaluationReport {
  const answered = judged.map(({ row, understanding }) => ({ row, understanding, answer: answerOf(understanding) }));
  const right = answered.filter((a) => a.answer === a.row.intent);
  const concernRows = answered.filter((a) => a.row.concern);
  const missed = concernRows.filter((a) => !a.understanding.concern);
  const perIntent = INTENT_IDS.map((intent) => {
    const expected = answered.filter((a) => a.row.intent === intent);
    const predicted = answered.filter((a) => a.answer === intent);
    const hits = expected.filter((a) => a.answer === intent).length;
    return { intent, support: expected.length, precision: predicted.length ? hits / predicted.length : 1, recall: expected.length ? hits / expected.length : 1 };
  });
  const confusion = new Map<string, { expected: IntentId; answered: Answer; count: number }>();
  for (const a of answered.filter((x) => x.answer !== x.row.intent)) {
    const k = `${a.row.intent}>${a.answer}`;
    const entry = confusion.get(k) ?? { expected: a.row.intent, answered: a.answer, count: 0 };
    confusion.set(k, { ...entry, count: entry.count + 1 });
  }
  return {
    messages: answered.length,
    accuracy: answered.length ? right.length / answered.length : 1,
    concerns: concernRows.length,
    concernRecall: concernRows.length ? (concernRows.length - missed.length) / concernRows.length : 1,
    missedConcerns: missed.map((a) => a.row),
    falseAlarms: answered.filter((a) => !a.row.concern && a.row.intent !== 'referral' && a.understanding.concern).length,
    unclear: answered.filter((a) => a.answer === 'unclear').length,
    perIntent,
    confusion: [...confusion.values()].sort((a, b) => b.count - a.count),
    mistakes: answered.filter((a) => a.answer !== a.row.intent).map((a) => ({ row: a.row, answered: a.answer })),
  };
}

const percent = (n: number) => `${(100 * n).toFixed(1)} %`;

/** The report as Markdown, for the terminal and for docs/language-evaluation.md. Messages are test data, not user data. */
export function formatEvaluation(report: EvaluationReport, timing?: { p50: number; p99: number }): string {
  const lines = [
    `| figure | value |`,
    `|---|---|`,
    `| messages | ${report.messages} |`,
    `| overall accuracy | ${percent(report.accuracy)} |`,
    `| concern messages | ${report.concerns} |`,
    `| concern recall (referral pathway first) | ${percent(report.concernRecall)} |`,
    `| concerns answered without the referral pathway | ${report.missedConcerns.length} |`,
    `| other messages that also got the referral pathway | ${report.falseAlarms} |`,
    `| answered "Did you mean" / help | ${report.unclear} |`,
    ...(timing ? [`| recognition time p50 / p99 | ${timing.p50.toFixed(2)} ms / ${timing.p99.toFixed(2)} ms |`] : []),
    '',
    '| intent | messages | precision | recall |',
    '|---|---:|---:|---:|',
    ...report.perIntent.map((f) => `| ${f.intent} | ${f.support} | ${percent(f.precision)} | ${percent(f.recall)} |`),
    '',
    'Confusions (expected -> answered: count)',
    '',
    ...(report.confusion.length ? report.confusion.map((c) => `- ${c.expected} -> ${c.answered}: ${c.count}`) : ['- none']),
  ];
  return `${lines.join('\n')}\n`;
}
