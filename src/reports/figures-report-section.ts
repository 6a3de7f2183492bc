import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type ExcelJS from 'exceljs';
import { figuresReport, type FiguresReport } from '../domain/figures/figures-report';
import type { FiguresContent } from '../domain/figures/figures-content';
import { neutraliseCell } from './spreadsheet-cell';

/**
 * The board report's quarterly figures section, in each format, from figuresReport (already
 * suppressed). Kept apart from the report's other sections so each part (referral pathway, Channel
 * panel, training) can be placed in the report's own area for it.
 */

export const FIGURES_SHEET_NAME = 'Quarterly figures';
export const FIGURES_CSV_HEADER = ['Area', 'Quarter', 'Measure', 'Value'] as const;

/** The rows of the figures: the latest quarter's measures, then each area's four-quarter trend. */
export function figuresRows(content: FiguresContent): string[][] {
  const report = figuresReport(content);
  return report.parts.flatMap((part) => [
    ...part.rows.map((row) => [part.heading, report.quarter, row.measure, row.value]),
    ...(part.rows.length === 0 ? part.lines.map((line) => [part.heading, report.quarter, 'Not yet returned', line]) : []),
    ...part.trend.map((point) => [part.heading, point.quarter, 'Trend', point.value]),
  ]);
}

/** The CSV lines of the figures section (its own header, after a blank line). */
export function figuresCsvLines(content: FiguresContent, line: (fields: readonly string[]) => string): string[] {
  return ['', line(FIGURES_CSV_HEADER), ...figuresRows(content).map(line)];
}

/** A worksheet of the figures: every cell neutralised, as in the rest of the workbook. */
export function addFiguresSheet(workbook: ExcelJS.Workbook, content: FiguresContent): void {
  const sheet = workbook.addWorksheet(FIGURES_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 34 }, { width: 14 }, { width: 50 }, { width: 40 }];
  const header = sheet.addRow([...FIGURES_CSV_HEADER]);
  header.font = { bold: true };
  for (const row of figuresRows(content)) sheet.addRow(row.map(neutraliseCell)).alignment = { wrapText: true, vertical: 'top' };
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })] });
}

/** One area's part in Word: its heading, the latest quarter's sentences, and the trend as a small table. */
export function figuresDocxPart(report: FiguresReport, area: FiguresReport['parts'][number]['area']): (Paragraph | Table)[] {
  const part = report.parts.find((p) => p.area === area);
  if (!part) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${part.heading}: ${report.quarterLabel}`)] }),
    ...part.lines.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] })),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell('Quarter', true), cell('Value', true)] }),
        ...part.trend.map((point) => new TableRow({ children: [cell(point.quarter), cell(point.value)] })),
      ],
    }),
  ];
}

/** The whole figures section in Word: a heading, the note on suppression, and each area's part. */
export function figuresDocxSection(content: FiguresContent): (Paragraph | Table)[] {
  const report = figuresReport(content);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Quarterly figures')] }),
    new Paragraph({ children: [new TextRun({ text: report.note, italics: true })] }),
    ...figuresDocxPart(report, 'referral-pathway'),
    ...figuresDocxPart(report, 'channel-panel'),
    ...figuresDocxPart(report, 'training'),
  ];
}
