import { startFakeConnector, type FakeConnector } from '../../../tools/local/fake-connector';

let connector: FakeConnector | undefined;
let now = 0;

afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

async function start(options: Parameters<typeof startFakeConnector>[0] = {}): Promise<FakeConnector> {
  now = 0;
  connector = await startFakeConnector({ clock: () => now, ...options });
  return connector;
}

function send(conversationId: string, tenantId = 'tenant-1') {
  return fetch(`${connector!.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'hi', conversation: { id: conversationId, tenantId } }),
  });
}

describe('the fake Bot Connector', () => {
  it('accepts a message, gives it an id and counts it for its conversation', async () => {
    await start();
    const response = await send('conv-1');
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toEqual({ id: 'activity-1' });
    expect(connector!.sentTo('conv-1')).toBe(1);
    expect(connector!.received[0]).toMatchObject({ conversationId: 'conv-1', operation: 'send', activity: { text: 'hi' } });
  });

  it('records an update of an activity without counting it as a message', async () => {
    await start();
    const response = await fetch(`${connector!.serviceUrl}v3/conversations/conv-1/activities/activity-9`, {
      method: 'PUT',
      body: JSON.stringify({ type: 'message', conversation: { id: 'conv-1', tenantId: 'tenant-1' } }),
    });
    expect(response.status).toBe(200);
    expect(connector!.received[0]).toMatchObject({ operation: 'update', activityId: 'activity-9' });
    expect(connector!.sentTo('conv-1')).toBe(0);
  });

  it('refuses a message over 100 KB as Teams counts it (UTF-16) with 413 MessageSizeTooBig, and accepts one just under', async () => {
    await start();
    // 30,000 characters are 30 KB in UTF-8 but 60 KB in UTF-16; two such cards are over Teams' 100 KB.
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(30_000) }] };
    const post = (cards: number) =>
      fetch(`${connector!.serviceUrl}v3/conversations/conv-1/activities`, {
        method: 'POST',
        body: JSON.stringify({
          type: 'message',
          conversation: { id: 'conv-1', tenantId: 'tenant-1' },
          attachments: Array.from({ length: cards }, () => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: card })),
        }),
      });
    const tooBig = await post(2);
    expect(tooBig.status).toBe(413);
    await expect(tooBig.json()).resolves.toMatchObject({ error: { code: 'MessageSizeTooBig' } });
    expect((await post(1)).status).toBe(201);
    expect(connector!.sentTo('conv-1')).toBe(1);
  });

  it('creates a 1:1 conversation', async () => {
    await start();
    const response = await fetch(`${connector!.serviceUrl}v3/conversations`, { method: 'POST', body: JSON.stringify({ members: [{ id: '29:pat' }], tenantId: 'tenant-1' }) });
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toEqual({ id: 'a:personal-29:pat' });
  });

  it('answers the 8th message to a conversation within a second with 429 and counts a breach', async () => {
    await start();
    for (let i = 0; i < 7; i++) expect((await send('conv-1')).status).toBe(201);
    const eighth = await send('conv-1');
    expect(eighth.status).toBe(429);
    expect(eighth.headers.get('retry-after')).toBe('1');
    expect(connector!.breaches).toBe(1);
    now = 1000;
    expect((await send('conv-1')).status).toBe(201);
  });

  it('answers the 51st request of a tenant within a second with 429 and counts a breach', async () => {
    await start();
    for (let i = 0; i < 50; i++) expect((await send(`conv-${i}`)).status).toBe(201);
    expect((await send('conv-50')).status).toBe(429);
    expect((await send('conv-51', 'tenant-2')).status).toBe(201);
    expect(connector!.breachDetails).toEqual(['over the limit for tenant tenant-1: 50 in 1000 ms']);
  });

  it('answers 403 for a conversation whose user removed the bot', async () => {
    await start({ faults: { forbiddenConversations: ['conv-blocked'] } });
    expect((await send('conv-blocked')).status).toBe(403);
    expect(connector!.injected.forbidden).toBe(1);
    expect(connector!.breaches).toBe(0);
  });

  it('refuses 1:1 chats with people of another tenant, as Teams does, and still takes channel posts there', async () => {
    await start({ hostTenantIds: ['tenant-host'] });
    const personal = (tenantId: string) =>
      fetch(`${connector!.serviceUrl}v3/conversations/a%3Aexternal/activities`, {
        method: 'POST',
        body: JSON.stringify({ type: 'message', conversation: { id: 'a:external', conversationType: 'personal', tenantId } }),
      });
    expect((await personal('tenant-partner')).status).toBe(403);
    expect((await personal('tenant-host')).status).toBe(201);
    const create = await fetch(`${connector!.serviceUrl}v3/conversations`, { method: 'POST', body: JSON.stringify({ members: [{ id: '29:ext' }], tenantId: 'tenant-partner' }) });
    expect(create.status).toBe(403);
    const channel = await fetch(`${connector!.serviceUrl}v3/conversations/19%3Achannel/activities`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', conversation: { id: '19:channel', conversationType: 'channel', tenantId: 'tenant-host' } }),
    });
    expect(channel.status).toBe(201);
    expect(connector!.injected.crossTenant).toBe(2);
  });

  it('refuses to create a 1:1 chat with someone who does not have the bot installed', async () => {
    await start({ usersWithoutBot: ['29:no-bot'] });
    const create = (id: string) => fetch(`${connector!.serviceUrl}v3/conversations`, { method: 'POST', body: JSON.stringify({ members: [{ id }], tenantId: 'tenant-1' }) });
    expect((await create('29:no-bot')).status).toBe(403);
    expect((await create('29:pat')).status).toBe(201);
  });

  it.each([
    [{ throttleWithRetryAfter: 1 }, 429, '1'],
    [{ throttleWithoutRetryAfter: 1 }, 429, null],
    [{ unavailable: 1 }, 503, null],
  ])('injects faults on a share of requests (%j), which are not breaches', async (faults, status, retryAfter) => {
    await start({ faults });
    const response = await send('conv-1');
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBe(retryAfter);
    expect(connector!.breaches).toBe(0);
    expect(connector!.sentTo('conv-1')).toBe(0);
  });
});
