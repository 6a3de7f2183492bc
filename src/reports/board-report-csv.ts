import type { BoardReportData } from '../domain/summary/compliance-summary';
import { blockLines } from '../domain/summary/board-report-areas';
import { selfAssessmentRows } from './board-report-rows';
import { NOT_RETURNED, ratingText } from './report-text';
import { neutraliseCell } from './spreadsheet-cell';

export const CSV_HEADER = ['Area', 'SOP reference', 'Content', 'Benchmark', 'Item', 'Kind', 'Organisation', 'Rating', 'Supporting details'] as const;

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

/**
 * One table in SOP §4.1's seven areas, in order: a line per line of each area's content, and under
 * Overall compliance the self-assessment in long form, one line per item and organisation.
 */
export function boardReportCsv(data: BoardReportData): Buffer {
  const lines = [csvLine(CSV_HEADER)];
  data.areas.forEach((area, index) => {
    const title = `${index + 1}. ${area.title}`;
    for (const line of area.blocks.flatMap(blockLines)) lines.push(csvLine([title, area.sopRef, line, '', '', '', '', '', '']));
    if (area.id !== 'compliance') return;
    for (const row of selfAssessmentRows(data)) {
      for (const answer of row.answers) {
        lines.push(
          csvLine([
            title,
            area.sopRef,
            '',
            row.benchmark,
            row.itemId,
            row.kind,
            answer.organisation.name,
            answer.returned ? ratingText(answer.rating) : NOT_RETURNED,
            answer.details,
          ]),
        );
      }
    }
  });
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
