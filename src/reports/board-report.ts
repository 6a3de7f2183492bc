import type { BoardReportData } from '../domain/summary/compliance-summary';
import { boardReportCsv } from './board-report-csv';
import { boardReportDocx } from './board-report-docx';
import { boardReportXlsx } from './board-report-xlsx';
import { boardReportCharts } from './report-charts';
import { boardReportFileName, REPORT_CONTENT_TYPES, type ReportFormat } from './report-format';

export interface BoardReportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface BoardReportOptions {
  /** Shown on the title page and the workbook's summary; the partnership id when not given. */
  readonly partnershipName?: string;
}

/** One file of the board report, made in memory: nothing is written to disk or kept. */
export async function buildBoardReport(data: BoardReportData, format: ReportFormat, options: BoardReportOptions = {}): Promise<BoardReportFile> {
  const partnershipName = options.partnershipName ?? data.summary.partnershipId;
  const body =
    format === 'docx'
      ? await boardReportDocx(data, { partnershipName, charts: await boardReportCharts(data.summary) })
      : format === 'xlsx'
        ? await boardReportXlsx(data, partnershipName)
        : boardReportCsv(data);
  return { fileName: boardReportFileName(data.summary.partnershipId, data.summary.round.id, format), contentType: REPORT_CONTENT_TYPES[format], body };
}
