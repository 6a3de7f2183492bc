import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../tools/local/azurite';
import { startFakeConnector, type FakeConnector } from '../../tools/local/fake-connector';
import { freePort } from '../../tools/local/free-port';
import { answerText, BotClient, submitDataOf, type TurnResult } from '../../tools/soak/bot-client';
import { seedSoakPartnership, type SoakPartner } from '../../tools/soak/soak-seed';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import { silentLogger } from '../../src/logger';

/**
 * Table storage goes away in the middle of a run and comes back: this file starts its own Azurite
 * (on disk, so the data survives the restart) rather than the shared one.
 */
describe('when Table storage stops in the middle of a run and comes back', () => {
  const location = mkdtempSync(path.join(tmpdir(), 'ppb-faults-'));
  let azurite: RunningAzurite;
  let connector: FakeConnector;
  let bot: RunningBot;
  let client: BotClient;
  let partner: SoakPartner;
  let repositories: Awaited<ReturnType<typeof openTableRepositories>>;
  let base: string;

  beforeAll(async () => {
    azurite = await startAzurite({ port: await freePort(), location });
    connector = await startFakeConnector();
    const config = loadConfig({
      PORT: String(await freePort()),
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_NAME_PREFIX: 'faults',
      DEFAULT_PARTNERSHIP_ID: 'soak',
      HEALTH_CACHE_SECONDS: '0',
    });
    repositories = await openTableRepositories(config);
    const plan = await seedSoakPartnership(repositories, { partnershipId: 'soak', partners: 1, partnersPerOrganisation: 1, actionsPerOrganisation: 3, tenants: 1 });
    partner = plan.partners[0]!;
    bot = await startBot(config, silentLogger);
    client = new BotClient(`http://127.0.0.1:${bot.port}`, connector);
    base = `http://127.0.0.1:${bot.port}`;
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await connector?.close();
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
  });

  async function openCard(actionId: string) {
    const opened = await client.message(partner, `update action ${actionId}`);
    const card = opened.answers.at(-1)!;
    return { card, data: submitDataOf(card)! };
  }

  const submit = (opened: Awaited<ReturnType<typeof openCard>>, note: string): Promise<TurnResult> =>
    client.submit(partner, { ...opened.data, status: 'on-track', progressNote: note, evidenceUrl: '', revisedDate: '' }, opened.card.activityId);

  it('saves, tells the user "not saved" while storage is down with nothing half-written, and saves again once it is back, without a restart', async () => {
    // Before the outage: an update is stored.
    const first = await submit(await openCard('1.1'), 'Before the outage');
    expect(answerText(first.answers.at(-1))).toContain('Action 1.1 updated');

    // The user opens a card, then storage goes away (fault injected: Azurite stopped).
    const opened = await openCard('1.2');
    await azurite.stop();
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    const duringOutage: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const result = await submit(opened, 'During the outage');
      expect(result.status).toBeLessThan(300);
      duringOutage.push(answerText(result.answers.at(-1)));
    }
    for (const answer of duringOutage) {
      expect(answer).toContain('Not saved, try again');
      expect(answer).toContain('nothing was saved');
    }

    // Storage comes back on the same port with the same data: the bot recovers by itself.
    azurite = await startAzurite({ port: azurite.port, location });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const after = await submit(opened, 'After the outage');
    expect(answerText(after.answers.at(-1))).toContain('Action 1.2 updated');

    expect((await repositories.actions.history('soak', '1.1')).map((p) => p.progressNote)).toEqual(['Before the outage']);
    expect((await repositories.actions.history('soak', '1.2')).map((p) => p.progressNote)).toEqual(['After the outage']);
  }, 90_000);
});
