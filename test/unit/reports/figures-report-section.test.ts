import ExcelJS from 'exceljs';
import { figuresContent } from '../../../src/domain/figures/figures-content';
import { figuresContributions, figuresReport } from '../../../src/domain/figures/figures-report';
import { buildBoardReport } from '../../../src/reports/board-report';
import { FIGURES_SHEET_NAME } from '../../../src/reports/figures-report-section';
import { boardReportFixture } from '../../support/board-report-fixture';
import { readDocx } from '../../support/docx-reader';
import { sampleSnapshot } from '../../support/figures-samples';

const content = figuresContent(sampleSnapshot(), '2026-27 Q2');
const withFigures = () => {
  const data = boardReportFixture(figuresContributions(figuresReport(content)));
  return { ...data, summary: { ...data.summary, figures: content } };
};
const areaOf = (data: ReturnType<typeof withFigures>, id: string) => data.areas.find((a) => a.id === id)!;

describe('the quarterly figures in the board report', () => {
  it('gives the referral pathway, Channel panel and training parts, each with the latest quarter and a four-quarter trend', () => {
    const report = figuresReport(content);
    expect(report.parts.map((p) => p.area)).toEqual(['referral-pathway', 'channel-panel', 'training']);
    expect(report.parts.every((p) => p.trend.length === 4)).toBe(true);
    expect(report.parts[0]!.rows.find((r) => r.measure === 'From Police')?.value).toBe('fewer than 5');
  });

  it('sits in SOP 4.1\'s referral pathway, Channel panel and training areas, replacing their "no figures returned" lines', () => {
    const data = withFigures();
    for (const id of ['referral-pathway', 'channel-panel', 'training']) {
      const text = JSON.stringify(areaOf(data, id).blocks);
      expect(text).toContain('2026-27 Q2');
      expect(text).toContain('Last four quarters');
      expect(text).not.toMatch(/No [a-zA-Z ]*figures have been returned/);
    }
    const without = boardReportFixture();
    expect(JSON.stringify(areaOf({ ...without, summary: { ...without.summary, figures: content } }, 'channel-panel').blocks)).toMatch(/No [a-zA-Z ]*figures have been returned/);
  });

  it('never shows a count from 1 to 4 in the figures of the CSV, the workbook or the Word document', async () => {
    const shownValues = figuresReport(content).parts.flatMap((p) => [...p.rows.map((r) => r.value), ...p.trend.map((t) => t.value)]);
    for (const value of shownValues) expect(value).not.toMatch(/^[1-4]$/);

    const csv = (await buildBoardReport(withFigures(), 'csv')).body.toString('utf8');
    expect(csv).toContain('fewer than 5');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildBoardReport(withFigures(), 'xlsx', { partnershipName: 'Warwickshire' })).body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(FIGURES_SHEET_NAME)!;
    expect(sheet.rowCount).toBeGreaterThan(10);
    sheet.eachRow((row) => expect(String(row.getCell(4).value)).not.toMatch(/^[1-4]$/));

    const doc = await readDocx((await buildBoardReport(withFigures(), 'docx', { partnershipName: 'Warwickshire' })).body);
    const text = doc.blocks.map((b) => ('text' in b ? b.text : JSON.stringify(b))).join('\n');
    expect(text).toContain('Channel panel, 2026-27 Q2 (July to September 2026)');
    expect(text).toContain('fewer than 5');
  });

  it('leaves the figures sheet out of a workbook whose partnership has none', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildBoardReport(boardReportFixture(), 'xlsx', { partnershipName: 'Warwickshire' })).body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(FIGURES_SHEET_NAME)).toBeUndefined();
  });
});
