import { restoreArguments } from '../../../src/cli/restore-tables';

describe('npm run restore-tables arguments', () => {
  it('refuses a restore that is not told where erasures made since the backup are recorded', () => {
    expect(() => restoreArguments(['tables-2027-03-01.ndjson'])).toThrow('where are erasures made since this backup recorded?');
  });

  it('takes the prefix of the tables being replaced', () => {
    expect(restoreArguments(['tables-2027-03-01.ndjson', '--erasures-from', 'ppb'])).toEqual({
      file: 'tables-2027-03-01.ndjson',
      sources: { tablePrefixes: ['ppb'], backupFiles: [] },
    });
  });

  it('takes newer backup files when the old tables are lost', () => {
    expect(restoreArguments(['--erasures-from-backup', 'tables-2027-03-09.ndjson', 'tables-2027-03-01.ndjson']).sources).toEqual({
      tablePrefixes: [],
      backupFiles: ['tables-2027-03-09.ndjson'],
    });
  });

  it('restores without a register only when told in so many words', () => {
    expect(restoreArguments(['tables-2027-03-01.ndjson', '--no-later-erasures']).sources).toEqual({ tablePrefixes: [], backupFiles: [] });
  });

  it('refuses an option without its value, an unknown option and a second file', () => {
    expect(() => restoreArguments(['a.ndjson', '--erasures-from'])).toThrow('--erasures-from needs a value');
    expect(() => restoreArguments(['a.ndjson', '--erasures'])).toThrow('unknown option --erasures');
    expect(() => restoreArguments(['a.ndjson', 'b.ndjson', '--no-later-erasures'])).toThrow('one backup file at a time');
  });
});
