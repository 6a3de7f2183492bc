import { chatReference, deliveryRig, enqueueRound, recipientConversation, waitUntilDelivered } from '../../tools/local/delivery-rig';
import { startFakeConnector, type FakeConnector } from '../../tools/local/fake-connector';
import type { MessengerTransport } from '../../src/delivery/messenger-transport';
import type { Delivery } from '../../src/delivery/outbox-transport';
import type { OutboxRepository } from '../../src/domain/ports';
import { OutboxTableRepository } from '../../src/storage/tables/outbox-table-repository';
import { freshTableStorage } from '../support/test-storage';

jest.setTimeout(90_000);

const PARTNERSHIP = 'warwickshire';
const TENANT = 'tenant-bench';
/** Short leases and back-off, so a restart and the retries play out in seconds. */
const FAST = { leaseMs: 2_000, pollMs: 500, retry: { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1_000 } };

async function freshOutbox(): Promise<OutboxRepository> {
  return new OutboxTableRepository((await freshTableStorage()).client('outbox'));
}

/** The status card's last update on the connector, as text. */
function lastStatusCard(connector: FakeConnector): string {
  const update = connector.received.filter((r) => r.operation === 'update' && r.conversationId === 'officer-chat').at(-1);
  return JSON.stringify(update?.activity['attachments'] ?? '');
}

describe('sending a round through the real Bot Connector client to the fake connector', () => {
  let connector: FakeConnector | undefined;

  afterEach(async () => {
    await connector?.close();
    connector = undefined;
  });

  it('delivers 300 recipients exactly once under injected 429s and 503s, within every limit', async () => {
    connector = await startFakeConnector({ faults: { throttleWithRetryAfter: 0.05, throttleWithoutRetryAfter: 0.03, unavailable: 0.03, retryAfterSeconds: 1 } });
    const repository = await freshOutbox();
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    const batch = await enqueueRound(rig.outbox, {
      partnershipId: PARTNERSHIP,
      serviceUrl: connector.serviceUrl,
      tenantId: TENANT,
      recipients: 300,
      statusConversation: 'officer-chat',
    });
    const sender = rig.sender(FAST);
    sender.start();
    await waitUntilDelivered(repository, PARTNERSHIP, 75_000);
    await sender.stop();

    expect(connector.breachDetails).toEqual([]);
    expect(connector.injected.throttledWithRetryAfter + connector.injected.throttledWithoutRetryAfter + connector.injected.unavailable).toBeGreaterThan(0);
    const counts = Array.from({ length: 300 }, (_, i) => connector!.sentTo(recipientConversation(i)));
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    const stored = (await repository.messages(PARTNERSHIP, batch.id)).map((m) => m.value);
    expect(stored.filter((m) => m.status !== 'sent')).toEqual([]);
    expect(new Set(stored.map((m) => m.activityId)).size).toBe(300);
    expect(lastStatusCard(connector)).toContain('Finished sending to 300 people in 300 organisations: 300 sent.');
  });

  it('resumes after a crash in the middle of a round: nothing lost, a duplicate only for a message sent but not recorded', async () => {
    connector = await startFakeConnector({ faults: { throttleWithRetryAfter: 0.05, retryAfterSeconds: 1 } });
    const repository = await freshOutbox();
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    const batch = await enqueueRound(rig.outbox, { partnershipId: PARTNERSHIP, serviceUrl: connector.serviceUrl, tenantId: TENANT, recipients: 300 });

    // Instance A dies after recording 100 outcomes: from then on nothing it starts finishes, so
    // whatever it had sent but not yet recorded stays claimed in the outbox.
    const crash = crashingAfter(repository, rig.transport, 100);
    const a = rig.sender({ ...FAST, owner: 'instance-a' }, crash.repository, crash.transport);
    a.start();
    await crash.happened;
    void a.stop();

    const b = rig.sender({ ...FAST, owner: 'instance-b' });
    b.start();
    await waitUntilDelivered(repository, PARTNERSHIP, 75_000);
    await b.stop();

    expect(connector.breachDetails).toEqual([]);
    const counts = Array.from({ length: 300 }, (_, i) => connector!.sentTo(recipientConversation(i)));
    expect(counts.filter((n) => n < 1)).toEqual([]);
    const duplicates = counts.reduce((sum, n) => sum + (n - 1), 0);
    expect(crash.sentButNotRecorded()).toBeGreaterThanOrEqual(duplicates);
    expect((await repository.messages(PARTNERSHIP, batch.id)).filter((m) => m.value.status !== 'sent')).toEqual([]);
  });

  it('reports someone who blocked the bot as undeliverable, at the first answer, on the status card', async () => {
    connector = await startFakeConnector({ faults: { forbiddenConversations: [recipientConversation(3), recipientConversation(7)] } });
    const repository = await freshOutbox();
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    const batch = await enqueueRound(rig.outbox, {
      partnershipId: PARTNERSHIP,
      serviceUrl: connector.serviceUrl,
      tenantId: TENANT,
      recipients: 20,
      statusConversation: 'officer-chat',
    });
    const sender = rig.sender(FAST);
    sender.start();
    await waitUntilDelivered(repository, PARTNERSHIP, 60_000);
    await sender.stop();

    const stored = (await repository.messages(PARTNERSHIP, batch.id)).map((m) => m.value);
    expect(stored.filter((m) => m.status === 'undeliverable').map((m) => [m.recipient.name, m.attempts, m.lastError])).toEqual([
      ['Person 3', 1, 'has blocked or removed the bot'],
      ['Person 7', 1, 'has blocked or removed the bot'],
    ]);
    expect(connector.injected.forbidden).toBe(2);
    expect(lastStatusCard(connector)).toContain('18 sent, 2 could not be delivered (bot removed by Person 3, Person 7)');
    expect(connector.breachDetails).toEqual([]);
  });

  it("sends a card for an external member (another organisation's tenant) to the partnership channel with an @mention, when Teams refuses the 1:1 chat", async () => {
    connector = await startFakeConnector({ hostTenantIds: [TENANT] });
    const repository = await freshOutbox();
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    const channel = JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      bot: { id: 'bot-id', name: 'Prevent Partnership Bot' },
      conversation: { id: '19:steering-group@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT },
    });
    const batch = rig.outbox.draft({
      partnershipId: PARTNERSHIP,
      kind: 'update-request',
      title: 'Update requests',
      organisations: 2,
      statusCard: { reference: chatReference(connector.serviceUrl, 'officer-chat', TENANT), activityId: 'status-card' },
    });
    const card = (text: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] });
    await rig.outbox.enqueue(batch, [
      {
        kind: 'update-request',
        recipient: { aadObjectId: 'aad-external', name: 'Nia NHS', organisationName: 'NHS Trust' },
        reference: chatReference(connector.serviceUrl, 'a:external-chat', 'tenant-nhs'),
        channelFallback: channel,
        card: card('Update request: NHS Trust'),
      },
      {
        kind: 'update-request',
        recipient: { aadObjectId: 'aad-host', name: 'Hal Host', organisationName: 'County Council' },
        reference: chatReference(connector.serviceUrl, 'a:host-chat', TENANT),
        channelFallback: channel,
        card: card('Update request: County Council'),
      },
    ]);
    await rig.sender(FAST).drain();
    await waitUntilDelivered(repository, PARTNERSHIP, 30_000);

    expect(connector.injected.crossTenant).toBe(1);
    expect(connector.sentTo('a:host-chat')).toBe(1);
    expect(connector.sentTo('a:external-chat')).toBe(0);
    const posted = connector.received.filter((r) => r.conversationId === '19:steering-group@thread.tacv2');
    expect(posted).toHaveLength(1);
    const content = (posted[0]!.activity['attachments'] as { content: Record<string, unknown> }[])[0]!.content;
    expect(JSON.stringify(content)).toContain('Update request: NHS Trust');
    expect(content['msteams']).toEqual({ entities: [{ type: 'mention', text: '<at>Nia NHS</at>', mentioned: { id: 'aad-external', name: 'Nia NHS' } }] });
    const stored = (await repository.messages(PARTNERSHIP, batch.id)).map((m) => m.value);
    expect(stored.map((m) => [m.recipient.name, m.status, m.via ?? '1:1'])).toEqual([
      ['Nia NHS', 'sent', 'channel'],
      ['Hal Host', 'sent', '1:1'],
    ]);
    expect(lastStatusCard(connector)).toContain('2 sent (1 in the partnership channel: could not reach 1:1)');
    expect(lastStatusCard(connector)).toContain('Nia NHS \\\\(NHS Trust\\\\): sent in the channel');
  });

  it('keeps to the per-conversation and per-tenant limits with many messages for one channel among a crowd', async () => {
    connector = await startFakeConnector();
    const repository = await freshOutbox();
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    await enqueueRound(rig.outbox, { partnershipId: PARTNERSHIP, serviceUrl: connector.serviceUrl, tenantId: TENANT, recipients: 24, conversationOf: () => 'channel' });
    await enqueueRound(rig.outbox, { partnershipId: PARTNERSHIP, serviceUrl: connector.serviceUrl, tenantId: TENANT, recipients: 200 });
    const sender = rig.sender(FAST);
    sender.start();
    await waitUntilDelivered(repository, PARTNERSHIP, 75_000);
    await sender.stop();

    expect(connector.breachDetails).toEqual([]);
    expect(connector.sentTo('channel')).toBe(24);
    const order = connector.received.filter((r) => r.conversationId === 'channel').map((r) => JSON.stringify(r.activity['attachments']).match(/Update request (\d+)/)?.[1]);
    expect(order).toEqual(Array.from({ length: 24 }, (_, i) => String(i)));
    expect(Array.from({ length: 200 }, (_, i) => connector!.sentTo(recipientConversation(i))).filter((n) => n !== 1)).toEqual([]);
  });

  it("makes exactly one request per attempt: botbuilder's own retries are off, and Retry-After reaches the outbox", async () => {
    connector = await startFakeConnector({ faults: { throttleWithRetryAfter: 1, retryAfterSeconds: 1 } });
    const repository = await freshOutbox();
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    const batch = await enqueueRound(rig.outbox, { partnershipId: PARTNERSHIP, serviceUrl: connector.serviceUrl, tenantId: TENANT, recipients: 1 });
    const before = Date.now();
    await rig.sender(FAST).drain();

    expect(connector.requests).toBe(1);
    const [row] = (await repository.messages(PARTNERSHIP, batch.id)).map((m) => m.value);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Teams asked the bot to slow down' });
    expect(Date.parse(row!.notBefore) - before).toBeGreaterThanOrEqual(1000);

    connector.setFaults({ unavailable: 1 });
    const direct = await rig.transport.deliver({
      operation: 'send',
      reference: chatReference(connector.serviceUrl, 'conv-direct', TENANT),
      card: { type: 'AdaptiveCard', version: '1.5', body: [] },
    });
    expect(direct).toEqual({ ok: false, failure: { statusCode: 503, reason: 'Teams did not accept the message' } });
    expect(connector.requests).toBe(2);
  });
});

/**
 * Wraps a repository and a transport for an instance that dies after `outcomes` recorded outcomes:
 * from then on every call it makes hangs forever. Counts the messages Teams accepted whose outcome
 * was never recorded: the only ones that may go twice.
 */
function crashingAfter(repository: OutboxRepository, transport: MessengerTransport, outcomes: number) {
  let recorded = 0;
  let dead = false;
  let sentButNotRecorded = 0;
  let announce: () => void = () => undefined;
  const happened = new Promise<void>((resolve) => (announce = resolve));
  const never = <T>() => new Promise<T>(() => undefined);
  const die = () => {
    dead = true;
    announce();
  };
  const wrapped: OutboxRepository = {
    enqueue: (b, m) => (dead ? never() : repository.enqueue(b, m)),
    usedOnceKeys: (p, k) => (dead ? never() : repository.usedOnceKeys(p, k)),
    openBatches: (p) => (dead ? never() : repository.openBatches(p)),
    getBatch: (p, b) => (dead ? never() : repository.getBatch(p, b)),
    messages: (p, b) => (dead ? never() : repository.messages(p, b)),
    updateBatch: (b, e) => (dead ? never() : repository.updateBatch(b, e)),
    claimSender: (p, o, u, n) => (dead ? never() : repository.claimSender(p, o, u, n)),
    releaseSender: (p, o) => (dead ? never() : repository.releaseSender(p, o)),
    updateDelivery: (message, etag) => {
      const outcome = message.lease === undefined;
      if (outcome && !dead && recorded >= outcomes) die();
      if (dead) {
        if (outcome && message.status === 'sent') sentButNotRecorded += 1;
        return never();
      }
      if (outcome) recorded += 1;
      return repository.updateDelivery(message, etag);
    },
  };
  const wrappedTransport = { deliver: (delivery: Delivery) => (dead ? never() : transport.deliver(delivery)) } as MessengerTransport;
  return { repository: wrapped, transport: wrappedTransport, happened, sentButNotRecorded: () => sentButNotRecorded };
}
