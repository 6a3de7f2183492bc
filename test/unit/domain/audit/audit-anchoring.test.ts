import { AuditAnchoring } from '../../../../src/domain/audit/audit-anchoring';
import { MemoryAnchorStore } from '../../../../src/storage/memory/memory-anchor-store';
import { MemoryAuditLog } from '../../../../src/storage/memory/memory-audit-log';
import { auditEvent } from '../../../support/audit-log-contract';

describe('anchoring audit chain heads', () => {
  const at = (iso: string) => () => new Date(iso);

  it('writes nothing for a partnership with no entries yet', async () => {
    const store = new MemoryAnchorStore();
    await expect(new AuditAnchoring(new MemoryAuditLog(), store, at('2026-12-03T02:00:00Z')).anchor('warwickshire')).resolves.toEqual({
      partnershipId: 'warwickshire',
      outcome: 'unchanged',
    });
    expect(await store.list('warwickshire')).toEqual([]);
  });

  it('anchors a head once, and again only after the chain has grown', async () => {
    const log = new MemoryAuditLog();
    const store = new MemoryAnchorStore();
    const anchoring = new AuditAnchoring(log, store, at('2026-12-03T02:00:00.000Z'));
    await log.append('warwickshire', auditEvent());
    const second = await log.append('warwickshire', auditEvent({ entity: 'action:3.2' }));
    await anchoring.anchor('warwickshire');
    await anchoring.anchor('warwickshire');
    const third = await log.append('warwickshire', auditEvent({ entity: 'action:3.3' }));
    // A restarted instance reads the last anchor from the store rather than from memory.
    await new AuditAnchoring(log, store, at('2026-12-03T03:00:00.000Z')).anchor('warwickshire');
    expect(await store.list('warwickshire')).toEqual([
      { partnershipId: 'warwickshire', sequence: 2, hash: second.hash, at: '2026-12-03T02:00:00.000Z' },
      { partnershipId: 'warwickshire', sequence: 3, hash: third.hash, at: '2026-12-03T03:00:00.000Z' },
    ]);
  });
});
