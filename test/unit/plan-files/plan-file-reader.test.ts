import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { parseCsv, readCsvText, readPlanFile } from '../../../src/plan-files/plan-file-reader';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    ['a quoted field holding commas', 'a,"b, c",d\n', [['a', 'b, c', 'd']]],
    ['doubled quotes inside a quoted field', '"say ""hello""",x\n', [['say "hello"', 'x']]],
    ['a line break inside a quoted field', '"line one\nline two",x\n', [['line one\nline two', 'x']]],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a CRLF inside a quoted field', '"one\r\ntwo",x\r\n', [['one\r\ntwo', 'x']]],
    [
      'a byte-order mark',
      '\uFEFFAction id,Who\n3.1,WCC\n',
      [
        ['Action id', 'Who'],
        ['3.1', 'WCC'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'empty fields',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['an empty quoted last field', 'a,""\n', [['a', '']]],
    ['a quote inside an unquoted field, kept as text', 'Zak "pilot",x\n', [['Zak "pilot"', 'x']]],
    ['non-ASCII text', 'Who\nPrevent Officer – with CAVA’s team\n', [['Who'], ['Prevent Officer – with CAVA’s team']]],
  ])('reads %s', (_case, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it('refuses a quoted field that is never closed, naming the row it opened in', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'plan.csv')).toThrow('cannot read plan.csv: a quoted field that starts in row 2 is never closed');
  });
});

describe('readCsvText', () => {
  it('keys each row by the header and numbers rows as a spreadsheet does, header = row 1', () => {
    expect(readCsvText('Action id,Who\n3.1,WCC\n3.2,NBBC\n')).toEqual({
      header: ['Action id', 'Who'],
      rows: [
        { row: 2, values: { 'Action id': '3.1', Who: 'WCC' } },
        { row: 3, values: { 'Action id': '3.2', Who: 'NBBC' } },
      ],
    });
  });

  it('counts a record with a line break inside quotes as one row', () => {
    const table = readCsvText('Id,Notes\n1.1,"two\nlines"\n1.2,x\n');
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('skips blank lines but keeps counting them in row numbers', () => {
    const table = readCsvText('Id,Who\n1.1,WCC\n\n,\n1.2,NBBC\n');
    expect(table.rows.map((r) => [r.row, r.values['Id']])).toEqual([
      [2, '1.1'],
      [5, '1.2'],
    ]);
  });

  it('trims header names and names blank or repeated ones so no column is lost', () => {
    expect(readCsvText(' Who ,,Who\nA,B,C\n').header).toEqual(['Who', 'Column 2', 'Who (2)']);
  });

  it('gives an empty table for an empty file', () => {
    expect(readCsvText('')).toEqual({ header: [], rows: [] });
  });
});

describe('readPlanFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plan-file-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a UTF-8 CSV file with a byte-order mark', async () => {
    const file = path.join(dir, 'plan.csv');
    writeFileSync(file, Buffer.from('\uFEFFAction id,Who\r\n3.1,Prevent Officer – WCC\r\n', 'utf8'));
    await expect(readPlanFile(file)).resolves.toEqual({
      header: ['Action id', 'Who'],
      rows: [{ row: 2, values: { 'Action id': '3.1', Who: 'Prevent Officer – WCC' } }],
    });
  });

  it('refuses a CSV that is not UTF-8, saying how to save one that is', async () => {
    const file = path.join(dir, 'windows.csv');
    writeFileSync(file, Buffer.from([0x57, 0x68, 0x6f, 0x0a, 0x96, 0x0a])); // "Who\n" then a Windows-1252 dash
    await expect(readPlanFile(file)).rejects.toThrow('cannot read windows.csv: it is not UTF-8 text; in Excel choose Save As > "CSV UTF-8 (Comma delimited)"');
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    await expect(readPlanFile(path.join(dir, 'plan.ods'))).rejects.toThrow('cannot read plan.ods: expected a .csv or .xlsx file, not ".ods"');
  });

  it('refuses an old .xls workbook, asking for .xlsx or CSV', async () => {
    await expect(readPlanFile(path.join(dir, 'plan.xls'))).rejects.toThrow(/old \.xls format is not supported; save it as \.xlsx or CSV UTF-8/);
  });

  it('reads the first worksheet of an XLSX workbook, turning every kind of cell into plain text', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Action id', 'Theme', 'Key action', 'Who', 'Timescale', 'Outcomes', 'Notes']);
    sheet.addRow([
      '3.1',
      '3. Awareness, Learning and Development',
      { richText: [{ text: 'Continue to provide ', font: { bold: true } }, { text: 'WRAP training' }] },
      { text: 'Prevent Officer', hyperlink: 'https://www.safeinwarwickshire.com/prevent' },
      new Date(Date.UTC(2018, 2, 31)),
      { formula: '1+1', result: 2 },
      true,
    ]);
    sheet.addRow([]);
    sheet.addRow([3.1, '', 'Second', 'WCC']);
    const id = sheet.getCell('A4');
    id.value = 3.1;
    id.numFmt = '0.00';
    const file = path.join(dir, 'plan.xlsx');
    await workbook.xlsx.writeFile(file);

    const table = await readPlanFile(file);

    expect(table.header).toEqual(['Action id', 'Theme', 'Key action', 'Who', 'Timescale', 'Outcomes', 'Notes']);
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          'Action id': '3.1',
          Theme: '3. Awareness, Learning and Development',
          'Key action': 'Continue to provide WRAP training',
          Who: 'Prevent Officer',
          Timescale: '2018-03-31',
          Outcomes: '2',
          Notes: 'TRUE',
        },
      },
      { row: 4, values: { 'Action id': '3.10', Theme: '', 'Key action': 'Second', Who: 'WCC' } },
    ]);
  });

  it('refuses a file with an .xlsx name that is not a workbook', async () => {
    const file = path.join(dir, 'fake.xlsx');
    writeFileSync(file, 'Action id,Who\n');
    await expect(readPlanFile(file)).rejects.toThrow(/^cannot read fake\.xlsx as an Excel workbook: /);
  });
});
