import { buildBoardReport } from '../../../src/reports/board-report';
import { csvField } from '../../../src/reports/board-report-csv';
import { boardReportFixture, FORMULA_DETAILS, QUOTED_DETAILS } from '../../support/board-report-fixture';

async function csvText(): Promise<string> {
  return (await buildBoardReport(boardReportFixture(), 'csv')).body.toString('utf8');
}

describe('the board report CSV', () => {
  it('starts with a byte order mark, so Excel reads it as UTF-8', async () => {
    const body = (await buildBoardReport(boardReportFixture(), 'csv')).body;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('heads the area and long-form columns', async () => {
    expect((await csvText()).slice(1).split('\r\n')[0]).toBe('Area,SOP reference,Content,Benchmark,Item,Kind,Organisation,Rating,Supporting details');
  });

  it("runs through SOP 4.1's seven areas in its order, each citing it", async () => {
    const areas = (await csvText())
      .slice(1)
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0]);
    expect([...new Set(areas)]).toEqual([
      '1. Situational assessment',
      '2. Action plan',
      '3. Referral pathway',
      '4. Channel panel',
      '5. Training',
      '6. Overall compliance',
      '7. Engagement with key partners',
    ]);
    expect(await csvText()).toContain('1. Situational assessment,SOP 4.1,Priority P3 (Online radicalisation of young people) has no actions in the plan.,,,,,,\r\n');
  });

  it('has one line per item and organisation under overall compliance, each ended by CRLF', async () => {
    const text = await csvText();
    const items = boardReportFixture().framework.sections.flatMap((s) => s.items).length;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').filter((line) => line.startsWith('6. Overall compliance,SOP 4.1,,'))).toHaveLength(items * 4);
  });

  it("gives a submitted organisation's rating and Not returned for a draft", async () => {
    const lines = (await csvText()).split('\r\n');
    expect(lines.filter((line) => line.includes(',4.1,'))).toEqual([
      '6. Overall compliance,SOP 4.1,,4. Referral Process,4.1,Expectation of Compliance,Rugby Borough Council,Not returned,',
      '6. Overall compliance,SOP 4.1,,4. Referral Process,4.1,Expectation of Compliance,South Warwickshire NHS Foundation Trust,Achieving,Evidence from swft for 4.1',
      '6. Overall compliance,SOP 4.1,,4. Referral Process,4.1,Expectation of Compliance,Warwickshire and West Mercia Police,Not yet started,Evidence from police for 4.1',
      '6. Overall compliance,SOP 4.1,,4. Referral Process,4.1,Expectation of Compliance,Warwickshire County Council,Achieving,Evidence from wcc for 4.1',
    ]);
  });

  it('quotes a field with a quote, a comma or a line break, doubling its quotes', async () => {
    expect(await csvText()).toContain(`,Developing,"${QUOTED_DETAILS.replace(/"/g, '""')}"\r\n`);
  });

  it('neutralises a formula typed as supporting details', async () => {
    expect(await csvText()).toContain(`,Achieving,"'${FORMULA_DETAILS.replace(/"/g, '""')}"\r\n`);
  });
});

describe('csvField', () => {
  it.each([
    ['=', '=1+1', "'=1+1"],
    ['+', '+1', "'+1"],
    ['-', '-1', "'-1"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\tcmd', "'\tcmd"],
    ['a carriage return', '\rcmd', `"'\rcmd"`],
  ])('neutralises a field starting with %s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves plain text unquoted', () => {
    expect(csvField('Warwickshire County Council')).toBe('Warwickshire County Council');
  });

  it('quotes a field holding a comma', () => {
    expect(csvField('Minutes, item 4')).toBe('"Minutes, item 4"');
  });
});
