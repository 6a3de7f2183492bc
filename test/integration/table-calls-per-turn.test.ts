import type { Activity } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import { createApplication } from '../../src/bot/create-bot';
import { createServices } from '../../src/composition/create-services';
import { openTableRepositories, type TableRepositories } from '../../src/composition/open-table-repositories';
import { silentLogger } from '../../src/logger';
import { pendingRowRemovalsSettled } from '../../src/storage/audit/table-pending-audits';
import { loadFrameworks } from '../../src/storage/files/framework-files';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { sampleAction } from '../support/action-repository-contract';
import { sampleRound } from '../support/assessment-repository-contract';
import { cardOf, cardSubmit, DEMO_TENANT, HARNESS_NOW, PEOPLE, RecordingMessenger, RecordingTestAdapter, teamsMessage, trainedLanguage } from '../support/bot-harness';
import { longestChain, TableCallRecorder, type TableCall } from '../support/table-call-recorder';
import { testConnectionString } from '../support/test-storage';

type Card = { actions: { title: string; data: Record<string, unknown> }[] };

const AUTHOR = { id: 'test', name: 'test' };
const P = 'warwickshire';

/**
 * The real bot on Table storage (Azurite), wired by the same composition root as production, with
 * every HTTP request to the tables recorded. The figures are the budget for a turn once the
 * instance is warm (it has answered someone in the last 30 seconds).
 */
async function countingBot() {
  const recorder = new TableCallRecorder();
  const storage = new TableStorage(testConnectionString(), `t${randomBytes(5).toString('hex')}`, undefined, { observers: [recorder.policy] });
  const repositories: TableRepositories = await openTableRepositories(
    { storage: { connectionString: testConnectionString() }, tableNamePrefix: '' },
    { storage, now: () => HARNESS_NOW },
  );
  await repositories.partnerships.save(
    { id: P, name: 'Warwickshire Prevent Partnership', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds: [DEMO_TENANT] },
    AUTHOR,
  );
  await repositories.organisations.save(P, { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] }, AUTHOR);
  await repositories.organisations.save(P, { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: [] }, AUTHOR);
  await repositories.members.save(P, { ...PEOPLE.officer, role: 'prevent-officer', organisationId: 'wcc' }, AUTHOR);
  await repositories.members.save(P, { ...PEOPLE.policeLead, role: 'partner-lead', organisationId: 'police' }, AUTHOR);
  await repositories.actions.savePlan(
    P,
    [
      sampleAction('6.1', { ownerOrganisationIds: ['police'], dueDate: '2027-03-31' }),
      sampleAction('6.4', { ownerOrganisationIds: ['police'], dueDate: '2027-03-31' }),
      sampleAction('3.1', { ownerOrganisationIds: ['wcc'], dueDate: '2027-03-31' }),
    ],
    AUTHOR,
  );
  await repositories.assessments.createRound(P, sampleRound('2026-27-q3', { frameworkId: 'home-office-2018', closesOn: '2026-12-31' }));
  const services = createServices(repositories, {
    defaultPartnershipId: P,
    frameworks: await loadFrameworks(),
    language: await trainedLanguage(),
    messenger: new RecordingMessenger(),
    reportLinks: { secret: 'table-calls-report-link-secret-0123456789', publicBaseUrl: 'https://prevent-bot.example.test' },
    logger: silentLogger,
    now: () => HARNESS_NOW,
  });
  const app = createApplication({ services });
  const adapter = new RecordingTestAdapter(async (context) => {
    await app.run(context);
  });
  /** Sends an activity and lets its turn finish; its replies are dropped (the cards replaced in place are kept). */
  const send = async (activity: Partial<Activity>) => {
    await adapter.send(activity).startTest();
    adapter.activeQueue.splice(0);
  };
  /** The calls one activity costs, counting those it started without waiting for them (removing appended audit rows). */
  const callsFor = (activity: Partial<Activity>): Promise<TableCall[]> =>
    recorder.during(
      () => send(activity),
      () => pendingRowRemovalsSettled(),
    );
  return { adapter, send, callsFor, recorder, services };
}

type Bot = Awaited<ReturnType<typeof countingBot>>;

function describeCalls(calls: readonly TableCall[]): string {
  return calls.map((call) => `${call.method} ${call.target}`).join('\n');
}

/** Asserts a turn's calls are within budget; a failure lists the calls that were made. */
function expectWithin(calls: readonly TableCall[], most: number, oneAfterAnother: number): void {
  const figures = { calls: calls.length, oneAfterAnother: longestChain(calls), made: describeCalls(calls) };
  expect({ ...figures, withinBudget: figures.calls <= most && figures.oneAfterAnother <= oneAfterAnother }).toEqual({ ...figures, withinBudget: true });
}

async function updateCard(bot: Bot, actionId: string): Promise<Record<string, unknown>> {
  let data: Record<string, unknown> = {};
  await bot.adapter.send(teamsMessage(`update action ${actionId}`, undefined, PEOPLE.policeLead)).assertReply((reply) => {
    data = (cardOf(reply) as Card).actions[0]!.data;
  });
  return data;
}

async function ratingPage(bot: Bot): Promise<Card> {
  await bot.send(cardSubmit({ verb: 'assessment-open', roundId: '2026-27-q3', organisationId: 'police', index: 0 }, PEOPLE.policeLead));
  return cardOf(bot.adapter.replaced.at(-1) as Partial<Activity>) as Card;
}

function ratingsFor(page: Card, details: string): Record<string, string> {
  const itemIds = [...JSON.stringify(page).matchAll(/"id":"rating-(\d+)-(\d+)"/g)].map((m) => `${m[1]}-${m[2]}`);
  return Object.fromEntries(
    itemIds.flatMap((id) => [
      [`rating-${id}`, 'developing'],
      [`details-${id}`, details],
    ]),
  );
}

describe('Table calls per turn, on Azurite (the lean turn)', () => {
  let bot: Bot;

  beforeAll(async () => {
    bot = await countingBot();
    // A first turn and a first audited write: who is who is now in this instance's cache, and the audit chain's head too.
    await bot.send(teamsMessage('my actions', undefined, PEOPLE.policeLead));
    await bot.send(cardSubmit({ ...(await updateCard(bot, '6.1')), status: 'on-track', progressNote: 'Warm-up update.', evidenceUrl: '', revisedDate: '' }, PEOPLE.policeLead));
  }, 60_000);

  it('an action update costs at most 6 calls, at most 4 of them one after another', async () => {
    const card = await updateCard(bot, '6.4');
    const calls = await bot.callsFor(
      cardSubmit({ ...card, status: 'on-track', progressNote: 'Venue checklist agreed with the districts.', evidenceUrl: '', revisedDate: '' }, PEOPLE.policeLead),
    );
    expect(JSON.stringify(bot.adapter.replaced.at(-1))).toContain('Action 6.4 updated');
    expectWithin(calls, 6, 4);
    // Read the action; write it with its history, nonce and pending audit row; append to the audit chain.
    expect(describeCalls(calls)).toMatch(/^GET .*action_6\.4.*\nPOST \$batch\nPOST \$batch$/);
  });

  it('a repeated press of the same update card writes nothing and reads no more than a first press', async () => {
    const card = await updateCard(bot, '6.1');
    const submit = cardSubmit({ ...card, status: 'at-risk', progressNote: 'Pressed twice.', evidenceUrl: '', revisedDate: '' }, PEOPLE.policeLead);
    await bot.send(submit);
    const calls = await bot.callsFor(submit);
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
    expect(calls.length).toBeLessThanOrEqual(2);
  });

  it('saving a page of self-assessment ratings costs at most 6 calls, at most 4 of them one after another', async () => {
    const first = await ratingPage(bot);
    await bot.send(cardSubmit({ ...first.actions.find((a) => a.title === 'Save')!.data, ...ratingsFor(first, 'Agreed at the Steering Group.') }, PEOPLE.policeLead));
    const page = await ratingPage(bot);
    const calls = await bot.callsFor(cardSubmit({ ...page.actions.find((a) => a.title === 'Save')!.data, ...ratingsFor(page, 'Reviewed again in December.') }, PEOPLE.policeLead));
    expect(JSON.stringify(bot.adapter.replaced.at(-1))).toContain('Benchmark 1 of 10 saved');
    expectWithin(calls, 6, 4);
  });

  it('removes the pending audit rows of several updates together after the turns: one call for the partition, no DELETE each', async () => {
    const first = await updateCard(bot, '6.1');
    const second = await updateCard(bot, '6.4');
    const turns = await bot.recorder.during(async () => {
      await bot.send(cardSubmit({ ...first, status: 'on-track', progressNote: 'First of two.', evidenceUrl: '', revisedDate: '' }, PEOPLE.policeLead));
      await bot.send(cardSubmit({ ...second, status: 'on-track', progressNote: 'Second of two.', evidenceUrl: '', revisedDate: '' }, PEOPLE.policeLead));
    });
    expect(turns.filter((call) => call.method === 'DELETE')).toEqual([]);
    const removal = await bot.recorder.during(() => pendingRowRemovalsSettled());
    expect(describeCalls(removal)).toBe('POST $batch');
  });

  it('"my actions" costs at most 3 calls', async () => {
    const calls = await bot.callsFor(teamsMessage('my actions', undefined, PEOPLE.policeLead));
    expectWithin(calls, 3, 3);
    expect(calls.every((call) => call.method === 'GET')).toBe(true);
  });
});
