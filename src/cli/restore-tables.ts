import { readFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { restoreTables } from '../storage/backup/table-backup';
import { TableStorage } from '../storage/tables/table-storage';
import { runCli } from './cli-runner';

/** `npm run restore-tables -- FILE.ndjson`: a backup into the configured (empty) tables. */
export async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || file.startsWith('--')) throw new Error('usage: TABLE_NAME_PREFIX=NEW npm run restore-tables -- FILE.ndjson');
  const config = loadConfig();
  // A partnership's governance data is a few thousand rows at most: the file is read whole.
  const lines = readFileSync(file, 'utf8').split('\n');
  const counts = await restoreTables(new TableStorage(config.storage, config.tableNamePrefix), lines);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${total} rows restored into the ${config.tableNamePrefix}* tables`);
  return 0;
}

if (require.main === module) runCli(main);
