import ExcelJS from 'exceljs';
import { figuresContent } from '../../../src/domain/figures/figures-content';
import { figuresReport } from '../../../src/domain/figures/figures-report';
import { buildBoardReport } from '../../../src/reports/board-report';
import { FIGURES_SHEET_NAME } from '../../../src/reports/figures-report-section';
import { boardReportFixture } from '../../support/board-report-fixture';
import { readDocx } from '../../support/docx-reader';
import { sampleSnapshot } from '../../support/figures-samples';

const content = figuresContent(sampleSnapshot(), '2026-27 Q2');
const withFigures = () => {
  const data = boardReportFixture();
  return { ...data, summary: { ...data.summary, figures: content } };
};
const SMALL = /^[1-4]$/;

describe('the quarterly figures in the board report', () => {
  it('gives the referral pathway, Channel panel and training parts, each with the latest quarter and a four-quarter trend', () => {
    const report = figuresReport(content);
    expect(report.parts.map((p) => p.area)).toEqual(['referral-pathway', 'channel-panel', 'training']);
    expect(report.parts.every((p) => p.trend.length === 4)).toBe(true);
    expect(report.parts[0]!.rows.find((r) => r.measure === 'From Police')?.value).toBe('fewer than 5');
  });

  it('never shows a count from 1 to 4 in the CSV, the workbook or the Word document', async () => {
    const csv = (await buildBoardReport(withFigures(), 'csv')).body.toString('utf8');
    const figuresLines = csv.slice(csv.indexOf('Area,Quarter,Measure,Value')).trim().split('\r\n').slice(1);
    expect(figuresLines.length).toBeGreaterThan(10);
    for (const line of figuresLines) expect(line.split(',').at(-1)).not.toMatch(SMALL);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildBoardReport(withFigures(), 'xlsx', { partnershipName: 'Warwickshire' })).body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(FIGURES_SHEET_NAME)!;
    expect(sheet.rowCount).toBe(figuresLines.length + 1);
    sheet.eachRow((row) => expect(String(row.getCell(4).value)).not.toMatch(SMALL));

    const doc = await readDocx((await buildBoardReport(withFigures(), 'docx', { partnershipName: 'Warwickshire' })).body);
    const headings = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.style?.startsWith('Heading') ? [b.text] : []));
    expect(headings).toEqual(
      expect.arrayContaining([
        'Quarterly figures',
        'Referral pathway: Prevent referrals: 2026-27 Q2 (July to September 2026)',
        'Channel panel: 2026-27 Q2 (July to September 2026)',
      ]),
    );
  });

  it('leaves the figures out of a report whose partnership has none', async () => {
    const csv = (await buildBoardReport(boardReportFixture(), 'csv')).body.toString('utf8');
    expect(csv).not.toContain('Area,Quarter,Measure,Value');
  });
});
