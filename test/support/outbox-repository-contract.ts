import { ConflictError } from '../../src/domain/errors';
import type { DeliveryBatch, OutboxMessage } from '../../src/domain/outbox/outbox-message';
import type { OutboxRepository } from '../../src/domain/ports';

const CREATED = '2026-11-22T10:00:00.000Z';

export function sampleBatch(overrides: Partial<DeliveryBatch> = {}): DeliveryBatch {
  return {
    id: '20261122100000-b1',
    partnershipId: 'warwickshire',
    title: 'Update requests',
    kind: 'update-request',
    createdAt: CREATED,
    organisations: 2,
    unreached: ['Rugby Borough Council: no Prevent lead is registered'],
    notes: ['Updates are due by Fri 4 Dec 2026.'],
    ...overrides,
  };
}

export function sampleMessage(id: string, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    partnershipId: 'warwickshire',
    batchId: '20261122100000-b1',
    kind: 'update-request',
    recipient: { aadObjectId: `aad-${id}`, name: `Person ${id}`, organisationId: 'police', organisationName: 'Warwickshire and West Mercia Police' },
    reference: JSON.stringify({ conversation: { id: `personal-${id}` } }),
    conversationId: `personal-${id}`,
    tenantId: 'tenant-1',
    card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Card for ${id}` }] },
    operation: 'send',
    createdAt: CREATED,
    status: 'queued',
    attempts: 0,
    notBefore: CREATED,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The behaviour every OutboxRepository must have, memory or Azure Tables. */
export function describeOutboxRepositoryContract(name: string, make: () => Promise<OutboxRepository>): void {
  describe(`${name}: OutboxRepository contract`, () => {
    let repository: OutboxRepository;

    beforeEach(async () => {
      repository = await make();
    });

    it('reads back the batch and every message exactly as enqueued, messages in id order', async () => {
      const batch = sampleBatch();
      const messages = [sampleMessage('0002'), sampleMessage('0001')];
      await expect(repository.enqueue(batch, messages)).resolves.toEqual(messages);
      await expect(repository.getBatch('warwickshire', batch.id)).resolves.toMatchObject({ value: batch });
      const stored = await repository.messages('warwickshire', batch.id);
      expect(stored.map((m) => m.value)).toEqual([messages[1], messages[0]]);
      expect(stored.every((m) => typeof m.etag === 'string' && m.etag.length > 0)).toBe(true);
    });

    it('keeps a card larger than one Table property intact', async () => {
      const text = 'x'.repeat(70 * 1024);
      const message = sampleMessage('0001', { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] } });
      await repository.enqueue(sampleBatch(), [message]);
      expect((await repository.messages('warwickshire', sampleBatch().id))[0]?.value.card).toEqual(message.card);
    });

    it('lists a batch as open until it is completed, on its ETag', async () => {
      const batch = sampleBatch();
      await repository.enqueue(batch, []);
      const [open] = await repository.openBatches('warwickshire');
      expect(open?.value).toEqual(batch);
      await repository.updateBatch({ ...batch, completedAt: '2026-11-22T10:05:00.000Z' }, open!.etag);
      await expect(repository.openBatches('warwickshire')).resolves.toEqual([]);
      await expect(repository.getBatch('warwickshire', batch.id)).resolves.toMatchObject({ value: { completedAt: '2026-11-22T10:05:00.000Z' } });
    });

    it('refuses to complete a batch from a stale ETag', async () => {
      const batch = sampleBatch();
      await repository.enqueue(batch, []);
      const { etag } = (await repository.getBatch('warwickshire', batch.id))!;
      await repository.updateBatch({ ...batch, notes: ['changed'] }, etag);
      await expect(repository.updateBatch({ ...batch, completedAt: '2026-11-22T10:05:00.000Z' }, etag)).rejects.toBeInstanceOf(ConflictError);
    });

    it('records a delivery on the ETag read and returns the next ETag', async () => {
      await repository.enqueue(sampleBatch(), [sampleMessage('0001')]);
      const [read] = await repository.messages('warwickshire', sampleBatch().id);
      const claimed = { ...read!.value, lease: { owner: 'instance-a', until: '2026-11-22T10:01:00.000Z' } };
      const etag = await repository.updateDelivery(claimed, read!.etag);
      const sent: OutboxMessage = { ...read!.value, status: 'sent', attempts: 1, activityId: 'activity-1', sentAt: '2026-11-22T10:00:01.000Z' };
      await repository.updateDelivery(sent, etag);
      const [after] = await repository.messages('warwickshire', sampleBatch().id);
      expect(after?.value).toEqual(sent);
    });

    it('lets exactly one of two instances claim the same row', async () => {
      await repository.enqueue(sampleBatch(), [sampleMessage('0001')]);
      const [read] = await repository.messages('warwickshire', sampleBatch().id);
      const claim = (owner: string) => repository.updateDelivery({ ...read!.value, lease: { owner, until: '2026-11-22T10:01:00.000Z' } }, read!.etag);
      const results = await Promise.allSettled([claim('instance-a'), claim('instance-b')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(ConflictError);
    });

    it('changes only the delivery state: what to send stays as enqueued', async () => {
      const message = sampleMessage('0001');
      await repository.enqueue(sampleBatch(), [message]);
      const [read] = await repository.messages('warwickshire', sampleBatch().id);
      await repository.updateDelivery({ ...read!.value, card: { type: 'AdaptiveCard', version: '1.5', body: [] }, status: 'failed', attempts: 1, lastError: 'nope' }, read!.etag);
      const [after] = await repository.messages('warwickshire', sampleBatch().id);
      expect(after?.value.card).toEqual(message.card);
      expect(after?.value).toMatchObject({ status: 'failed', attempts: 1, lastError: 'nope' });
    });

    it('enqueues a message with a once-key only the first time, in any batch', async () => {
      const first = sampleMessage('chase-1', { kind: 'chaser', onceKey: 'update-round:r1:aad-1:2026-11-22' });
      await expect(repository.enqueue(sampleBatch(), [first])).resolves.toHaveLength(1);
      const second = sampleBatch({ id: '20261122110000-b2' });
      const again = sampleMessage('chase-1', { batchId: second.id, kind: 'chaser', onceKey: 'update-round:r1:aad-1:2026-11-22' });
      const other = sampleMessage('chase-2', { batchId: second.id, kind: 'chaser', onceKey: 'update-round:r1:aad-2:2026-11-22' });
      await expect(repository.enqueue(second, [again, other])).resolves.toEqual([other]);
      await expect(repository.messages('warwickshire', second.id)).resolves.toHaveLength(1);
      await expect(repository.usedOnceKeys('warwickshire', ['update-round:r1:aad-1:2026-11-22', 'update-round:r1:aad-3:2026-11-22'])).resolves.toEqual(
        new Set(['update-round:r1:aad-1:2026-11-22']),
      );
    });

    it('gives the sender lease to one owner at a time until it expires or is released', async () => {
      const now = new Date('2026-11-22T10:00:00.000Z');
      const until = new Date('2026-11-22T10:01:00.000Z');
      await expect(repository.claimSender('warwickshire', 'instance-a', until, now)).resolves.toBe(true);
      await expect(repository.claimSender('warwickshire', 'instance-b', until, now)).resolves.toBe(false);
      await expect(repository.claimSender('warwickshire', 'instance-a', new Date('2026-11-22T10:02:00.000Z'), now)).resolves.toBe(true);
      await expect(repository.claimSender('warwickshire', 'instance-b', until, new Date('2026-11-22T10:02:00.001Z'))).resolves.toBe(true);
      await repository.releaseSender('warwickshire', 'instance-b');
      await expect(repository.claimSender('warwickshire', 'instance-c', until, now)).resolves.toBe(true);
    });

    it('gives a free sender lease to exactly one of two instances claiming it together', async () => {
      const now = new Date('2026-11-22T10:00:00.000Z');
      const until = new Date('2026-11-22T10:01:00.000Z');
      const results = await Promise.all([repository.claimSender('warwickshire', 'instance-a', until, now), repository.claimSender('warwickshire', 'instance-b', until, now)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('keeps partnerships apart', async () => {
      await repository.enqueue(sampleBatch(), [sampleMessage('0001')]);
      await expect(repository.openBatches('coventry')).resolves.toEqual([]);
      await expect(repository.messages('coventry', sampleBatch().id)).resolves.toEqual([]);
      await expect(repository.claimSender('coventry', 'instance-b', new Date('2026-11-22T10:01:00.000Z'), new Date('2026-11-22T10:00:00.000Z'))).resolves.toBe(true);
      await expect(repository.enqueue(sampleBatch({ partnershipId: 'coventry' }), [sampleMessage('0001', { partnershipId: 'coventry' })])).resolves.toHaveLength(1);
      await expect(repository.messages('warwickshire', sampleBatch().id)).resolves.toHaveLength(1);
    });

    it('refuses a message that belongs to another batch, writing nothing', async () => {
      const refused = await rejection(repository.enqueue(sampleBatch(), [sampleMessage('0001', { batchId: 'another' })]));
      expect(refused).toBeInstanceOf(ConflictError);
      await expect(repository.openBatches('warwickshire')).resolves.toEqual([]);
    });
  });
}
