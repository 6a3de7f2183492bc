import { verifyChain, GENESIS_HASH } from '../../src/domain/audit/audit-chain';
import type { AuditEvent } from '../../src/domain/audit/audit-entry';
import { InvalidError } from '../../src/domain/errors';
import type { AuditLog } from '../../src/domain/ports';

export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return { at: '2026-11-22T10:00:00.000Z', actorId: 'aad-lead-wcc', verb: 'action-update', entity: 'action:3.1', afterHash: 'a'.repeat(64), ...overrides };
}

/** The behaviour every AuditLog must have, memory or Azure Tables. */
export function describeAuditLogContract(name: string, make: () => Promise<AuditLog>): void {
  describe(`${name}: AuditLog contract`, () => {
    let log: AuditLog;

    beforeEach(async () => {
      log = await make();
    });

    it('has no entries and no head before the first append', async () => {
      expect(await log.list('warwickshire')).toEqual([]);
      expect(await log.head('warwickshire')).toBeUndefined();
    });

    it('numbers entries from 1 and links each to the hash of the one before', async () => {
      const first = await log.append('warwickshire', auditEvent());
      const second = await log.append('warwickshire', auditEvent({ verb: 'member-save', entity: 'member:aad-chair' }));
      expect([first.sequence, second.sequence]).toEqual([1, 2]);
      expect(first.previousHash).toBe(GENESIS_HASH);
      expect(second.previousHash).toBe(first.hash);
      expect(await log.list('warwickshire')).toEqual([first, second]);
    });

    it('keeps the head at the last entry', async () => {
      await log.append('warwickshire', auditEvent());
      const last = await log.append('warwickshire', auditEvent({ entity: 'action:3.2' }));
      expect(await log.head('warwickshire')).toEqual({ sequence: 2, hash: last.hash });
    });

    it('lists from a sequence on', async () => {
      for (const entity of ['action:1.1', 'action:1.2', 'action:1.3']) await log.append('warwickshire', auditEvent({ entity }));
      expect((await log.list('warwickshire', 2)).map((e) => e.entity)).toEqual(['action:1.2', 'action:1.3']);
    });

    it('stores how the value hashes were made, so the entry reads back as written and still verifies', async () => {
      const keyed = await log.append('warwickshire', auditEvent({ valueHashing: 'hmac-sha256' }));
      expect(await log.list('warwickshire')).toEqual([keyed]);
      expect(verifyChain(await log.list('warwickshire'), await log.head('warwickshire'))).toEqual({ intact: true, entries: 1 });
    });

    it('keeps one chain per partnership', async () => {
      await log.append('warwickshire', auditEvent());
      const other = await log.append('coventry', auditEvent());
      expect(other.sequence).toBe(1);
      expect(await log.list('warwickshire')).toHaveLength(1);
    });

    it('never forks the chain when appends arrive at once', async () => {
      await Promise.all(Array.from({ length: 8 }, (_, i) => log.append('warwickshire', auditEvent({ entity: `action:1.${i + 1}` }))));
      const entries = await log.list('warwickshire');
      expect(entries.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(entries.map((e) => e.entity)).size).toBe(8);
      expect(verifyChain(entries, await log.head('warwickshire'))).toEqual({ intact: true, entries: 8 });
    });

    it('refuses an event whose hash is not a digest or whose verb it does not know', async () => {
      await expect(log.append('warwickshire', auditEvent({ verb: 'rename' as AuditEvent['verb'] }))).rejects.toThrow(InvalidError);
      await expect(log.append('warwickshire', auditEvent({ afterHash: 'Lena Lead' }))).rejects.toThrow(InvalidError);
      expect(await log.list('warwickshire')).toEqual([]);
    });
  });
}
