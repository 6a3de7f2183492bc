import { createHmac, randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { freePort } from '../../tools/local/free-port';
import { startFakeConnector, type FakeConnector } from '../../tools/local/fake-connector';
import { seedDemo } from '../../src/cli/seed-demo';
import { pendingRowRemovalsSettled } from '../../src/storage/audit/table-pending-audits';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import { TABLES, TableStorage } from '../../src/storage/tables/table-storage';
import { capturedLogger } from '../support/log-capture';
import { testConnectionString } from '../support/test-storage';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const OTHER_TENANT = 'ffffffff-0000-4111-8222-333333333333';

function activity(connector: FakeConnector, text: string, tenantId: string, id = `in-${randomBytes(4).toString('hex')}`) {
  return {
    type: 'message',
    id,
    text,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: 'user-1', name: 'Priya Officer', aadObjectId: 'aad-1' },
    recipient: { id: `28:${APP_ID}`, name: 'Prevent Partnership Bot' },
    conversation: { id: `conv-${id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** Rows in every table of the deployment, to prove a refused request wrote nothing. */
/** Rows in every table, once earlier writes' appended pending audit rows are gone (they are removed after the writes, in batches). */
async function rowCounts(connectionString: string, prefix: string): Promise<Record<string, number>> {
  await pendingRowRemovalsSettled();
  const storage = new TableStorage(connectionString, prefix);
  const counts: Record<string, number> = {};
  for (const key of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const client = TableClient.fromConnectionString(connectionString, storage.tableName(key), { allowInsecureConnection: true });
    let rows = 0;
    for await (const _row of client.listEntities()) rows += 1;
    counts[key] = rows;
  }
  return counts;
}

/** A well-formed JWT that says it is from the Bot Framework but is signed with a key nobody trusts. */
function forgedToken(): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT', kid: 'made-up-key' });
  const now = Math.floor(Date.now() / 1000);
  const body = encode({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: 'http://127.0.0.1/', nbf: now - 60, exp: now + 3600 });
  const signature = createHmac('sha256', 'not-a-real-key').update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

describe('production mode over HTTP: Bot Framework JWT validation is always on', () => {
  const prefix = `p${randomBytes(4).toString('hex')}`;
  const log = capturedLogger('debug');
  let bot: RunningBot;
  let connector: FakeConnector;
  let base: string;
  let before: Record<string, number>;

  beforeAll(async () => {
    const config = loadConfig({
      BOT_MODE: 'production',
      PORT: String(await freePort()),
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_NAME_PREFIX: prefix,
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppPassword: 'placeholder-password-for-tests',
      ALLOWED_TENANT_IDS: TENANT,
      REPORT_LINK_SECRET: 'x'.repeat(40),
      AUDIT_HASH_KEY: 'k'.repeat(40),
      PUBLIC_BASE_URL: 'https://prevent-bot.example.org',
    });
    connector = await startFakeConnector();
    bot = await startBot(config, log.logger);
    base = `http://127.0.0.1:${bot.port}`;
    before = await rowCounts(testConnectionString(), prefix);
  });

  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity(connector, 'how do I make a referral?', TENANT)),
    });

  it('answers 401 to a request with no Authorization header', async () => {
    expect((await post({})).status).toBe(401);
  });

  it('answers 401 to a bearer token that is not a JWT', async () => {
    expect((await post({ authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  it('answers 401 to a well-formed JWT signed with an untrusted key, offline too (the key lookup fails closed)', async () => {
    expect((await post({ authorization: `Bearer ${forgedToken()}` })).status).toBe(401);
  });

  it('runs nothing for a refused request: no reply sent and no row written', async () => {
    await post({});
    await post({ authorization: `Bearer ${forgedToken()}` });
    expect(connector.requests).toBe(0);
    expect(await rowCounts(testConnectionString(), prefix)).toEqual(before);
  });

  it('logs the refusal with the request id, never the token', () => {
    const refusals = log.lines().filter((line) => line['msg'] === 'activity refused: no valid Bot Framework token');
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((line) => typeof line['requestId'] === 'string')).toBe(true);
    expect(log.text()).not.toContain('not-a-token');
    expect(log.text()).not.toContain(forgedToken().split('.')[2]);
    expect(log.text()).not.toContain('placeholder-password-for-tests');
  });
});

describe('tenant lock and log hygiene over HTTP', () => {
  const prefix = `q${randomBytes(4).toString('hex')}`;
  const log = capturedLogger('debug');
  let bot: RunningBot;
  let connector: FakeConnector;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: String(await freePort()),
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_NAME_PREFIX: prefix,
      ALLOWED_TENANT_IDS: TENANT,
    });
    const repositories = await openTableRepositories(config);
    await seedDemo(repositories);
    await repositories.partnerships.save({ ...(await repositories.partnerships.get('warwickshire'))!, tenantIds: [TENANT] }, { id: 'test', name: 'test' });
    connector = await startFakeConnector();
    bot = await startBot(config, log.logger);
    base = `http://127.0.0.1:${bot.port}`;
  });

  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('refuses an activity from a tenant not on the allow-list: nothing sent back, nothing written, a warning naming only the tenant', async () => {
    const before = await rowCounts(testConnectionString(), prefix);
    const sentBefore = connector.requests;
    const response = await post(activity(connector, 'how do I make a referral?', OTHER_TENANT, 'in-other-tenant'));
    expect(response.status).toBeLessThan(300);
    expect(await response.text()).toBe('');
    expect(connector.requests).toBe(sentBefore);
    expect(await rowCounts(testConnectionString(), prefix)).toEqual(before);
    const warnings = log.lines().filter((line) => line['msg'] === 'activity from a tenant that is not allowed; ignored');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, tenantId: OTHER_TENANT });
    expect(JSON.stringify(warnings[0])).not.toContain('referral');
    expect(JSON.stringify(warnings[0])).not.toContain('Priya');
  });

  it('answers an activity from an allowed tenant', async () => {
    const sentBefore = connector.received.length;
    const response = await post(activity(connector, 'how do I make a referral?', TENANT, 'in-allowed-tenant'));
    expect(response.status).toBeLessThan(300);
    await connector.waitFor(sentBefore + 1);
  });

  it('logs a turn with its correlation id and partnership, and none of the message text, names, tokens or connection string', async () => {
    const secretText = 'Mrs Khan, CV34 4RL, NI AB 12 34 56 C, jo.bloggs@example.com';
    const sentBefore = connector.received.length;
    await post(activity(connector, `how do I make a referral for ${secretText}?`, TENANT, 'in-correlation-1'), { authorization: 'Bearer secret-bearer-value' });
    await post(
      { ...activity(connector, '', TENANT, 'in-correlation-2'), value: { verb: 'meeting-schedule', date: '2027-06-10', time: '14:30', location: secretText } },
      { authorization: 'Bearer secret-bearer-value' },
    );
    await connector.waitFor(sentBefore + 2);
    const turnLines = log.lines().filter((line) => line['correlationId'] === 'in-correlation-1');
    expect(turnLines.map((line) => line['msg'])).toEqual(expect.arrayContaining(['activity received', 'turn handled']));
    expect(turnLines.find((line) => line['msg'] === 'turn handled')).toMatchObject({ partnershipId: 'warwickshire', tenantId: TENANT });
    expect(log.lines().some((line) => line['correlationId'] === 'in-correlation-2' && line['msg'] === 'turn failed')).toBe(true);
    const everything = log.text();
    for (const leak of ['Khan', 'CV34', 'AB 12 34 56 C', 'jo.bloggs', 'Priya', 'referral for', 'secret-bearer-value', 'AccountKey', 'Eby8vdM02']) {
      expect(everything).not.toContain(leak);
    }
  });
});
