import ExcelJS from 'exceljs';
import { buildBoardReport } from '../../../src/reports/board-report';
import { boardReportFixture, FORMULA_DETAILS, MINUS_NOTE, QUOTED_DETAILS } from '../../support/board-report-fixture';

async function workbookOf(): Promise<ExcelJS.Workbook> {
  const file = await buildBoardReport(boardReportFixture(), 'xlsx', { partnershipName: 'Warwickshire Prevent Partnership' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const values = sheet.getRow(rowNumber).values as unknown[];
  return values.slice(1);
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('the board report workbook', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await workbookOf();
  });

  it('opens on the report in SOP 4.1 areas, then has the self-assessment, the action tracker and the summary', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Board report', 'Self-assessment', 'Action tracker', 'Summary']);
  });

  it("lays the first sheet out in SOP 4.1's seven areas, in its order, each citing it", () => {
    const sheet = workbook.getWorksheet('Board report')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? ''))));
    expect(rows[0]).toEqual(['Area', 'SOP reference', 'Content']);
    expect([...new Set(rows.slice(1).map((r) => r[0]))]).toEqual([
      '1. Situational assessment',
      '2. Action plan',
      '3. Referral pathway',
      '4. Channel panel',
      '5. Training',
      '6. Overall compliance',
      '7. Engagement with key partners',
    ]);
    expect(rows.slice(1).every((r) => r[1] === 'SOP 4.1')).toBe(true);
    expect(rows.map((r) => r[2])).toContain('Priority P3 (Online radicalisation of young people) has no actions in the plan.');
  });

  describe("the Self-assessment sheet, in the Home Office tool's shape", () => {
    const sheet = () => workbook.getWorksheet('Self-assessment')!;

    it('heads the columns benchmark, item, kind, question, then a rating and supporting details per organisation', () => {
      expect(rowValues(sheet(), 1)).toEqual([
        'Benchmark',
        'Item',
        'Kind',
        'Question',
        'Rugby Borough Council rating',
        'Rugby Borough Council supporting details',
        'South Warwickshire NHS Foundation Trust rating',
        'South Warwickshire NHS Foundation Trust supporting details',
        'Warwickshire and West Mercia Police rating',
        'Warwickshire and West Mercia Police supporting details',
        'Warwickshire County Council rating',
        'Warwickshire County Council supporting details',
      ]);
    });

    it('has one row per item of the framework, in order', () => {
      const items = boardReportFixture().framework.sections.flatMap((s) => s.items.map((i) => i.id));
      expect(sheet().getColumn(2).values.slice(2)).toEqual(items);
    });

    it("shows each organisation's submitted rating and supporting details, and Not returned for a draft", () => {
      const row = rowValues(
        sheet(),
        2 +
          boardReportFixture()
            .framework.sections.flatMap((s) => s.items)
            .findIndex((i) => i.id === '4.1'),
      );
      expect(row.slice(0, 3)).toEqual(['4. Referral Process', '4.1', 'Expectation of Compliance']);
      expect(row.slice(4)).toEqual([
        'Not returned',
        '',
        'Achieving',
        'Evidence from swft for 4.1',
        'Not yet started',
        'Evidence from police for 4.1',
        'Achieving',
        'Evidence from wcc for 4.1',
      ]);
    });

    it('keeps a formula typed as supporting details as text, with a single quote before it', () => {
      expect(sheet().getCell('L2').value).toBe(`'${FORMULA_DETAILS}`);
    });

    it('keeps supporting details with quotes, commas and line breaks as typed', () => {
      const row =
        2 +
        boardReportFixture()
          .framework.sections.flatMap((s) => s.items)
          .findIndex((i) => i.id === '2.1');
      expect(sheet().getCell(row, 10).value).toBe(QUOTED_DETAILS);
    });

    it('shades rating cells in the rating colours', () => {
      const row =
        2 +
        boardReportFixture()
          .framework.sections.flatMap((s) => s.items)
          .findIndex((i) => i.id === '4.1');
      expect([7, 9, 11].map((column) => fillOf(sheet().getCell(row, column)))).toEqual(['FFC6EFCE', 'FFFFC7CE', 'FFC6EFCE']);
      expect(fillOf(sheet().getCell(row, 5))).toBeUndefined();
    });

    it('freezes the header row and the benchmark and item columns', () => {
      expect(sheet().views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    });

    it('gives each row the height of its longest wrapped cell, as LibreOffice does not work it out', () => {
      const row =
        2 +
        boardReportFixture()
          .framework.sections.flatMap((s) => s.items)
          .findIndex((i) => i.id === '2.1');
      expect(sheet().getRow(row).height).toBe(2 * 13);
    });

    it('wraps text and sets column widths', () => {
      expect(sheet().getCell('D2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      expect(sheet().getColumn(4).width).toBe(55);
    });
  });

  describe('the Action tracker sheet', () => {
    const sheet = () => workbook.getWorksheet('Action tracker')!;

    it('heads the columns of the tracker', () => {
      expect(rowValues(sheet(), 1)).toEqual(['Id', 'Theme', 'Action', 'Owners', 'Due', 'Status', 'RAG', 'Latest update', 'Updated by', 'Updated at']);
    });

    it('lists every action of the plan', () => {
      expect(sheet().getColumn(1).values.slice(2)).toEqual(['1.1', '3.1', '5.2', '6.1', '6.4']);
    });

    it('gives an overdue action nobody has reported on with its due date as a date', () => {
      const row = rowValues(sheet(), 6);
      expect(row.slice(0, 7)).toEqual([
        '6.4',
        '6. Communities',
        'Ensure public venues are not used by extremist groups',
        'Warwickshire and West Mercia Police',
        new Date('2018-03-31T00:00:00Z'),
        'No update yet',
        'Red',
      ]);
    });

    it("keeps an ongoing action's timescale where it has no due date", () => {
      expect(sheet().getCell('E5').value).toBe('Ongoing');
    });

    it('gives the latest update, who made it and when', () => {
      expect(rowValues(sheet(), 5).slice(7)).toEqual(['Two tension reports were late this quarter', 'Pat Police', '15 Nov 2026, 10:00']);
    });

    it('keeps a progress note starting with a minus sign as text, with a single quote before it', () => {
      expect(sheet().getCell('H4').value).toBe(`'${MINUS_NOTE}`);
    });

    it('shades the RAG cell in its colour', () => {
      expect([2, 4, 5].map((row) => fillOf(sheet().getCell(row, 7)))).toEqual(['FFC6EFCE', 'FFFFC7CE', 'FFFFEB9C']);
    });
  });

  describe('the Summary sheet', () => {
    const sheet = () => workbook.getWorksheet('Summary')!;

    it('names the partnership, the rounds, the framework and the returns', () => {
      expect([2, 3, 4, 7].map((row) => rowValues(sheet(), row))).toEqual([
        ['Partnership', 'Warwickshire Prevent Partnership'],
        ['Round', '2026/27 Q3'],
        ['Previous round', '2026/27 Q2'],
        ['Returns', '3 of 4 organisations'],
      ]);
    });

    it('gives the quorum and whether the previous round rests on the same organisations', () => {
      expect([8, 9].map((row) => rowValues(sheet(), row))).toEqual([
        ['Quorum', '3 organisations: reached, the score is final'],
        ['Compared with', '2026/27 Q2, the same organisations'],
      ]);
    });

    it('gives each benchmark its counts, score, previous score, movement and good practice as numbers', () => {
      expect(rowValues(sheet(), 11)).toEqual([
        'Benchmark',
        'Title',
        'Not yet started',
        'Developing',
        'Achieving',
        'Score (%)',
        'Previous score (%)',
        'Movement',
        'Good practice in place',
        'Good practice rated',
      ]);
      // Benchmark 4 holds no good practice; benchmark 6 only good practice (4 of 6 Achieving).
      expect(rowValues(sheet(), 15)).toEqual([4, 'Referral Process', 1, 0, 2, 67, 83, 'Down']);
      expect(rowValues(sheet(), 17)).toEqual([6, 'Prevent Problem Solving Process', undefined, undefined, undefined, undefined, undefined, 'Good practice only', 4, 6]);
    });

    it('ends the table with the overall score and good practice', () => {
      expect(rowValues(sheet(), 22)).toEqual(['Overall', '', undefined, undefined, undefined, 75, 65, 'Up', 26, 48]);
    });

    it('counts the actions by RAG', () => {
      expect([25, 26, 27, 28, 29, 30].map((row) => rowValues(sheet(), row))).toEqual([
        ['Red', 2],
        ['Amber', 1],
        ['Green', 2],
        ['Complete', 1],
        ['Overdue', 1],
        ['Total', 5],
      ]);
    });
  });
});
