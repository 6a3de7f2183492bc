import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadConfig } from '../config';
import { backupTables } from '../storage/backup/table-backup';
import { TableStorage } from '../storage/tables/table-storage';
import { runCli } from './cli-runner';

/** `npm run backup-tables -- FILE.ndjson`: every row of the configured tables, to one file. */
export async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || file.startsWith('--')) throw new Error('usage: npm run backup-tables -- FILE.ndjson');
  const config = loadConfig();
  const out = createWriteStream(file, { flags: 'wx' });
  await once(out, 'open');
  const counts = await backupTables(new TableStorage(config.storage, config.tableNamePrefix), config.tableNamePrefix, async (line) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  });
  out.end();
  await once(out, 'finish');
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${total} rows from the ${config.tableNamePrefix}* tables written to ${file}`);
  return 0;
}

if (require.main === module) runCli(main);
