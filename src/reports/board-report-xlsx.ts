import ExcelJS from 'exceljs';
import { effectiveDueDate } from '../domain/actions/rag';
import { provisionalNote } from '../domain/summary/score-wording';
import { RATINGS, RATING_LABELS } from '../domain/assessment/framework';
import type { BoardReportData } from '../domain/summary/compliance-summary';
import { blockLines } from '../domain/summary/board-report-areas';
import { selfAssessmentRows } from './board-report-rows';
import { RAG_NAMES, RAG_SHADES, RATING_SHADES, type Shade } from './report-style';
import { formatDateTime } from '../cards/format';
import { MOVEMENT_LABELS, NOT_RETURNED, namesOf, ratingText, statusText } from './report-text';
import { neutraliseCell } from './spreadsheet-cell';
import { addFiguresSheet } from './figures-report-section';

export const SHEET_NAMES = { areas: 'Board report', selfAssessment: 'Self-assessment', actionTracker: 'Action tracker', summary: 'Summary' } as const;

export const AREAS_HEADER = ['Area', 'SOP reference', 'Content'] as const;

export const ACTION_TRACKER_HEADER = ['Id', 'Theme', 'Action', 'Owners', 'Due', 'Status', 'RAG', 'Latest update', 'Updated by', 'Updated at'] as const;

export const SUMMARY_TABLE_HEADER = [
  'Benchmark',
  'Title',
  ...RATINGS.map((r) => RATING_LABELS[r]),
  'Score (%)',
  'Previous score (%)',
  'Movement',
  'Good practice in place',
  'Good practice rated',
] as const;

type CellValue = string | number | Date | undefined;

/** Strings are neutralised on the way in: a partner's "=..." must stay text on the board's machines. */
function safe(value: CellValue): ExcelJS.CellValue {
  return typeof value === 'string' ? neutraliseCell(value) : (value ?? null);
}

/** Named, so LibreOffice does not substitute a serif face for Excel's default Calibri. */
const FONT = 'Arial';
const LINE_HEIGHT_POINTS = 13;
const MAX_ROW_HEIGHT_POINTS = 409;

/**
 * Rows are given a height for their wrapped text: Excel fits rows without one when it opens a file,
 * but LibreOffice keeps the default single line and the wrapped text overlaps the next row.
 */
function fitHeight(sheet: ExcelJS.Worksheet, row: ExcelJS.Row): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    if (typeof cell.value !== 'string') return;
    const perLine = Math.max(1, Math.floor((sheet.getColumn(column).width ?? 10) * 1.1));
    const needed = cell.value.split('\n').reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS);
}

function addRow(sheet: ExcelJS.Worksheet, values: readonly CellValue[]): ExcelJS.Row {
  const row = sheet.addRow(values.map(safe));
  row.font = { name: FONT, size: 10 };
  row.alignment = { wrapText: true, vertical: 'top' };
  fitHeight(sheet, row);
  return row;
}

/** A4 landscape with the header row on every printed page; narrow sheets fit one page across. */
function printSetup(sheet: ExcelJS.Worksheet, fitToWidth: boolean): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    printTitlesRow: '1:1',
  };
}

function shade(cell: ExcelJS.Cell, colours: Shade): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colours.fill}` } };
  cell.font = { ...cell.font, color: { argb: `FF${colours.text}` } };
}

function headerRow(sheet: ExcelJS.Worksheet, titles: readonly string[]): void {
  const row = addRow(sheet, titles);
  row.font = { name: FONT, size: 10, bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** The Home Office tool's shape: one row per item, a rating and supporting details per organisation. */
function selfAssessmentSheet(workbook: ExcelJS.Workbook, data: BoardReportData): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.selfAssessment, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [{ width: 26 }, { width: 6 }, { width: 14 }, { width: 55 }, ...data.organisations.flatMap(() => [{ width: 14 }, { width: 40 }])];
  printSetup(sheet, false);
  headerRow(sheet, ['Benchmark', 'Item', 'Kind', 'Question', ...data.organisations.flatMap((o) => [`${o.name} rating`, `${o.name} supporting details`])]);
  for (const item of selfAssessmentRows(data)) {
    const row = addRow(sheet, [
      item.benchmark,
      item.itemId,
      item.kind,
      item.question,
      ...item.answers.flatMap((answer) => [answer.returned ? ratingText(answer.rating) : NOT_RETURNED, answer.details]),
    ]);
    item.answers.forEach((answer, i) => {
      if (answer.returned && answer.rating) shade(row.getCell(5 + 2 * i), RATING_SHADES[answer.rating]);
    });
  }
}

function actionTrackerSheet(workbook: ExcelJS.Workbook, data: BoardReportData): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.actionTracker, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = [{ width: 6 }, { width: 20 }, { width: 40 }, { width: 24 }, { width: 12 }, { width: 12 }, { width: 8 }, { width: 40 }, { width: 16 }, { width: 18 }];
  printSetup(sheet, true);
  headerRow(sheet, ACTION_TRACKER_HEADER);
  for (const { action, progress, rag, owners } of data.actions) {
    const due = effectiveDueDate(action, progress);
    const row = addRow(sheet, [
      action.id,
      `${action.themeNumber}. ${action.themeTitle}`,
      action.text,
      namesOf(owners),
      due ? new Date(`${due}T00:00:00Z`) : action.timescale,
      statusText(progress?.status),
      RAG_NAMES[rag],
      progress?.progressNote ?? '',
      progress?.updatedByName ?? '',
      progress ? formatDateTime(progress.updatedAt) : '',
    ]);
    row.getCell(5).numFmt = 'd mmm yyyy';
    shade(row.getCell(7), RAG_SHADES[rag]);
  }
}

function summarySheet(workbook: ExcelJS.Workbook, data: BoardReportData, partnershipName: string): void {
  const { summary } = data;
  const sheet = workbook.addWorksheet(SHEET_NAMES.summary);
  sheet.columns = [{ width: 22 }, { width: 40 }, { width: 16 }, { width: 13 }, { width: 12 }, { width: 11 }, { width: 19 }, { width: 12 }, { width: 13 }, { width: 13 }];
  printSetup(sheet, true);
  const title = addRow(sheet, ['Prevent Partnership Board report']);
  // The title runs across the empty cells beside it rather than wrapping in the first column.
  title.font = { name: FONT, bold: true, size: 14 };
  title.alignment = { vertical: 'top' };
  title.height = 20;
  addRow(sheet, ['Partnership', partnershipName]);
  addRow(sheet, ['Round', summary.round.name]);
  addRow(sheet, ['Previous round', summary.previousRound?.name ?? 'None']);
  addRow(sheet, ['Framework', `${summary.framework.title} (${summary.framework.version})`]);
  addRow(sheet, ['Generated', formatDateTime(summary.generatedAt)]);
  addRow(sheet, ['Returns', `${summary.returns.returned} of ${summary.returns.total} organisations`]);
  addRow(sheet, [
    'Quorum',
    `${summary.returns.quorum} organisations: ${summary.returns.provisional ? `the score is provisional (${provisionalNote(summary.returns)})` : 'reached, the score is final'}`,
  ]);
  addRow(sheet, [
    'Compared with',
    !summary.previousRound
      ? 'Nothing: first round of this framework'
      : summary.previousRound.sameOrganisations
        ? `${summary.previousRound.name}, the same organisations`
        : `${summary.previousRound.name}, when ${summary.previousRound.returned} organisations had returned, not the same ones`,
  ]);
  addRow(sheet, []);
  headerRow(sheet, SUMMARY_TABLE_HEADER);
  RATINGS.forEach((rating, i) => shade(sheet.lastRow!.getCell(3 + i), RATING_SHADES[rating]));
  for (const benchmark of summary.benchmarks) {
    const goodPractice = [benchmark.goodPractice?.inPlace, benchmark.goodPractice?.rated];
    addRow(
      sheet,
      benchmark.hasCompliance
        ? [
            benchmark.number,
            benchmark.title,
            ...RATINGS.map((r) => benchmark.counts[r]),
            benchmark.score,
            benchmark.previousScore,
            MOVEMENT_LABELS[benchmark.movement],
            ...goodPractice,
          ]
        : // Good practice only: no compliance counts or score, which would read as Not yet started.
          [benchmark.number, benchmark.title, undefined, undefined, undefined, undefined, undefined, 'Good practice only', ...goodPractice],
    );
  }
  const { overall } = summary;
  addRow(sheet, [
    'Overall',
    '',
    undefined,
    undefined,
    undefined,
    overall.score,
    overall.previousScore,
    MOVEMENT_LABELS[overall.movement],
    overall.goodPractice?.inPlace,
    overall.goodPractice?.rated,
  ]).font = {
    name: FONT,
    size: 10,
    bold: true,
  };
  addRow(sheet, []);
  const { actions } = summary;
  headerRow(sheet, ['Actions', 'Count']);
  for (const rag of ['red', 'amber', 'green'] as const) shade(addRow(sheet, [RAG_NAMES[rag], actions.byRag[rag]]).getCell(1), RAG_SHADES[rag]);
  addRow(sheet, ['Complete', actions.complete]);
  addRow(sheet, ['Overdue', actions.overdue.length]);
  addRow(sheet, ['Total', actions.total]);
}

/**
 * SOP §4.1's seven areas in order, one row per line of content; the sheets after it hold the detail
 * (the self-assessment, the action tracker and the figures).
 */
function areasSheet(workbook: ExcelJS.Workbook, data: BoardReportData): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.areas, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 30 }, { width: 14 }, { width: 100 }];
  printSetup(sheet, true);
  headerRow(sheet, AREAS_HEADER);
  data.areas.forEach((area, index) => {
    const lines = area.blocks.flatMap(blockLines);
    const title = `${index + 1}. ${area.title}`;
    addRow(sheet, [title, area.sopRef, lines[0] ?? '']).getCell(1).font = { name: FONT, size: 10, bold: true };
    for (const line of lines.slice(1)) addRow(sheet, [title, area.sopRef, line]);
  });
}

/** The workbook: the self-assessment in the Home Office tool's shape, the action tracker and the figures. */
export async function boardReportXlsx(data: BoardReportData, partnershipName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prevent Partnership Bot';
  workbook.title = `Prevent Partnership Board report: ${data.summary.round.name}`;
  workbook.created = new Date(data.summary.generatedAt);
  areasSheet(workbook, data);
  selfAssessmentSheet(workbook, data);
  actionTrackerSheet(workbook, data);
  summarySheet(workbook, data, partnershipName);
  if (data.summary.figures) addFiguresSheet(workbook, data.summary.figures);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
