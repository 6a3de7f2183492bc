import { loadConfig } from '../config';
import { verifyChain } from '../domain/audit/audit-chain';
import { InvalidError } from '../domain/errors';
import { partnershipIdSchema } from '../domain/partnership/partnership';
import type { AuditLog } from '../domain/ports';
import { parseOrThrow } from '../domain/validation';
import { AuditTableRepository } from '../storage/tables/audit-table-repository';
import { PartnershipTableRepository } from '../storage/tables/partnership-table-repository';
import { TableStorage } from '../storage/tables/table-storage';
import { runCli } from './cli-runner';
import { checkAnchors, type AuditAnchorStore } from '../domain/audit/audit-anchor';
import { anchorStoreFor } from '../storage/audit/audit-from-config';
import { TablePendingAudits } from '../storage/audit/table-pending-audits';

const USAGE = 'usage: npm run audit -- --verify [--partnership ID]   or   npm run audit -- --list [--since YYYY-MM-DD] [--partnership ID]   or   npm run audit -- --sweep';

/**
 * One line per partnership; `intact` is false when any chain is broken. With anchors, a chain that
 * verifies on its own must also still hold every anchored head: rows cut from the end with the head
 * row moved back, or hashes recomputed after an edit, are caught there and not by the chain.
 */
export async function verifyAuditLogs(
  log: AuditLog,
  partnershipIds: readonly string[],
  anchors?: AuditAnchorStore,
  waiting: ReadonlyMap<string, number> = new Map(),
): Promise<{ lines: string[]; intact: boolean }> {
  const lines: string[] = [];
  let intact = true;
  for (const partnershipId of partnershipIds) {
    const pending = waiting.get(partnershipId) ?? 0;
    // Not a break: the write and its pending row landed together, and the next sweep appends it.
    if (pending > 0)
      lines.push(
        `audit chain of ${partnershipId}: ${pending} ${pending === 1 ? 'write awaits its' : 'writes await their'} audit entry (npm run audit -- --sweep appends them now)`,
      );
    const entries = await log.list(partnershipId);
    const verdict = verifyChain(entries, await log.head(partnershipId));
    if (!verdict.intact) {
      intact = false;
      lines.push(`audit chain of ${partnershipId}: BROKEN at entry ${verdict.sequence} (${verdict.problem}): ${verdict.detail}`);
      continue;
    }
    const counted = `${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}`;
    if (!anchors) {
      lines.push(`audit chain of ${partnershipId}: ${counted}, intact`);
      continue;
    }
    const anchored = checkAnchors(entries, await anchors.list(partnershipId));
    if (anchored.intact) {
      lines.push(`audit chain of ${partnershipId}: ${counted}, intact, ${anchored.anchors} ${anchored.anchors === 1 ? 'anchor' : 'anchors'} matched`);
    } else {
      intact = false;
      lines.push(`audit chain of ${partnershipId}: BROKEN (trimmed or rewritten): ${anchored.detail}`);
    }
  }
  return { lines, intact };
}

/** The entries as lines for the Prevent Officer's report: sequence, time, actor id, verb, entity. */
export async function listAuditEntries(log: AuditLog, partnershipId: string, since?: string): Promise<string[]> {
  const entries = await log.list(partnershipId);
  return entries.filter((e) => since === undefined || e.at >= since).map((e) => [`#${e.sequence}`, e.at, e.actorId, e.verb, e.entity].join('\t'));
}

export async function main(argv: string[]): Promise<number> {
  const mode = argv.includes('--verify') ? 'verify' : argv.includes('--list') ? 'list' : argv.includes('--sweep') ? 'sweep' : undefined;
  if (!mode) throw new InvalidError('say --verify, --list or --sweep', [USAGE]);
  const flagValue = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (value === undefined || value.startsWith('--')) throw new InvalidError(`${flag} needs a value`, [USAGE]);
    return value;
  };
  const since = flagValue('--since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) throw new InvalidError(`--since takes a date such as 2026-11-01, not "${since}"`, [USAGE]);
  const config = loadConfig();
  const storage = new TableStorage(config.storage, config.tableNamePrefix);
  await storage.ensureTables();
  const log = new AuditTableRepository(storage.client('audit'));
  const given = flagValue('--partnership');
  const partnershipId = given === undefined ? undefined : parseOrThrow(partnershipIdSchema, given, '--partnership');

  const pending = new TablePendingAudits(storage, log);
  if (mode === 'sweep') {
    console.log(`pending audit entries appended: ${await pending.sweep()}`);
    return 0;
  }
  if (mode === 'list') {
    const lines = await listAuditEntries(log, partnershipId ?? config.defaultPartnershipId, since === undefined ? undefined : new Date(since).toISOString());
    for (const line of lines) console.log(line);
    return 0;
  }
  const ids = partnershipId ? [partnershipId] : await new PartnershipTableRepository(storage.client('partnerships')).listIds();
  const { lines, intact } = await verifyAuditLogs(log, ids.length > 0 ? ids : [config.defaultPartnershipId], anchorStoreFor(config), await pending.waiting());
  for (const line of lines) (intact ? console.log : console.error)(line);
  return intact ? 0 : 1;
}

if (require.main === module) runCli(main);
