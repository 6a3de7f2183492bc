import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBoardReport } from '../../src/cli/report';
import { loadConfig } from '../../src/config';
import { framework2018 } from '../support/board-report-fixture';
import { readDocx, sectionUnder } from '../support/docx-reader';
import { SEEDED_ROUND, seedReportRound } from '../support/report-seed';
import { testConnectionString } from '../support/test-storage';

describe('npm run report, on Azurite', () => {
  const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_NAME_PREFIX: `r${randomBytes(4).toString('hex')}` });
  let outDir: string;
  let written: string[];

  beforeAll(async () => {
    await seedReportRound(config);
    outDir = await mkdtemp(path.join(tmpdir(), 'board-report-'));
    written = await writeBoardReport({ roundName: SEEDED_ROUND.name, partnershipId: 'warwickshire', outDir, formats: ['docx', 'xlsx', 'csv'] }, config);
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes the three files named after the partnership and the round, and says where', async () => {
    const names = ['docx', 'xlsx', 'csv'].map((ext) => `warwickshire-2026-27-q3-board-report.${ext}`);
    expect(written).toEqual(names.map((name) => path.join(outDir, name)));
    expect((await readdir(outDir)).sort()).toEqual([...names].sort());
  });

  it("writes a Word document with the round's returns and the partnership's name", async () => {
    const doc = await readDocx(await readFile(written[0]!));
    // The area's first paragraph cites SOP 4.1; the compliance figures follow it.
    const summary = sectionUnder(doc, '6. Overall compliance')
      .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
      .slice(1);
    expect(summary).toContain('Returns: 2 of 16 organisations submitted their self-assessment return; 9 are needed before the score is final.');
    // One organisation all Achieving, one all Developing: 3 of 4 points on every expectation = 75%, provisional
    // (2 of 16 returned, more than half is 9). The 16 good-practice items of the 2018 toolkit: the first organisation's 16 in place of 32.
    expect(summary[0]).toBe('Overall compliance score: 75% (provisional: from 2 of 16 organisations; 9 needed; new).');
    expect(summary[1]).toBe('Good practice: 16 of 32 in place.');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === 'Partnership: Warwickshire Prevent Partnership')).toBe(true);
  });

  it('writes a workbook with a row per framework item and a column pair per organisation', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(written[1]!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Self-assessment')!;
    expect(sheet.rowCount).toBe(1 + framework2018.sections.flatMap((s) => s.items).length);
    expect(sheet.getRow(1).cellCount).toBe(4 + 2 * 16);
  });

  it('writes the plan into the action tracker', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(written[1]!)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Action tracker')!.rowCount).toBe(1 + 32);
  });

  it('writes a CSV line per item and organisation', async () => {
    const lines = (await readFile(written[2]!, 'utf8')).split('\r\n').filter(Boolean);
    expect(lines.filter((line) => line.startsWith('6. Overall compliance,SOP 4.1,,'))).toHaveLength(framework2018.sections.flatMap((s) => s.items).length * 16);
  });

  it('writes only the formats asked for', async () => {
    const only = await mkdtemp(path.join(tmpdir(), 'board-report-'));
    try {
      const files = await writeBoardReport({ partnershipId: 'warwickshire', outDir: only, formats: ['csv'] }, config);
      expect(files.map((f) => path.basename(f))).toEqual(['warwickshire-2026-27-q3-board-report.csv']);
    } finally {
      await rm(only, { recursive: true, force: true });
    }
  });

  it('refuses a round that does not exist, naming the rounds there are', async () => {
    await expect(writeBoardReport({ roundName: '2019/20 Q1', partnershipId: 'warwickshire', outDir, formats: ['csv'] }, config)).rejects.toThrow(
      'There is no self-assessment round "2019/20 Q1". The rounds are: 2026/27 Q3.',
    );
  });
});
