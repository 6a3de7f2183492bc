import type { BoardReportData } from '../domain/summary/compliance-summary';
import { selfAssessmentRows } from './board-report-rows';
import { NOT_RETURNED, ratingText } from './report-text';
import { neutraliseCell } from './spreadsheet-cell';
import { figuresCsvLines } from './figures-report-section';

export const CSV_HEADER = ['Benchmark', 'Item', 'Kind', 'Organisation', 'Rating', 'Supporting details'] as const;

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/** RFC 4180: a field holding a quote, comma or line break is quoted, and its quotes doubled. */
export function csvField(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** The self-assessment in long form: one line per item and organisation. */
export function boardReportCsv(data: BoardReportData): Buffer {
  const lines = [csvLine(CSV_HEADER)];
  for (const row of selfAssessmentRows(data)) {
    for (const answer of row.answers) {
      lines.push(csvLine([row.benchmark, row.itemId, row.kind, answer.organisation.name, answer.returned ? ratingText(answer.rating) : NOT_RETURNED, answer.details]));
    }
  }
  if (data.summary.figures) lines.push(...figuresCsvLines(data.summary.figures, csvLine));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
