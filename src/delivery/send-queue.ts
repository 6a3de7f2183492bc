import type { OutboxMessage } from '../domain/outbox/outbox-message';

/** A queued row as read, with the ETag its claim is conditional on. */
export interface Work {
  readonly key: string;
  message: OutboxMessage;
  etag: string;
}

/**
 * The rows this instance means to send: a queue per conversation, oldest first, and the
 * conversations with a send in flight. One message at a time per conversation keeps a conversation's
 * messages in the order they were asked for, whatever the retries.
 */
export class SendQueue {
  private readonly queues = new Map<string, Work[]>();
  private readonly pending = new Map<string, Work>();
  private readonly busyConversations = new Set<string>();
  private readonly inFlightKeys = new Set<string>();

  /** Adds or refreshes a queued row, keeping each conversation's queue oldest first. */
  put(work: Work): void {
    const existing = this.pending.get(work.key);
    if (existing) {
      existing.message = work.message;
      existing.etag = work.etag;
      return;
    }
    this.pending.set(work.key, work);
    const queue = this.queues.get(work.message.conversationId) ?? [];
    const at = queue.findIndex((other) => compareWork(work, other) < 0);
    if (at < 0) queue.push(work);
    else queue.splice(at, 0, work);
    this.queues.set(work.message.conversationId, queue);
  }

  remove(key: string): void {
    const work = this.pending.get(key);
    if (!work) return;
    this.pending.delete(key);
    const queue = this.queues.get(work.message.conversationId);
    if (!queue) return;
    const index = queue.indexOf(work);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(work.message.conversationId);
  }

  /** Another instance drains this partnership now: drop what was read of it. */
  forget(partnershipId: string): void {
    for (const [key, work] of this.pending) if (work.message.partnershipId === partnershipId) this.remove(key);
  }

  /**
   * The next message of each conversation, retries first: a message Teams throttled has waited
   * already, and sending it as soon as it is due keeps it from trailing the round.
   */
  heads(): Work[] {
    const retries: Work[] = [];
    const firsts: Work[] = [];
    for (const queue of this.queues.values()) {
      const head = queue[0];
      if (head) (head.message.attempts > 0 ? retries : firsts).push(head);
    }
    return retries.length === 0 ? firsts : [...retries.sort((a, b) => a.message.notBefore.localeCompare(b.message.notBefore)), ...firsts];
  }

  /** Off the queue and on its way: its conversation waits for it, and a read of the outbox leaves it alone. */
  take(work: Work): void {
    this.remove(work.key);
    this.busyConversations.add(work.message.conversationId);
    this.inFlightKeys.add(work.key);
  }

  /** Its attempt is over, whatever the outcome: the conversation's next message may go. */
  release(work: Work): void {
    this.busyConversations.delete(work.message.conversationId);
    this.inFlightKeys.delete(work.key);
  }

  isBusy(conversationId: string): boolean {
    return this.busyConversations.has(conversationId);
  }

  isInFlight(key: string): boolean {
    return this.inFlightKeys.has(key);
  }
}

/** Oldest first, so a conversation's messages arrive in the order they were asked for. */
function compareWork(a: Work, b: Work): number {
  return a.message.createdAt.localeCompare(b.message.createdAt) || a.message.batchId.localeCompare(b.message.batchId) || a.message.id.localeCompare(b.message.id);
}
