import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { azuriteConnectionString } from '../../src/config';
import { ChannelTableRepository } from '../../src/storage/tables/channel-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { ARTIFACTS, ask, lastCard, openConversation, openPlaygroundInTeam, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';

/** The posted agenda's channel and message, as the bot stored them, to address activities to it as Teams would. */
async function postedAgenda(run: LocalRun) {
  const storage = new TableStorage(azuriteConnectionString(run.ports.azurite), 'ppb');
  const channel = JSON.parse((await new ChannelTableRepository(storage.client('partnerships')).get('warwickshire'))!.reference) as {
    serviceUrl: string;
    conversation: { id: string };
    bot: { id: string; name: string };
  };
  const meeting = (await nextMeeting(run))!;
  return { channel, meeting };
}

/** The next meeting as stored: the one `npm start` scheduled (src/cli/demo), a quarter after the last. */
async function nextMeeting(run: LocalRun) {
  const storage = new TableStorage(azuriteConnectionString(run.ports.azurite), 'ppb');
  const now = new Date().toISOString();
  return (await new MeetingTableRepository(storage.client('meetings')).list('warwickshire')).find((m) => m.startsAt > now);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/** A card's JSON without the backslashes that escape Markdown in names and notes. */
const plain = (card: unknown) => JSON.stringify(card).replace(/\\\\/g, '');

const PLAYGROUND_PEOPLE = {
  police: { id: 'user-id-2', name: 'Pat Police', aadObjectId: '00000000-0000-0000-0000-000000000022' },
  staff: { id: 'user-id-5', name: 'Stella Staff', aadObjectId: '00000000-0000-0000-0000-000000000025' },
} as const;

/**
 * The playground signs in one user and does not refresh cards by itself ("User specific view is not
 * supported yet", its log says). What another person's Teams client would send on the channel's
 * agenda is posted here as Teams sends it: the adaptiveCard/action invoke, from that person, in the
 * channel, in reply to the agenda card. Returns the invoke response's body.
 */
async function invokeAsAnotherPerson(run: LocalRun, who: keyof typeof PLAYGROUND_PEOPLE, action: { verb: string; data: Record<string, string> }, trigger: 'automatic' | 'manual') {
  const { channel, meeting } = await postedAgenda(run);
  const response = await fetch(`http://127.0.0.1:${run.ports.bot}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `invoke-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      from: PLAYGROUND_PEOPLE[who],
      recipient: channel.bot,
      conversation: { id: channel.conversation.id, conversationType: 'channel', isGroup: true },
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' }, team: { id: 'team-id' }, source: { name: 'message' } },
      replyToId: meeting.posted!.activityId,
      value: { action: { type: 'Action.Execute', id: '', verb: action.verb, data: { verb: action.verb, meetingId: meeting.id, ...action.data } }, trigger },
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: unknown };
}

jest.setTimeout(180_000);

describe('a Steering Group meeting in the playground', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlaygroundInTeam({ height: 2400 }));
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it('on first start, "agenda" shows the next quarterly meeting the demo has scheduled, with last meeting\'s decisions', async () => {
    const next = (await nextMeeting(run))!;
    const agenda = await ask(page, 'agenda', 'Prevent Steering Group: agenda');
    expect(agenda).toContain(`${LONG_DATE.format(new Date(next.startsAt))} at 10:00`);
    expect(agenda).toContain('Channel Panel update');
    expect(agenda).toContain('Demo data: action plan reviewed');
  });

  it('the Prevent Officer schedules the meeting after it and sees the agenda the bot built', async () => {
    const next = (await nextMeeting(run))!;
    const later = LONG_DATE.format(new Date(Date.parse(next.startsAt) + 13 * 7 * 24 * 3600 * 1000));
    const agenda = await ask(page, `schedule meeting ${later} 10:00`, 'Meeting scheduled');
    expect(agenda).toContain(`${later} at 10:00`);
    expect(agenda).toContain('Channel Panel update');
    expect(agenda).toContain('Actions that are off track or overdue');
  });

  it('the Prevent Officer adds an item with an owner before posting', async () => {
    await ask(page, 'edit agenda', 'Edit the agenda');
    const editor = lastCard(page);
    await editor.getByLabel('New item (for Add item)').fill('Venue hire policy review');
    await editor.getByLabel('Owner (for Set owner, or for a new item)').fill('Rugby Borough Council');
    await editor.getByRole('button', { name: 'Add item' }).click();
    await waitForCardText(page, 'Venue hire policy review (Rugby Borough Council)');
  });

  it('posts it to the channel, where "Show my view" gives the officer their own organisation\'s line and buttons', async () => {
    await ask(page, 'post agenda', 'On its way to the partnership channel');
    await openConversation(page, 'Steering Group');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'No organisation has replied yet.' }).last();
    await card.getByRole('button', { name: 'Show my view' }).click();
    await waitForCardText(page, 'Your organisation, Warwickshire County Council: not replied yet');
  });

  it('a reply of Apologies from that view shows on the card', async () => {
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Your organisation, Warwickshire County Council' }).last();
    await card.getByRole('button', { name: 'Apologies' }).click();
    // The bot answers the officer with their own view and updates the message for everyone at once;
    // the playground, which has no views, may end on either, so only the line both show is awaited.
    await waitForCardText(page, 'Warwickshire County Council: Apologies (Priya Officer)');
  });

  it("a partner lead's client, refreshing the card, is answered with their own organisation's view", async () => {
    const body = await invokeAsAnotherPerson(run, 'police', { verb: 'agenda-view', data: {} }, 'automatic');
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = plain(body.value);
    expect(card).toContain('Your organisation, Warwickshire and West Mercia Police: not replied yet');
    expect(card).toContain('Warwickshire County Council: Apologies (Priya Officer)');
    expect(card).toContain('"title":"Attending"');
  });

  it("a second partner's reply is their view for them, and shows beside the first for everyone", async () => {
    const body = await invokeAsAnotherPerson(run, 'police', { verb: 'meeting-reply', data: { status: 'attending' } }, 'manual');
    expect(plain(body.value)).toContain('Your organisation, Warwickshire and West Mercia Police: Attending');
    await waitForCardText(page, 'Warwickshire and West Mercia Police: Attending (Pat Police)');
    await waitForCardText(page, 'Warwickshire County Council: Apologies (Priya Officer)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'agenda-in-channel.png'), fullPage: true });
  });

  it('someone who replies for no organisation sees the agenda and the replies, without reply buttons', async () => {
    const body = await invokeAsAnotherPerson(run, 'staff', { verb: 'agenda-view', data: {} }, 'manual');
    const card = plain(body.value);
    expect(card).toContain('Warwickshire and West Mercia Police: Attending (Pat Police)');
    expect(card).not.toContain('"title":"Attending"');
  });

  it('anyone asking "next meeting" gets the agenda', async () => {
    await openConversation(page, 'Personal Chat');
    const text = await ask(page, 'next meeting', 'Prevent Steering Group: agenda');
    expect(text).toContain('Any other business');
  });
});
