import { buildBoardReport } from '../../../src/reports/board-report';
import { boardReportFixture } from '../../support/board-report-fixture';

describe('buildBoardReport', () => {
  it.each([
    ['docx', 'warwickshire-2026-27-q3-board-report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'warwickshire-2026-27-q3-board-report.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['csv', 'warwickshire-2026-27-q3-board-report.csv', 'text/csv; charset=utf-8'],
  ] as const)('names the %s file after the partnership and the round, with its content type', async (format, fileName, contentType) => {
    const file = await buildBoardReport(boardReportFixture(), format);
    expect({ fileName: file.fileName, contentType: file.contentType }).toEqual({ fileName, contentType });
  });

  it.each(['docx', 'xlsx'] as const)('makes the %s file a zip package, as Office files are', async (format) => {
    const file = await buildBoardReport(boardReportFixture(), format);
    expect(file.body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });
});
