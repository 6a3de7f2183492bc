import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PLAN_FILE_LIMITS } from '../../../src/plan-files/plan-file-limits';
import { readCsvBytes, readCsvText, readPlanBytes, readPlanFile } from '../../../src/plan-files/plan-file-reader';
import { duplicateHeaderCsv, emptyHeaderCsv, farColumnRows, inlineRow, repeatedRows, workbookWithSheet, zipOf } from '../../support/hostile-plan-files';

const HEADER = 'Action id,Theme,Key action,Who';
const ROW = '1.1,1. Theme,Run roadshows,Warwickshire County Council';
const MB = 1024 * 1024;

function csvWithRows(rows: number): string {
  return [HEADER, ...Array.from({ length: rows }, () => ROW)].join('\n');
}

/** A clock that moves on a second every time it is read, as a slow read would see it. */
function racingClock(): () => number {
  let now = 0;
  return () => (now += 1000);
}

describe('a CSV plan is read within limits', () => {
  it('refuses a header of thousands of repeated names instead of numbering them all', () => {
    expect(() => readCsvText(duplicateHeaderCsv(4_000), 'plan.csv')).toThrow('cannot read plan.csv: row 1 has something in column 4,000; an action plan has at most 100 columns');
  });

  it('refuses thousands of empty header cells followed by a name', () => {
    expect(() => readCsvText(emptyHeaderCsv(5_000), 'plan.csv')).toThrow(/row 1 has something in column 5,004; an action plan has at most 100 columns/);
  });

  it('still reads a plan padded with trailing empty cells, as Excel can save one', () => {
    const table = readCsvText(`${HEADER}${','.repeat(300)}\n${ROW}${','.repeat(300)}\n`);
    expect(table.header).toEqual(['Action id', 'Theme', 'Key action', 'Who']);
    expect(table.rows).toHaveLength(1);
  });

  it('still numbers repeated and blank header names the same way, one pass over the header', () => {
    expect(readCsvText('W,W (2),W,,W,\nx\n').header).toEqual(['W', 'W (2)', 'W (3)', 'Column 4', 'W (4)']);
    expect(readCsvText(duplicateHeaderCsv(PLAN_FILE_LIMITS.maxColumns)).header.at(-1)).toBe(`W (${PLAN_FILE_LIMITS.maxColumns})`);
  });

  it('refuses a record with more fields than Excel has columns, even empty ones', () => {
    expect(() => readCsvText(`${HEADER}\n${','.repeat(PLAN_FILE_LIMITS.maxCsvFields)}`, 'plan.csv')).toThrow(/row 2 has something in column 16,385/);
  });

  it(`reads ${PLAN_FILE_LIMITS.maxRows} rows below the header and refuses one more`, () => {
    expect(readCsvText(csvWithRows(PLAN_FILE_LIMITS.maxRows)).rows).toHaveLength(PLAN_FILE_LIMITS.maxRows);
    expect(() => readCsvText(csvWithRows(PLAN_FILE_LIMITS.maxRows + 1), 'plan.csv')).toThrow(
      'cannot read plan.csv: it has more than 2,000 rows below the header, and an action plan is a few hundred at most',
    );
  });

  it('does not count blank lines as rows', () => {
    expect(readCsvText(`${csvWithRows(10)}${'\n,,,'.repeat(PLAN_FILE_LIMITS.maxRows * 2)}`).rows).toHaveLength(10);
  });

  it('refuses a cell longer than any field of an action', () => {
    expect(() => readCsvText(`${HEADER},Notes\n${ROW},"${'x'.repeat(PLAN_FILE_LIMITS.maxCellChars + 1)}"`, 'plan.csv')).toThrow(
      'cannot read plan.csv: row 2, column 5 holds 4,001 characters; a cell of an action plan holds at most 4,000',
    );
  });

  it('refuses a CSV over 5 MB before decoding it', () => {
    expect(() => readCsvBytes(new Uint8Array(PLAN_FILE_LIMITS.maxBytes + 1), 'plan.csv')).toThrow(
      'cannot read plan.csv: it is 6 MB, and an action plan is far smaller (at most 5 MB)',
    );
  });

  it('gives up once the time budget is spent, checking between rows', () => {
    expect(() => readCsvText(csvWithRows(1_000), 'plan.csv', { clock: racingClock() })).toThrow(
      'cannot read plan.csv: it took more than 5 seconds to read, far longer than an action plan takes',
    );
  });

  it('reads the same file when the clock shows the budget is not spent', () => {
    const stopped = () => 0;
    expect(readCsvText(csvWithRows(1_000), 'plan.csv', { clock: stopped }).rows).toHaveLength(1_000);
  });
});

describe('an XLSX plan is read within limits', () => {
  const plan = () => [inlineRow(1, ['Action id', 'Theme', 'Key action', 'Who']), inlineRow(2, ['1.1', '1. Theme', 'Run roadshows', 'Warwickshire County Council'])].join('');

  it('reads a small workbook', async () => {
    const table = await readPlanBytes(workbookWithSheet(plan()), 'plan.xlsx');
    expect(table).toEqual({
      header: ['Action id', 'Theme', 'Key action', 'Who'],
      rows: [{ row: 2, values: { 'Action id': '1.1', Theme: '1. Theme', 'Key action': 'Run roadshows', Who: 'Warwickshire County Council' } }],
    });
  });

  it('refuses a sheet that puts a cell in its last column, without walking the empty columns before it', async () => {
    const hostile = workbookWithSheet(farColumnRows(150));
    expect(hostile.byteLength).toBeLessThan(4 * 1024);
    await expect(readPlanBytes(hostile, 'plan.xlsx')).rejects.toThrow('cannot read plan.xlsx: row 1 has something in column 16,384; an action plan has at most 100 columns');
  });

  it('refuses a few kilobytes of zip that unpack to a sheet of many megabytes, without unpacking it', async () => {
    const bomb = workbookWithSheet(repeatedRows(9));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    await expect(readPlanBytes(bomb, 'plan.xlsx')).rejects.toThrow(/^cannot read plan\.xlsx: one part of the workbook unpacks to 9.0 MB \(at most 8 MB\)/);
  });

  it('refuses a workbook whose parts together unpack to more than the limit', async () => {
    const part = Buffer.alloc(6 * MB, 'x');
    const zip = zipOf([1, 2, 3].map((n) => ({ name: `xl/media/image${n}.bin`, data: part })));
    await expect(readPlanBytes(zip, 'plan.xlsx')).rejects.toThrow(/^cannot read plan\.xlsx: the workbook unpacks to 18.0 MB \(at most 16 MB\)/);
  });

  it('refuses a sheet that unpacks to more than its zip directory declares, stopping at the declared size', async () => {
    const liar = workbookWithSheet(repeatedRows(9), 1_000);
    await expect(readPlanBytes(liar, 'plan.xlsx')).rejects.toThrow(
      'cannot read plan.xlsx as an Excel workbook: it is damaged (a part unpacks to more than the workbook says it holds)',
    );
  });

  it('refuses a workbook of hundreds of parts', async () => {
    const zip = zipOf(Array.from({ length: PLAN_FILE_LIMITS.maxZipEntries + 1 }, (_, n) => ({ name: `xl/part${n}.xml`, data: Buffer.from('<a/>') })));
    await expect(readPlanBytes(zip, 'plan.xlsx')).rejects.toThrow(/^cannot read plan\.xlsx: the workbook holds 201 parts \(at most 200\)/);
  });

  it(`refuses more than ${PLAN_FILE_LIMITS.maxRows} rows below the header`, async () => {
    const rows = Array.from({ length: PLAN_FILE_LIMITS.maxRows + 2 }, (_, i) => inlineRow(i + 1, ['1.1', 'Theme']));
    await expect(readPlanBytes(workbookWithSheet(rows.join('')), 'plan.xlsx')).rejects.toThrow('it has more than 2,000 rows below the header');
  });

  it('gives up once the time budget is spent', async () => {
    await expect(readPlanBytes(workbookWithSheet(plan()), 'plan.xlsx', { clock: racingClock() })).rejects.toThrow('it took more than 5 seconds to read');
  });

  describe('from a file on disk (the command line)', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'plan-limits-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a file over 5 MB by its size, before reading it', async () => {
      const file = path.join(dir, 'big.xlsx');
      writeFileSync(file, Buffer.alloc(PLAN_FILE_LIMITS.maxBytes + 1));
      await expect(readPlanFile(file)).rejects.toThrow('cannot read big.xlsx: it is 6 MB, and an action plan is far smaller (at most 5 MB)');
    });

    it('applies the same limits as a file sent in chat', async () => {
      const file = path.join(dir, 'far.xlsx');
      writeFileSync(file, workbookWithSheet(farColumnRows(150)));
      await expect(readPlanFile(file)).rejects.toThrow('row 1 has something in column 16,384');
    });
  });
});
