import { loadConfig } from '../config';
import { InvalidError } from '../domain/errors';
import { partnershipIdSchema } from '../domain/partnership/partnership';
import { parseOrThrow } from '../domain/validation';
import { AuditTableRepository } from '../storage/tables/audit-table-repository';
import { eraseMemberFromTables, type ErasureResult } from '../storage/tables/table-erasure';
import { PartnershipTableRepository } from '../storage/tables/partnership-table-repository';
import { TableStorage } from '../storage/tables/table-storage';
import { runCli } from './cli-runner';

const USAGE = 'usage: npm run erase-member -- OBJECT_ID [--partnership ID]';
const ACTOR = 'cli:erase-member';

/**
 * Erases a person's name from every table, then notes the erasure (the object id only) in the audit
 * log of each partnership searched. The audit log holds no names, so its chain stays intact.
 */
export async function eraseMember(storage: TableStorage, objectId: string, partnershipId?: string, now = new Date()): Promise<ErasureResult> {
  const result = await eraseMemberFromTables(storage, objectId, partnershipId ? { partnershipId } : {});
  const log = new AuditTableRepository(storage.client('audit'));
  const ids = partnershipId ? [partnershipId] : await new PartnershipTableRepository(storage.client('partnerships')).listIds();
  for (const id of ids) await log.append(id, { at: now.toISOString(), actorId: ACTOR, verb: 'member-erase', entity: `member:${objectId}` });
  return result;
}

export function describeErasure(objectId: string, result: ErasureResult): string[] {
  const changed = Object.entries(result.rowsChanged).map(([table, count]) => `${table} ${count}`);
  return [
    `erased ${objectId}: ${result.namesFound} name(s) found; rows rewritten: ${changed.length > 0 ? changed.join(', ') : 'none'}`,
    ...(result.mentions.length > 0
      ? ['these rows still mention the name in free text; review them by hand:', ...result.mentions.map((m) => `  ${m.table} ${m.partitionKey} ${m.rowKey}`)]
      : []),
  ];
}

export async function main(argv: string[]): Promise<number> {
  const objectId = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--partnership');
  if (!objectId) throw new InvalidError('which person? give their AAD object id', [USAGE]);
  const flag = argv.indexOf('--partnership');
  const partnershipId = flag >= 0 ? parseOrThrow(partnershipIdSchema, argv[flag + 1], '--partnership') : undefined;
  const config = loadConfig();
  const storage = new TableStorage(config.storage, config.tableNamePrefix);
  await storage.ensureTables();
  const result = await eraseMember(storage, objectId, partnershipId);
  for (const line of describeErasure(objectId, result)) console.log(line);
  return 0;
}

if (require.main === module) runCli(main);
