import type ExcelJS from 'exceljs';
import { figuresReport } from '../domain/figures/figures-report';
import type { FiguresContent } from '../domain/figures/figures-content';
import { neutraliseCell } from './spreadsheet-cell';

/**
 * The workbook's sheet of quarterly figures, from figuresReport (already suppressed). The report's
 * SOP 4.1 areas carry the same figures in every format (figuresContributions); the sheet adds them
 * as rows a spreadsheet can filter and chart.
 */

export const FIGURES_SHEET_NAME = 'Quarterly figures';
export const FIGURES_SHEET_HEADER = ['Area', 'Quarter', 'Measure', 'Value'] as const;

/** The rows of the figures: the latest quarter's measures, then each area's four-quarter trend. */
export function figuresRows(content: FiguresContent): string[][] {
  const report = figuresReport(content);
  return report.parts.flatMap((part) => [
    ...part.rows.map((row) => [part.heading, report.quarter, row.measure, row.value]),
    ...(part.rows.length === 0 ? part.lines.map((line) => [part.heading, report.quarter, 'Not yet returned', line]) : []),
    ...part.trend.map((point) => [part.heading, point.quarter, 'Trend', point.value]),
  ]);
}

/** A worksheet of the figures: every cell neutralised, as in the rest of the workbook. */
export function addFiguresSheet(workbook: ExcelJS.Workbook, content: FiguresContent): void {
  const sheet = workbook.addWorksheet(FIGURES_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 34 }, { width: 14 }, { width: 50 }, { width: 40 }];
  const header = sheet.addRow([...FIGURES_SHEET_HEADER]);
  header.font = { bold: true };
  for (const row of figuresRows(content)) sheet.addRow(row.map(neutraliseCell)).alignment = { wrapText: true, vertical: 'top' };
}
