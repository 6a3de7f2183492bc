import { randomBytes } from 'node:crypto';
import { freePort } from '../../tools/local/free-port';
import { seedDemo } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { azuriteConnectionString, loadConfig } from '../../src/config';
import { StorageUnavailableError } from '../../src/domain/errors';
import { startBot, type RunningBot } from '../../src/index';
import { silentLogger } from '../../src/logger';
import { GuidanceTableRepository } from '../../src/storage/tables/guidance-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { startFakeConnector } from '../../tools/local/fake-connector';
import { testConnectionString } from '../support/test-storage';

describe('the bot over HTTP, on Azurite', () => {
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let base: string;

  beforeAll(async () => {
    const env = {
      PORT: String(await freePort()),
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_NAME_PREFIX: `h${randomBytes(4).toString('hex')}`,
    };
    const config = loadConfig(env);
    await seedDemo(await openTableRepositories(config));
    bot = await startBot(config, silentLogger);
    connector = await startFakeConnector();
    base = `http://127.0.0.1:${bot.port}`;
  });

  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });

  function activity(text: string, conversationId: string) {
    return {
      type: 'message',
      id: `in-${randomBytes(4).toString('hex')}`,
      text,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: 'user-1', name: 'Priya Officer', aadObjectId: 'aad-1' },
      recipient: { id: 'bot-id', name: 'Prevent Partnership Bot' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' },
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
    };
  }

  it('reports healthy when Table storage answers', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ status: 'ok', storage: { reachable: true } });
  });

  it('answers a referral question posted to /api/messages with the pathway card, sent to the connector', async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('how do I make a referral?', 'conv-referral')),
    });
    expect(response.status).toBeLessThan(300);
    const replies = (await connector.waitFor(1)).filter((r) => r.conversationId === 'conv-referral');
    const card = JSON.stringify((replies[0]!.activity['attachments'] as unknown[])[0]);
    expect(card).toContain('If someone is in immediate danger, call 999 now');
  });

  it('listens on loopback only in local mode, which accepts activities without a token', () => {
    expect((bot.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  describe('before any token is checked, it reads nothing it should not', () => {
    const post = (body: string | Uint8Array, headers: Record<string, string>) => fetch(`${base}/api/messages`, { method: 'POST', headers, body });

    it('refuses a compressed body with 415, without inflating it', async () => {
      const { gzipSync } = await import('node:zlib');
      // 200 KB of gzip that would inflate to 200 MB.
      const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
      const response = await post(bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      expect(response.status).toBe(415);
      expect(await response.text()).not.toMatch(/restify|zlib|Error:/i);
    });

    it.each([
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\nAAAA\r\n--x--\r\n'],
      ['text/plain', '{"type":"message"}'],
      ['application/x-www-form-urlencoded', 'type=message'],
    ])('refuses a %s body with 415', async (type, body) => {
      const response = await post(body, { 'content-type': type });
      expect(response.status).toBe(415);
    });

    it('refuses a body that is not JSON with 400 and no library text', async () => {
      const response = await post('{"type": "message", ', { 'content-type': 'application/json' });
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('{"error":"the body is not valid JSON"}');
    });

    it('stops reading a body sent without a length as soon as it passes the limit', async () => {
      const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 64 MB if nobody stopped reading; the limit is 256 KB.
          if (sent >= 1024) controller.close();
          else {
            sent++;
            controller.enqueue(chunk);
          }
        },
      });
      const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit).catch(
        () => undefined,
      );
      if (response) expect(response.status).toBe(413);
      expect(sent).toBeLessThan(1024);
    });
  });

  describe('malformed activities', () => {
    // Nothing here is answered through the connector: no reply goes out for what is refused.
    const shell = {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: 'user-1', aadObjectId: 'aad-1' },
      recipient: { id: 'bot-id' },
      conversation: { id: 'conv-bad', conversationType: 'personal' },
    };
    const postJson = (body: unknown) => fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it.each([
      ['an empty object', {}],
      ['an activity without a type', { ...shell, text: 'hi' }],
      ['a number for a type', { ...shell, type: 42, text: 'hi' }],
      ['an array', [1, 2]],
      ['a string', 'message'],
      ['null', null],
    ])('answers %s with 400 and no library text', async (_what, body) => {
      const response = await postJson(body);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('{"error":"the body is not a Bot Framework activity"}');
    });

    const unreadable = 'That card action could not be read. Nothing was changed.';
    const unknown = 'This card action is not one the bot can carry out. Nothing was changed.';
    it.each([
      ['no value', undefined, unreadable],
      ['a value that is not a card action', 'garbage', unreadable],
      ['data that is not an object', { action: { type: 'Action.Execute', verb: 'ask', data: 'help' } }, unreadable],
      ['a verb that is not text', { action: { type: 'Action.Execute', verb: 42, data: {} } }, unreadable],
      ['an action the bot does not know', { action: { type: 'Action.Execute', verb: 'no-such-verb', data: {} } }, unknown],
      [
        'an automatic refresh of an action that writes',
        { action: { type: 'Action.Execute', verb: 'meeting-schedule', data: {} }, trigger: 'automatic' },
        'Only a view can be refreshed automatically. Nothing was changed.',
      ],
    ])('answers an adaptiveCard/action invoke with %s with the error body Teams expects, never a 5xx', async (_what, value, message) => {
      const response = await postJson({ ...shell, id: 'invoke-1', type: 'invoke', name: 'adaptiveCard/action', ...(value === undefined ? {} : { value }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } });
    });
  });

  it('refuses a request body over the size limit with 413', async () => {
    const huge = activity('x'.repeat(300 * 1024), 'conv-huge');
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(huge) });
    expect(response.status).toBe(413);
  });
});

describe('when Table storage is unreachable', () => {
  const nowhere = async () => azuriteConnectionString(await freePort());

  it('health reports storage as unreachable', async () => {
    const storage = new TableStorage(await nowhere(), 'down');
    await expect(storage.check()).resolves.toMatchObject({ reachable: false });
  });

  it('a repository read fails with StorageUnavailableError, not a raw network error', async () => {
    const storage = new TableStorage(await nowhere(), 'down');
    const repository = new GuidanceTableRepository(storage.client('guidance'));
    await expect(repository.get('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('seeding the demo partnership', () => {
  it('is idempotent: a second run changes nothing', async () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_NAME_PREFIX: `s${randomBytes(4).toString('hex')}` });
    const repositories = await openTableRepositories(config);
    await expect(seedDemo(repositories)).resolves.toMatchObject({ partnership: 'created', guidance: 'created' });
    await expect(seedDemo(repositories)).resolves.toMatchObject({ partnership: 'unchanged', guidance: 'unchanged' });
  });
});
