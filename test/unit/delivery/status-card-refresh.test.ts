import type { DeliveryBatch, OutboxMessage } from '../../../src/domain/outbox/outbox-message';
import { RateLimiter } from '../../../src/domain/outbox/rate-limiter';
import type { Delivery, DeliveryResult } from '../../../src/delivery/outbox-transport';
import { StatusCardRefresh, type BatchState } from '../../../src/delivery/status-card-refresh';
import { MemoryOutboxRepository } from '../../../src/storage/memory/memory-outbox-repository';
import { sampleBatch, sampleMessage } from '../../support/outbox-repository-contract';

const STATUS_CARD = { reference: '{"conversation":{"id":"officer-chat"}}', activityId: 'status-1', conversationId: 'officer-chat', tenantId: 'tenant-1' };

async function setup(options: { batch?: DeliveryBatch; answers?: DeliveryResult[] } = {}) {
  const repository = new MemoryOutboxRepository();
  const batch = options.batch ?? sampleBatch({ statusCard: STATUS_CARD });
  const messages = [sampleMessage('00001'), sampleMessage('00002')];
  await repository.enqueue(batch, messages);
  const [stored] = await repository.openBatches('warwickshire');
  let mono = 0;
  const delivered: Delivery[] = [];
  const answers = [...(options.answers ?? [])];
  const work: Promise<void>[] = [];
  const closed: BatchState[] = [];
  const cards = new StatusCardRefresh({
    repository,
    transport: {
      deliver: async (delivery) => {
        delivered.push(delivery);
        return answers.shift() ?? { ok: true, activityId: delivery.replaceActivityId };
      },
    },
    limiter: new RateLimiter(),
    clock: { now: () => new Date('2026-11-23T09:00:00.000Z'), monotonic: () => mono, sleep: async () => undefined },
    log: { warn: () => undefined },
    render: (view) => ({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: `${view.counts.sent} of ${view.counts.total} sent` }] }),
    options: { statusRefreshMs: 2_000, retry: { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 8_000 }, random: () => 0.5 },
    track: (promise) => work.push(promise),
    readAgain: () => undefined,
    onClosed: (state) => closed.push(state),
  });
  const state = cards.read(stored!.value, stored!.etag);
  for (const message of messages) state.summaries.set(message.id, { id: message.id, status: message.status, recipient: message.recipient });
  /** One step at `at` (monotonic), then everything it started has finished. */
  const stepAt = async (at: number, force = false) => {
    mono = at;
    const next = cards.step(at, force);
    await Promise.all(work.splice(0));
    return next;
  };
  const record = (message: OutboxMessage) => cards.recorded(message);
  const texts = () => delivered.map((d) => (d.card['body'] as { text: string }[])[0]!.text);
  return { repository, batch, cards, state, stepAt, record, delivered, texts, closed };
}

const sent = (id: string) => sampleMessage(id, { status: 'sent', attempts: 1 });

describe('the status card refresh', () => {
  it('refreshes the card in place at most every refresh interval while sending', async () => {
    const t = await setup();
    t.record(sent('00001'));
    expect(await t.stepAt(0)).toEqual({ refreshPending: true });
    expect(t.delivered).toEqual([expect.objectContaining({ operation: 'replace', replaceActivityId: 'status-1' })]);
    expect(t.texts()).toEqual(['1 of 2 sent']);
    t.record(sampleMessage('00002', { attempts: 1, lastError: 'slow down' }));
    expect(await t.stepAt(1_999)).toEqual({ refreshAt: 2_000, refreshPending: true });
    expect(t.delivered).toHaveLength(1);
    await t.stepAt(2_000);
    expect(t.delivered).toHaveLength(2);
  });

  it('shows the final counts and closes the batch once every message is final', async () => {
    const t = await setup();
    t.record(sent('00001'));
    t.record(sent('00002'));
    await t.stepAt(0);
    expect(t.texts()).toEqual(['2 of 2 sent']);
    expect(t.closed.map((s) => s.batch.id)).toEqual([t.batch.id]);
    expect((await t.repository.getBatch('warwickshire', t.batch.id))?.value.completedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(t.cards.of(sent('00001'))).toBeUndefined();
  });

  it('closes a batch with no status card without sending anything', async () => {
    const t = await setup({ batch: sampleBatch() });
    t.record(sent('00001'));
    t.record(sent('00002'));
    await t.stepAt(0);
    expect(t.delivered).toEqual([]);
    await expect(t.repository.openBatches('warwickshire')).resolves.toEqual([]);
  });

  it('retries a failing refresh with back-off, and after five failures closes the batch without it', async () => {
    const unavailable: DeliveryResult = { ok: false, failure: { statusCode: 503, reason: 'unavailable' } };
    const t = await setup({ answers: [unavailable, unavailable, unavailable, unavailable, unavailable] });
    t.record(sent('00001'));
    t.record(sent('00002'));
    await t.stepAt(0);
    expect(t.delivered).toHaveLength(1);
    await expect(t.repository.openBatches('warwickshire')).resolves.toHaveLength(1);
    // The back-off after the first failure is half of 1 s (the random draw is a half).
    expect(await t.stepAt(499)).toEqual({ refreshAt: 500, refreshPending: true });
    for (let at = 500; t.delivered.length < 5; at += 10_000) await t.stepAt(at);
    expect(t.closed).toHaveLength(1);
    await expect(t.repository.openBatches('warwickshire')).resolves.toEqual([]);
  });
});
