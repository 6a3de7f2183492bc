import { randomBytes } from 'node:crypto';
import { verifyAuditLogs } from '../../src/cli/audit';
import { startFakeConnector, type FakeConnector } from '../../tools/local/fake-connector';
import { freePort } from '../../tools/local/free-port';
import { answerText, BotClient, submitDataOf } from '../../tools/soak/bot-client';
import { seedSoakPartnership, type SoakPartner } from '../../tools/soak/soak-seed';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import { silentLogger } from '../../src/logger';
import { testConnectionString } from '../support/test-storage';

describe('the running bot, on Azurite', () => {
  let connector: FakeConnector;
  let bot: RunningBot;
  let client: BotClient;
  let partner: SoakPartner;
  let repositories: Awaited<ReturnType<typeof openTableRepositories>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    const config = loadConfig({
      PORT: String(await freePort()),
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_NAME_PREFIX: `b${randomBytes(4).toString('hex')}`,
      DEFAULT_PARTNERSHIP_ID: 'soak',
    });
    repositories = await openTableRepositories(config);
    partner = (await seedSoakPartnership(repositories, { partnershipId: 'soak', partners: 1, partnersPerOrganisation: 1, actionsPerOrganisation: 2, tenants: 1 })).partners[0]!;
    bot = await startBot(config, silentLogger);
    client = new BotClient(`http://127.0.0.1:${bot.port}`, connector);
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });

  it('audits an action update made in Teams under the AAD object id of the person who made it, and no name', async () => {
    const before = (await repositories.auditLog.list('soak')).length;
    const opened = await client.message(partner, 'update action 1.1');
    const card = opened.answers.at(-1)!;
    const result = await client.submit(
      partner,
      { ...submitDataOf(card)!, status: 'at-risk', progressNote: 'Venue booking delayed', evidenceUrl: '', revisedDate: '' },
      card.activityId,
    );
    expect(answerText(result.answers.at(-1))).toContain('Action 1.1 updated');

    const added = (await repositories.auditLog.list('soak')).slice(before);
    expect(added.map((e) => [e.actorId, e.verb, e.entity])).toEqual([[partner.aadObjectId, 'action-update', 'action:1.1']]);
    expect(JSON.stringify(added)).not.toContain(partner.name);
    expect(JSON.stringify(added)).not.toContain('Venue booking');
    expect((await verifyAuditLogs(repositories.auditLog, ['soak'])).intact).toBe(true);
  }, 60_000);

  it('forgets, on Azurite, the 1:1 chat of someone who removed the bot, audited as the bot and with no name, and keeps their membership', async () => {
    await client.message(partner, 'hello');
    expect(await repositories.members.getConversationReference('soak', partner.aadObjectId)).toBeDefined();
    const before = (await repositories.auditLog.list('soak')).length;

    const removed = await client.activity(partner, { type: 'installationUpdate', action: 'remove' });
    expect(removed.status).toBe(200);
    expect(removed.answers).toEqual([]);
    expect(await repositories.members.getConversationReference('soak', partner.aadObjectId)).toBeUndefined();
    expect(await repositories.members.get('soak', partner.aadObjectId)).toMatchObject({ aadObjectId: partner.aadObjectId });
    const added = (await repositories.auditLog.list('soak')).slice(before);
    expect(added.map((e) => [e.actorId, e.verb, e.entity])).toEqual([['system:bot', 'personal-chat-forget', `personal-chat:${partner.aadObjectId}`]]);
    expect(JSON.stringify(added)).not.toContain(partner.name);
    expect((await verifyAuditLogs(repositories.auditLog, ['soak'])).intact).toBe(true);
  }, 60_000);
});
