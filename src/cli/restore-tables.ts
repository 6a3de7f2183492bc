import { readFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { InvalidError } from '../domain/errors';
import { erasureKey, erasuresRecordedIn, erasuresRecordedInBackup, type RecordedErasure } from '../storage/backup/erasure-register';
import { restoreTables } from '../storage/backup/table-backup';
import { eraseMemberFromTables } from '../storage/tables/table-erasure';
import type { TableKey } from '../storage/tables/table-storage';
import { TableStorage } from '../storage/tables/table-storage';
import { runCli } from './cli-runner';
import { eraseMember } from './erase-member';

const USAGE = [
  'usage: TABLE_NAME_PREFIX=NEW npm run restore-tables -- FILE.ndjson --erasures-from OLD_PREFIX',
  '   or: ... FILE.ndjson --erasures-from-backup NEWER.ndjson   (the newest backup there is, when the old tables are lost)',
  '   or: ... FILE.ndjson --no-later-erasures                  (only when FILE is the newest backup and the old tables are lost)',
];

/** Where erasures made after the backup was taken are recorded. */
export interface ErasureSources {
  /** Table name prefixes of the deployment being replaced, in the same account. */
  readonly tablePrefixes: readonly string[];
  /** Newer backup files. */
  readonly backupFiles: readonly string[];
}

/**
 * The restore's arguments. A restore must be told where erasures made since the backup are
 * recorded, or be told in so many words that there are none: without that, restoring an old backup
 * would silently bring back the names of people erased since.
 */
export function restoreArguments(argv: readonly string[]): { file: string; sources: ErasureSources } {
  const tablePrefixes: string[] = [];
  const backupFiles: string[] = [];
  let file: string | undefined;
  let noLater = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--erasures-from' || arg === '--erasures-from-backup') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new InvalidError(`${arg} needs a value`, USAGE);
      (arg === '--erasures-from' ? tablePrefixes : backupFiles).push(value);
    } else if (arg === '--no-later-erasures') noLater = true;
    else if (arg.startsWith('--')) throw new InvalidError(`unknown option ${arg}`, USAGE);
    else if (file === undefined) file = arg;
    else throw new InvalidError(`one backup file at a time (${arg})`, USAGE);
  }
  if (!file) throw new InvalidError('which backup file?', USAGE);
  if (!noLater && tablePrefixes.length === 0 && backupFiles.length === 0) {
    throw new InvalidError('where are erasures made since this backup recorded? A restore re-applies them, so an erased name never comes back', USAGE);
  }
  return { file, sources: { tablePrefixes, backupFiles } };
}

export interface RestoreResult {
  readonly rows: Record<TableKey, number>;
  /** Every erasure applied again to the restored tables. */
  readonly erasures: readonly RecordedErasure[];
  /** Of those, the ones made after the backup, now recorded in the restored audit log too. */
  readonly laterErasures: readonly RecordedErasure[];
}

/**
 * Restores a backup into empty tables, then applies again every erasure recorded in it (one that
 * ran while the backup was being taken may be only half in it) and every erasure recorded since in
 * `later` (the old tables' audit log, newer backups). Those later ones are written to the restored
 * audit log, so the restored deployment's own backups carry the whole register from then on.
 */
export async function restoreWithErasures(
  storage: TableStorage,
  lines: Iterable<string>,
  later: { readonly tables: readonly TableStorage[]; readonly backups: readonly Iterable<string>[] },
  now = new Date(),
): Promise<RestoreResult> {
  // Read first: a source that cannot be read (a mistyped prefix) stops the restore before it writes.
  const since = new Map<string, RecordedErasure>();
  for (const tables of later.tables) for (const erasure of await erasuresRecordedIn(tables.client('audit'))) since.set(erasureKey(erasure), erasure);
  for (const backup of later.backups) for (const erasure of erasuresRecordedInBackup(backup)) since.set(erasureKey(erasure), erasure);
  const rows = await restoreTables(storage, lines);
  const inBackup = await erasuresRecordedIn(storage.client('audit'));
  const recorded = new Set(inBackup.map(erasureKey));
  for (const erasure of inBackup) await eraseMemberFromTables(storage, erasure.objectId, { partnershipId: erasure.partnershipId });
  const laterErasures = [...since.values()].filter((erasure) => !recorded.has(erasureKey(erasure)));
  for (const erasure of laterErasures) await eraseMember(storage, erasure.objectId, erasure.partnershipId, now);
  return { rows, erasures: [...inBackup, ...laterErasures], laterErasures };
}

export function describeRestore(prefix: string, result: RestoreResult): string[] {
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  return [
    `${total} rows restored into the ${prefix}* tables`,
    `${result.erasures.length} erasure(s) applied again (${result.laterErasures.length} made after the backup, now recorded in the restored audit log)`,
    ...result.erasures.map((erasure) => `  ${erasure.objectId} in ${erasure.partnershipId}`),
  ];
}

/** `npm run restore-tables -- FILE.ndjson --erasures-from OLD_PREFIX`: a backup into the configured (empty) tables. */
export async function main(argv: string[]): Promise<number> {
  const { file, sources } = restoreArguments(argv);
  const config = loadConfig();
  // A partnership's governance data is a few thousand rows at most: the files are read whole.
  const read = (path: string) => readFileSync(path, 'utf8').split('\n');
  const later = {
    tables: sources.tablePrefixes.map((prefix) => new TableStorage(config.storage, prefix)),
    backups: sources.backupFiles.map(read),
  };
  const result = await restoreWithErasures(new TableStorage(config.storage, config.tableNamePrefix), read(file), later);
  for (const line of describeRestore(config.tableNamePrefix, result)) console.log(line);
  return 0;
}

if (require.main === module) runCli(main);
