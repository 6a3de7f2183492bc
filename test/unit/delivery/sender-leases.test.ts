import type { OutboxMessage } from '../../../src/domain/outbox/outbox-message';
import { claimRow, dueAt, LEASE_SAFETY_MS, SenderLeases, unclaimed } from '../../../src/delivery/sender-leases';
import { MemoryOutboxRepository } from '../../../src/storage/memory/memory-outbox-repository';
import { sampleMessage } from '../../support/outbox-repository-contract';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const LEASE_MS = 60_000;
const quiet = { warn: () => undefined };

const row = (overrides: Partial<OutboxMessage> = {}) => sampleMessage('00001', { notBefore: new Date(T0).toISOString(), ...overrides });

describe('sender leases', () => {
  it('lets one instance at a time hold a partnership, and another take over only once the lease has run out', async () => {
    const repository = new MemoryOutboxRepository();
    const a = new SenderLeases(repository, 'instance-a', LEASE_MS, quiet);
    const b = new SenderLeases(repository, 'instance-b', LEASE_MS, quiet);
    await expect(a.hold('warwickshire', T0)).resolves.toBe(true);
    await expect(b.hold('warwickshire', T0 + LEASE_MS - 1)).resolves.toBe(false);
    expect(b.until('warwickshire')).toBeUndefined();
    await expect(b.hold('warwickshire', T0 + LEASE_MS + 1)).resolves.toBe(true);
    expect(b.until('warwickshire')).toBe(T0 + 2 * LEASE_MS + 1);
  });

  it('renews a lease only once half of it is gone, so a busy instance does not write on every read', async () => {
    const repository = new MemoryOutboxRepository();
    const claims = jest.spyOn(repository, 'claimSender');
    const leases = new SenderLeases(repository, 'instance-a', LEASE_MS, quiet);
    await leases.hold('warwickshire', T0);
    await leases.hold('warwickshire', T0 + LEASE_MS / 2 - 1);
    expect(claims).toHaveBeenCalledTimes(1);
    await leases.hold('warwickshire', T0 + LEASE_MS / 2);
    expect(claims).toHaveBeenCalledTimes(2);
    expect(leases.until('warwickshire')).toBe(T0 + LEASE_MS / 2 + LEASE_MS);
  });

  it('keeps using a lease it still holds when storage cannot renew it, until the safety margin before it ends', async () => {
    const repository = new MemoryOutboxRepository();
    const warnings: string[] = [];
    const leases = new SenderLeases(repository, 'instance-a', LEASE_MS, { warn: (_details, message) => warnings.push(message) });
    await leases.hold('warwickshire', T0);
    jest.spyOn(repository, 'claimSender').mockRejectedValue(new Error('storage unavailable'));
    await expect(leases.hold('warwickshire', T0 + LEASE_MS - LEASE_SAFETY_MS - 1)).resolves.toBe(true);
    await expect(leases.hold('warwickshire', T0 + LEASE_MS - LEASE_SAFETY_MS)).resolves.toBe(false);
    expect(warnings).toEqual(['could not renew the outbox sender lease', 'could not renew the outbox sender lease']);
  });

  it('starts no send in the last second of a lease, nor for a partnership it does not hold', async () => {
    const leases = new SenderLeases(new MemoryOutboxRepository(), 'instance-a', LEASE_MS, quiet);
    await leases.hold('warwickshire', T0);
    expect(leases.allowsSend('warwickshire', T0 + LEASE_MS - LEASE_SAFETY_MS - 1)).toBe(true);
    expect(leases.allowsSend('warwickshire', T0 + LEASE_MS - LEASE_SAFETY_MS)).toBe(false);
    expect(leases.allowsSend('coventry', T0)).toBe(false);
  });

  it('gives its leases back on release, so another instance can take over at once', async () => {
    const repository = new MemoryOutboxRepository();
    const a = new SenderLeases(repository, 'instance-a', LEASE_MS, quiet);
    await a.hold('warwickshire', T0);
    await a.releaseAll();
    expect(a.until('warwickshire')).toBeUndefined();
    await expect(new SenderLeases(repository, 'instance-b', LEASE_MS, quiet).hold('warwickshire', T0 + 1)).resolves.toBe(true);
  });
});

describe('row claims', () => {
  it('claims a row for its owner until a lease length from now, and gives it back without a claim', () => {
    const claimed = claimRow(row(), 'instance-a', new Date(T0), LEASE_MS);
    expect(claimed.lease).toEqual({ owner: 'instance-a', until: new Date(T0 + LEASE_MS).toISOString() });
    expect(unclaimed(claimed)).toEqual(row());
  });

  it('makes a row due when its back-off is over', () => {
    expect(dueAt(row({ notBefore: new Date(T0 + 5_000).toISOString() }), 'instance-a')).toBe(T0 + 5_000);
  });

  it('leaves a row claimed by another instance alone until that claim expires, but not one claimed by itself', () => {
    const lease = { owner: 'crashed-instance', until: new Date(T0 + LEASE_MS).toISOString() };
    expect(dueAt(row({ lease }), 'instance-a')).toBe(T0 + LEASE_MS);
    expect(dueAt(row({ lease }), 'crashed-instance')).toBe(T0);
  });
});
