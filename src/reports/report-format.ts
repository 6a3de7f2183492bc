/** The board report's files. Kept apart from the builders so link signing never loads docx or vega. */
export const REPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** "warwickshire-2026-27-q3-board-report.docx": ids are already lower-case letters, digits and hyphens. */
export function boardReportFileName(partnershipId: string, roundId: string, format: ReportFormat): string {
  return `${partnershipId}-${roundId}-board-report.${format}`;
}
