import path from 'node:path';
import { parseReportArguments } from '../../../src/cli/report';

const CONFIG = { defaultPartnershipId: 'warwickshire' };

describe('npm run report arguments', () => {
  it('reads the round, the partnership, the folder and the formats', () => {
    expect(parseReportArguments(['--round', '2026/27 Q3', '--partnership', 'coventry', '--out', 'reports', '--format', 'docx,csv'], CONFIG)).toEqual({
      roundName: '2026/27 Q3',
      partnershipId: 'coventry',
      outDir: path.resolve('reports'),
      formats: ['docx', 'csv'],
    });
  });

  it('defaults to the latest round, the default partnership, the current folder and all three formats', () => {
    expect(parseReportArguments([], CONFIG)).toEqual({ partnershipId: 'warwickshire', outDir: path.resolve('.'), formats: ['docx', 'xlsx', 'csv'] });
  });

  it('accepts formats in any case, with spaces, once each', () => {
    expect(parseReportArguments(['--format', 'XLSX, xlsx ,csv'], CONFIG).formats).toEqual(['xlsx', 'csv']);
  });

  it('refuses a format it cannot write, naming the ones it can', () => {
    expect(() => parseReportArguments(['--format', 'pdf'], CONFIG)).toThrow('--format takes docx, xlsx, csv (comma-separated), not "pdf"');
  });

  it('refuses an unknown argument', () => {
    expect(() => parseReportArguments(['--rnd', 'Q3'], CONFIG)).toThrow('unknown argument "--rnd"');
  });

  it('refuses a flag without its value', () => {
    expect(() => parseReportArguments(['--round'], CONFIG)).toThrow('--round needs a value');
  });

  it('refuses a partnership id that is not one', () => {
    expect(() => parseReportArguments(['--partnership', 'No Such/Place'], CONFIG)).toThrow('--partnership');
  });
});
