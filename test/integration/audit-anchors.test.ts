import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { verifyAuditLogs } from '../../src/cli/audit';
import { startAzuriteBlob, type RunningAzurite } from '../../tools/local/azurite';
import type { AuditAnchorStore } from '../../src/domain/audit/audit-anchor';
import { AuditAnchoring } from '../../src/domain/audit/audit-anchoring';
import { chainEntry } from '../../src/domain/audit/audit-chain';
import type { StoredAuditEntry } from '../../src/domain/audit/audit-entry';
import { BlobAnchorStore } from '../../src/storage/audit/blob-anchor-store';
import { FileAnchorStore } from '../../src/storage/audit/file-anchor-store';
import { auditEntryRowKey, AuditTableRepository } from '../../src/storage/tables/audit-table-repository';
import { encodeKey } from '../../src/storage/tables/key-encoding';
import { auditEvent } from '../support/audit-log-contract';
import { freshTableStorage } from '../support/test-storage';

const PK = encodeKey('warwickshire');
const ANCHORED_AT = '2026-12-03T02:00:00.000Z';

/**
 * Anchors against tampering that the chain alone cannot see: whoever can write the audit table can
 * cut rows off its end and move the head row back, or edit a row and recompute every hash after it.
 * The anchor, kept where the table's writer cannot rewrite it, still names the head it saw.
 */
describe('audit chain anchors on Azurite', () => {
  let blobService: RunningAzurite;
  let scratch: string;

  beforeAll(async () => {
    blobService = await startAzuriteBlob();
    await BlobServiceClient.fromConnectionString(blobService.connectionString).getContainerClient('audit-anchors').createIfNotExists();
    scratch = mkdtempSync(path.join(tmpdir(), 'audit-anchors-'));
  }, 60_000);

  afterAll(async () => {
    await blobService?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const stores: [string, () => AuditAnchorStore][] = [
    ['an append blob in the anchor container', () => BlobAnchorStore.withConnectionString(blobService.connectionString, 'audit-anchors', `a${randomBytes(4).toString('hex')}`)],
    ['the local append-only file', () => new FileAnchorStore(path.join(scratch, `anchors-${randomBytes(4).toString('hex')}.ndjson`))],
  ];

  describe.each(stores)('kept in %s', (_name, makeStore) => {
    let table: TableClient;
    let log: AuditTableRepository;
    let anchors: AuditAnchorStore;

    beforeEach(async () => {
      table = (await freshTableStorage()).client('audit');
      log = new AuditTableRepository(table);
      anchors = makeStore();
      for (let i = 1; i <= 8; i++) await log.append('warwickshire', auditEvent({ entity: `action:1.${i}` }));
      await expect(new AuditAnchoring(log, anchors, () => new Date(ANCHORED_AT)).anchor('warwickshire')).resolves.toMatchObject({ outcome: 'anchored' });
    });

    async function verdict(): Promise<{ lines: string[]; intact: boolean }> {
      return verifyAuditLogs(log, ['warwickshire'], anchors);
    }

    it('reports an untouched chain intact, its anchor matched', async () => {
      expect(await verdict()).toEqual({ intact: true, lines: ['audit chain of warwickshire: 8 entries, intact, 1 anchor matched'] });
    });

    it('still verifies after later appends: the anchor holds an earlier head the chain still contains', async () => {
      await log.append('warwickshire', auditEvent({ entity: 'action:2.1' }));
      expect(await verdict()).toEqual({ intact: true, lines: ['audit chain of warwickshire: 9 entries, intact, 1 anchor matched'] });
    });

    it('names the anchor when the last 3 rows are deleted and the head row rewritten to match', async () => {
      const kept = await log.list('warwickshire', 5);
      for (const sequence of [6, 7, 8]) await table.deleteEntity(PK, auditEntryRowKey(sequence));
      await table.updateEntity({ partitionKey: PK, rowKey: 'head', sequence: 5, hash: kept[0]!.hash }, 'Replace');
      // The chain on its own sees nothing wrong: this is the gap the anchor closes.
      expect((await verifyAuditLogs(log, ['warwickshire'])).intact).toBe(true);
      expect(await verdict()).toEqual({
        intact: false,
        lines: [`audit chain of warwickshire: BROKEN (trimmed or rewritten): anchored head #8 at ${ANCHORED_AT} missing: the log holds 5 entries`],
      });
    });

    it('names the anchor when a row is edited and every hash from it on recomputed', async () => {
      const entries = await log.list('warwickshire');
      const rewritten: StoredAuditEntry[] = entries.slice(0, 2);
      for (const original of entries.slice(2)) {
        const previous = rewritten.at(-1)!;
        const { partnershipId: _p, sequence: _s, previousHash: _ph, hash: _h, ...event } = original;
        const changed = original.sequence === 3 ? { ...event, actorId: 'aad-someone-else' } : event;
        rewritten.push(chainEntry('warwickshire', { sequence: previous.sequence, hash: previous.hash }, changed as Parameters<typeof chainEntry>[2]));
      }
      for (const entry of rewritten.slice(2)) await table.updateEntity({ partitionKey: PK, rowKey: auditEntryRowKey(entry.sequence), ...entry }, 'Replace');
      await table.updateEntity({ partitionKey: PK, rowKey: 'head', sequence: 8, hash: rewritten.at(-1)!.hash }, 'Replace');
      expect((await verifyAuditLogs(log, ['warwickshire'])).intact).toBe(true);
      expect(await verdict()).toEqual({
        intact: false,
        lines: [`audit chain of warwickshire: BROKEN (trimmed or rewritten): anchored head #8 at ${ANCHORED_AT} missing: entry #8 no longer has the anchored hash`],
      });
    });

    it('refuses to anchor a trimmed chain, so the next anchor cannot make the cut look legitimate', async () => {
      const kept = await log.list('warwickshire', 6);
      for (const sequence of [7, 8]) await table.deleteEntity(PK, auditEntryRowKey(sequence));
      await table.updateEntity({ partitionKey: PK, rowKey: 'head', sequence: 6, hash: kept[0]!.hash }, 'Replace');
      for (const entity of ['action:3.1', 'action:3.2', 'action:3.3']) await log.append('warwickshire', auditEvent({ entity }));
      const fresh = new AuditAnchoring(new AuditTableRepository(table), anchors, () => new Date('2026-12-03T03:00:00.000Z'));
      await expect(fresh.anchor('warwickshire')).resolves.toEqual({
        partnershipId: 'warwickshire',
        outcome: 'refused',
        detail: `anchored head #8 at ${ANCHORED_AT} missing: entry #8 no longer has the anchored hash`,
      });
      expect(await anchors.list('warwickshire')).toHaveLength(1);
    });
  });
});
