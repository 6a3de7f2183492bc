import type { TableClient } from '@azure/data-tables';
import { verifyAuditLogs } from '../../src/cli/audit';
import { auditEntryRowKey, AuditTableRepository } from '../../src/storage/tables/audit-table-repository';
import { encodeKey } from '../../src/storage/tables/key-encoding';
import { auditEvent, describeAuditLogContract } from '../support/audit-log-contract';
import { freshTableStorage } from '../support/test-storage';

describeAuditLogContract('AuditTableRepository on Azurite', async () => new AuditTableRepository((await freshTableStorage()).client('audit')));

describe('audit verification of rows tampered with on Azurite', () => {
  const PK = encodeKey('warwickshire');
  let table: TableClient;
  let log: AuditTableRepository;

  beforeEach(async () => {
    table = (await freshTableStorage()).client('audit');
    log = new AuditTableRepository(table);
    for (const entity of ['action:1.1', 'action:1.2', 'member:aad-chair', 'meeting:2027-03-12-1000']) await log.append('warwickshire', auditEvent({ entity }));
  });

  async function verdict(): Promise<string> {
    const { lines, intact } = await verifyAuditLogs(log, ['warwickshire']);
    return `${intact ? 'intact' : 'broken'}: ${lines.join('\n')}`;
  }

  it('reports an untouched chain intact', async () => {
    expect(await verdict()).toBe('intact: audit chain of warwickshire: 4 entries, intact');
  });

  it('reports a verb changed in place as an edited row', async () => {
    await table.updateEntity({ partitionKey: PK, rowKey: auditEntryRowKey(2), verb: 'guidance-save' }, 'Merge');
    expect(await verdict()).toMatch(/^broken: audit chain of warwickshire: BROKEN at entry 2 \(edited row\)/);
  });

  it('reports a deleted row as missing', async () => {
    await table.deleteEntity(PK, auditEntryRowKey(3));
    expect(await verdict()).toMatch(/BROKEN at entry 3 \(missing row\)/);
  });

  it('reports the last row deleted as missing, since the head still counts it', async () => {
    await table.deleteEntity(PK, auditEntryRowKey(4));
    expect(await verdict()).toMatch(/BROKEN at entry 4 \(missing row\)/);
  });

  it('reports two rows swapped as reordered', async () => {
    const second = await table.getEntity<Record<string, unknown>>(PK, auditEntryRowKey(2));
    const third = await table.getEntity<Record<string, unknown>>(PK, auditEntryRowKey(3));
    const content = ({ etag: _e, timestamp: _t, partitionKey: _p, rowKey: _r, ...rest }: Record<string, unknown>) => rest;
    await table.updateEntity({ partitionKey: PK, rowKey: auditEntryRowKey(2), ...content(third) }, 'Replace');
    await table.updateEntity({ partitionKey: PK, rowKey: auditEntryRowKey(3), ...content(second) }, 'Replace');
    expect(await verdict()).toMatch(/BROKEN at entry 2 \(reordered row\)/);
  });

  it('keeps one unbroken chain when two instances append at once', async () => {
    const other = new AuditTableRepository(table);
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => log.append('warwickshire', auditEvent({ entity: `action:2.${i + 1}` }))),
      ...Array.from({ length: 5 }, (_, i) => other.append('warwickshire', auditEvent({ entity: `action:3.${i + 1}` }))),
    ]);
    expect(await verdict()).toBe('intact: audit chain of warwickshire: 14 entries, intact');
  });

  it('lands every one of 50 simultaneous appends from one instance, as 50 partners saving at once do', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append('warwickshire', auditEvent({ entity: `action:5.${i + 1}` }))));
    expect(await verdict()).toBe('intact: audit chain of warwickshire: 54 entries, intact');
  });

  it('carries on after another instance moved the head this instance remembered', async () => {
    const other = new AuditTableRepository(table);
    await other.append('warwickshire', auditEvent({ entity: 'action:4.1' }));
    const entry = await log.append('warwickshire', auditEvent({ entity: 'action:4.2' }));
    expect(entry.sequence).toBe(6);
    expect(await verdict()).toBe('intact: audit chain of warwickshire: 6 entries, intact');
  });
});
