import type { DeliveryView } from '../../../src/domain/outbox/delivery-batch';
import { OutboxDispatcher } from '../../../src/delivery/outbox-dispatcher';
import type { Delivery, DeliveryResult, OutboxTransport } from '../../../src/delivery/outbox-transport';
import type { OutboxMessage } from '../../../src/domain/outbox/outbox-message';
import { Outbox, type NewMessage } from '../../../src/domain/outbox/outbox';
import type { DeliveryFailure } from '../../../src/domain/outbox/retry-policy';
import { MemoryOutboxRepository } from '../../../src/storage/memory/memory-outbox-repository';

/** Wall clock and monotonic clock moving together; sleeping moves them on at once. */
class FakeClock {
  wall = Date.parse('2026-11-23T09:00:00.000Z');
  mono = 0;
  now = () => new Date(this.wall);
  monotonic = () => this.mono;
  sleep = async (ms: number) => this.advance(ms);
  advance(ms: number): void {
    this.wall += ms;
    this.mono += ms;
  }
}

/** Teams as the transport sees it: answers in `latencyMs`, failing as told per conversation. */
class FakeTeams implements OutboxTransport {
  readonly accepted: { conversation: string; at: number; delivery: Delivery }[] = [];
  readonly failures = new Map<string, DeliveryFailure[]>();
  private nextId = 1;

  constructor(
    private readonly clock: FakeClock,
    private readonly latencyMs = 20,
  ) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const conversation = (JSON.parse(delivery.reference) as { conversation: { id: string } }).conversation.id;
    await Promise.resolve();
    this.clock.advance(this.latencyMs);
    const failure = this.failures.get(conversation)?.shift();
    if (failure) return { ok: false, failure };
    this.accepted.push({ conversation, at: this.clock.mono, delivery });
    return { ok: true, activityId: delivery.replaceActivityId ?? `activity-${this.nextId++}` };
  }

  sentTo(conversation: string): number {
    return this.accepted.filter((a) => a.conversation === conversation && a.delivery.operation === 'send').length;
  }
}

const reference = (conversation: string, tenant = 'tenant-1') => JSON.stringify({ conversation: { id: conversation, tenantId: tenant } });
const addressOf = (ref: string) => {
  const parsed = JSON.parse(ref) as { conversation: { id: string; tenantId?: string } };
  return { conversationId: parsed.conversation.id, ...(parsed.conversation.tenantId ? { tenantId: parsed.conversation.tenantId } : {}) };
};

function setup(options: { latencyMs?: number } = {}) {
  const clock = new FakeClock();
  const repository = new MemoryOutboxRepository();
  const teams = new FakeTeams(clock, options.latencyMs);
  let ids = 0;
  const outbox = new Outbox(repository, addressOf, () => `b${++ids}`, clock.now);
  const sent: OutboxMessage[] = [];
  const statusCards: DeliveryView[] = [];
  const dispatcher = (owner = 'instance-a') =>
    new OutboxDispatcher(
      repository,
      teams,
      async () => ['warwickshire'],
      clock,
      { owner, leaseMs: 60_000, retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 }, random: () => 0.5 },
      {
        onSent: async (message) => {
          sent.push(message);
        },
        statusCard: (view) => {
          statusCards.push(view);
          return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `${view.counts.sent} sent` }] };
        },
      },
    );
  const person = (n: number, conversation = `conv-${n}`): NewMessage => ({
    kind: 'update-request',
    recipient: { aadObjectId: `aad-${n}`, name: `Person ${n}` },
    reference: reference(conversation),
    card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `for ${n}` }] },
  });
  const enqueue = async (messages: NewMessage[], statusCard = true) => {
    const batch = outbox.draft({
      partnershipId: 'warwickshire',
      kind: 'update-request',
      title: 'Update requests',
      ...(statusCard ? { statusCard: { reference: reference('officer-chat'), activityId: 'status-1' } } : {}),
    });
    await outbox.enqueue(batch, messages);
    return batch;
  };
  const rows = async (batchId: string) => (await repository.messages('warwickshire', batchId)).map((r) => r.value);
  return { clock, repository, teams, outbox, dispatcher, person, enqueue, rows, sent, statusCards };
}

describe('the outbox dispatcher', () => {
  it('sends every queued message once and records it as sent with its Teams activity id', async () => {
    const t = setup();
    const batch = await t.enqueue([1, 2, 3].map((n) => t.person(n)));
    await t.dispatcher().drain();
    expect([1, 2, 3].map((n) => t.teams.sentTo(`conv-${n}`))).toEqual([1, 1, 1]);
    const stored = await t.rows(batch.id);
    expect(stored.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    expect(new Set(stored.map((m) => m.activityId)).size).toBe(3);
    expect(stored.every((m) => m.lease === undefined && m.attempts === 1)).toBe(true);
  });

  it('calls the after-send step for each message sent', async () => {
    const t = setup();
    await t.enqueue([t.person(1)]);
    await t.dispatcher().drain();
    expect(t.sent.map((m) => m.recipient.name)).toEqual(['Person 1']);
  });

  it('keeps a throttled message queued until Retry-After has passed, then sends it', async () => {
    const t = setup();
    t.teams.failures.set('conv-1', [{ statusCode: 429, retryAfterMs: 5000, reason: 'slow down' }]);
    const batch = await t.enqueue([t.person(1)]);
    const dispatcher = t.dispatcher();
    await dispatcher.drain();
    const [waiting] = await t.rows(batch.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: 'slow down', notBefore: new Date(t.clock.wall - 20 + 5000).toISOString() });
    t.clock.advance(5000);
    await dispatcher.drain();
    expect((await t.rows(batch.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(t.teams.sentTo('conv-1')).toBe(1);
  });

  it('marks a message undeliverable at once when the person has blocked the bot', async () => {
    const t = setup();
    t.teams.failures.set('conv-1', [{ statusCode: 403, reason: 'has blocked or removed the bot' }]);
    const batch = await t.enqueue([t.person(1), t.person(2)]);
    await t.dispatcher().drain();
    expect((await t.rows(batch.id)).map((m) => [m.status, m.attempts, m.lastError])).toEqual([
      ['undeliverable', 1, 'has blocked or removed the bot'],
      ['sent', 1, undefined],
    ]);
  });

  it('marks a message failed, with the reason, when every attempt failed', async () => {
    const t = setup();
    const unavailable = { statusCode: 503, reason: 'Teams did not accept the message' };
    t.teams.failures.set('conv-1', [unavailable, unavailable, unavailable, unavailable]);
    const batch = await t.enqueue([t.person(1)]);
    const dispatcher = t.dispatcher();
    for (let i = 0; i < 4; i++) {
      await dispatcher.drain();
      t.clock.advance(8000);
    }
    expect((await t.rows(batch.id))[0]).toMatchObject({ status: 'failed', attempts: 4, lastError: 'Teams did not accept the message (gave up after 4 attempts)' });
  });

  it('leaves a message claimed by another instance alone until that claim expires, then sends it', async () => {
    const t = setup();
    const batch = await t.enqueue([t.person(1)]);
    const [row] = await t.repository.messages('warwickshire', batch.id);
    await t.repository.updateDelivery({ ...row!.value, lease: { owner: 'crashed-instance', until: new Date(t.clock.wall + 60_000).toISOString() } }, row!.etag);
    const dispatcher = t.dispatcher();
    await dispatcher.drain();
    expect(t.teams.sentTo('conv-1')).toBe(0);
    t.clock.advance(60_000);
    await dispatcher.drain();
    expect(t.teams.sentTo('conv-1')).toBe(1);
  });

  it('lets only one of two instances drain a partnership at a time, so nothing is sent twice', async () => {
    const t = setup();
    await t.enqueue(Array.from({ length: 20 }, (_, i) => t.person(i)));
    await Promise.all([t.dispatcher('instance-a').drain(), t.dispatcher('instance-b').drain()]);
    expect(t.teams.accepted.filter((a) => a.delivery.operation === 'send')).toHaveLength(20);
    expect(Array.from({ length: 20 }, (_, i) => t.teams.sentTo(`conv-${i}`))).toEqual(Array(20).fill(1));
  });

  it("sends a conversation's messages in the order they were enqueued, never more than 7 in a second", async () => {
    const t = setup({ latencyMs: 5 });
    await t.enqueue(
      Array.from({ length: 20 }, (_, i) => t.person(i, 'channel')),
      false,
    );
    await t.dispatcher().drain();
    const sends = t.teams.accepted.filter((a) => a.conversation === 'channel');
    expect(sends.map((s) => (s.delivery.card['body'] as { text: string }[])[0]!.text)).toEqual(Array.from({ length: 20 }, (_, i) => `for ${i}`));
    const busiestSecond = Math.max(...sends.map((s) => sends.filter((o) => o.at > s.at - 1000 && o.at <= s.at).length));
    expect(busiestSecond).toBeLessThanOrEqual(7);
  });

  it('never starts more than 50 requests a second for one tenant', async () => {
    const t = setup({ latencyMs: 1 });
    await t.enqueue(
      Array.from({ length: 120 }, (_, i) => t.person(i)),
      false,
    );
    await t.dispatcher().drain();
    const sends = t.teams.accepted;
    expect(sends).toHaveLength(120);
    const busiestSecond = Math.max(...sends.map((s) => sends.filter((o) => o.at > s.at - 1000 && o.at <= s.at).length));
    expect(busiestSecond).toBeLessThanOrEqual(50);
  });

  it('refreshes the status card with the final counts and then closes the batch', async () => {
    const t = setup();
    t.teams.failures.set('conv-2', [{ statusCode: 403, reason: 'has blocked or removed the bot' }]);
    const batch = await t.enqueue([t.person(1), t.person(2)]);
    await t.dispatcher().drain();
    expect(t.statusCards.at(-1)?.counts).toEqual({ total: 2, sent: 1, queued: 0, failed: 0, undeliverable: 1 });
    expect(t.statusCards.at(-1)?.problems).toEqual([{ name: 'Person 2', status: 'undeliverable', reason: 'has blocked or removed the bot' }]);
    const replaced = t.teams.accepted.filter((a) => a.delivery.operation === 'replace');
    expect(replaced.at(-1)?.delivery).toMatchObject({ replaceActivityId: 'status-1' });
    expect((await t.repository.getBatch('warwickshire', batch.id))?.value.completedAt).toBeDefined();
    await expect(t.repository.openBatches('warwickshire')).resolves.toEqual([]);
  });

  it('shows a message waiting for a retry as queued on the status card and keeps the batch open', async () => {
    const t = setup();
    t.teams.failures.set('conv-1', [{ statusCode: 429, retryAfterMs: 5000, reason: 'slow down' }]);
    await t.enqueue([t.person(1), t.person(2)]);
    const dispatcher = t.dispatcher();
    await dispatcher.drain();
    expect(t.statusCards.at(-1)?.counts).toMatchObject({ sent: 1, queued: 1 });
    await expect(t.repository.openBatches('warwickshire')).resolves.toHaveLength(1);
    t.clock.advance(5000);
    await dispatcher.drain();
    expect(t.statusCards.at(-1)?.counts).toMatchObject({ sent: 2, queued: 0 });
    await expect(t.repository.openBatches('warwickshire')).resolves.toEqual([]);
  });
});
