import type { OutboxMessage } from '../../../src/domain/outbox/outbox-message';
import { rowKey } from '../../../src/delivery/outbox-keys';
import { SendQueue, type Work } from '../../../src/delivery/send-queue';
import { sampleMessage } from '../../support/outbox-repository-contract';

function work(id: string, overrides: Partial<OutboxMessage> = {}): Work {
  const message = sampleMessage(id, overrides);
  return { key: rowKey(message), message, etag: `etag-${id}` };
}

const ids = (queue: SendQueue) => queue.heads().map((w) => w.message.id);

describe('the send queue', () => {
  it('offers one message per conversation, the oldest first, whatever order they were read in', () => {
    const queue = new SendQueue();
    queue.put(work('b', { conversationId: 'channel', createdAt: '2026-11-22T10:00:02.000Z' }));
    queue.put(work('a', { conversationId: 'channel', createdAt: '2026-11-22T10:00:01.000Z' }));
    queue.put(work('c', { conversationId: 'chat' }));
    expect(ids(queue).sort()).toEqual(['a', 'c']);
    queue.remove(rowKey(sampleMessage('a')));
    expect(ids(queue).sort()).toEqual(['b', 'c']);
  });

  it('offers retries first, the longest waiting first, so a throttled message does not trail the round', () => {
    const queue = new SendQueue();
    queue.put(work('first-try', { conversationId: 'one' }));
    queue.put(work('late-retry', { conversationId: 'two', attempts: 1, notBefore: '2026-11-22T10:00:09.000Z' }));
    queue.put(work('early-retry', { conversationId: 'three', attempts: 2, notBefore: '2026-11-22T10:00:05.000Z' }));
    expect(ids(queue)).toEqual(['early-retry', 'late-retry', 'first-try']);
  });

  it('refreshes a row read again in place rather than queueing it twice', () => {
    const queue = new SendQueue();
    queue.put(work('a'));
    queue.put({ ...work('a', { attempts: 1 }), etag: 'etag-newer' });
    expect(queue.heads()).toHaveLength(1);
    expect(queue.heads()[0]).toMatchObject({ etag: 'etag-newer', message: { attempts: 1 } });
  });

  it('holds a conversation while its message is in flight, and frees it when the attempt is over', () => {
    const queue = new SendQueue();
    const taken = work('a', { conversationId: 'channel' });
    queue.put(taken);
    queue.take(taken);
    expect(queue.heads()).toEqual([]);
    expect(queue.isBusy('channel')).toBe(true);
    expect(queue.isInFlight(taken.key)).toBe(true);
    queue.release(taken);
    expect(queue.isBusy('channel')).toBe(false);
    expect(queue.isInFlight(taken.key)).toBe(false);
  });

  it('forgets only the partnership another instance has taken over', () => {
    const queue = new SendQueue();
    queue.put(work('w'));
    queue.put(work('c', { partnershipId: 'coventry' }));
    queue.forget('warwickshire');
    expect(queue.heads().map((w) => w.message.partnershipId)).toEqual(['coventry']);
  });
});
