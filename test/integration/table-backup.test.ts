import { randomBytes } from 'node:crypto';
import { seedDemo } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { backupTables, RestoreError, restoreTables } from '../../src/storage/backup/table-backup';
import { TABLES, TableStorage, type TableKey } from '../../src/storage/tables/table-storage';
import { testConnectionString } from '../support/test-storage';

const prefix = () => `b${randomBytes(5).toString('hex')}`;

async function rows(storage: TableStorage, table: TableKey): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for await (const entity of storage.client(table).listEntities({ disableTypeConversion: true })) {
    const { etag: _etag, timestamp: _timestamp, ...rest } = entity as Record<string, unknown>;
    found.push(Object.fromEntries(Object.entries(rest).filter(([name]) => !name.startsWith('odata'))));
  }
  return found;
}

describe('table backup and restore, on Azurite', () => {
  let source: TableStorage;
  let lines: string[];

  beforeAll(async () => {
    const sourcePrefix = prefix();
    const repositories = await openTableRepositories({ storage: { connectionString: testConnectionString() }, tableNamePrefix: sourcePrefix });
    await seedDemo(repositories);
    source = repositories.storage;
    lines = [];
    await backupTables(source, sourcePrefix, (line) => {
      lines.push(line);
    });
  });

  it('starts the file with a header naming the format', () => {
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'prevent-partnership-bot-tables', version: 1 });
  });

  it('restores every row of every table exactly, into another prefix', async () => {
    const target = new TableStorage(testConnectionString(), prefix());
    await restoreTables(target, lines);
    for (const table of Object.keys(TABLES) as TableKey[]) {
      expect({ table, rows: await rows(target, table) }).toEqual({ table, rows: await rows(source, table) });
    }
  });

  it('backs up the demo partnership (the test has rows to compare)', () => {
    expect(lines.length).toBeGreaterThan(40);
  });

  it('refuses to restore into tables that already hold rows', async () => {
    await expect(restoreTables(source, lines)).rejects.toThrow(RestoreError);
  });

  it('refuses a file that is not a table backup', async () => {
    await expect(restoreTables(new TableStorage(testConnectionString(), prefix()), ['{"hello":1}'])).rejects.toThrow(/not a Prevent Partnership Bot table backup/);
  });
});
