import { listAuditEntries, verifyAuditLogs } from '../../../src/cli/audit';
import { MemoryAuditLog } from '../../../src/storage/memory/memory-audit-log';
import { auditEvent } from '../../support/audit-log-contract';

describe('npm run audit', () => {
  it('lists entries as lines of sequence, time, actor id, verb and entity, from a date on', async () => {
    const log = new MemoryAuditLog();
    await log.append('warwickshire', auditEvent({ at: '2026-10-01T09:00:00.000Z', entity: 'action:1.1' }));
    await log.append('warwickshire', auditEvent({ at: '2026-11-02T09:00:00.000Z', actorId: 'cli:import-plan', verb: 'plan-import', entity: 'action:1.2' }));
    expect(await listAuditEntries(log, 'warwickshire', '2026-11-01T00:00:00.000Z')).toEqual(['#2\t2026-11-02T09:00:00.000Z\tcli:import-plan\tplan-import\taction:1.2']);
  });

  it("reports each partnership's chain, empty ones included", async () => {
    const log = new MemoryAuditLog();
    await log.append('warwickshire', auditEvent());
    expect(await verifyAuditLogs(log, ['warwickshire', 'coventry'])).toEqual({
      intact: true,
      lines: ['audit chain of warwickshire: 1 entry, intact', 'audit chain of coventry: 0 entries, intact'],
    });
  });
});
