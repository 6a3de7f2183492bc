import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { azuriteConnectionString } from '../../src/config';
import { ChannelTableRepository } from '../../src/storage/tables/channel-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { ARTIFACTS, ask, lastCard, openConversation, openPlaygroundInTeam, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';

/**
 * The playground signs in one user. A second partner pressing "Attending" on the channel card is sent
 * to the bot as Teams would send it: from that user, in the channel, in reply to the agenda card.
 */
async function replyAsAnotherPartner(run: LocalRun, status: string): Promise<void> {
  const storage = new TableStorage(azuriteConnectionString(run.ports.azurite), 'ppb');
  const channel = JSON.parse((await new ChannelTableRepository(storage.client('partnerships')).get('warwickshire'))!.reference) as {
    serviceUrl: string;
    conversation: { id: string };
    bot: { id: string; name: string };
  };
  const meeting = (await nextMeeting(run))!;
  const response = await fetch(`http://127.0.0.1:${run.ports.bot}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `reply-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      from: { id: 'user-id-2', name: 'Pat Police', aadObjectId: '00000000-0000-0000-0000-000000000022' },
      recipient: channel.bot,
      conversation: { id: channel.conversation.id, conversationType: 'channel', isGroup: true },
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' }, team: { id: 'team-id' } },
      replyToId: meeting.posted!.activityId,
      value: { verb: 'meeting-reply', meetingId: meeting.id, status },
    }),
  });
  expect(response.status).toBeLessThan(300);
}

/** The next meeting as stored: the one `npm start` scheduled (src/cli/demo), a quarter after the last. */
async function nextMeeting(run: LocalRun) {
  const storage = new TableStorage(azuriteConnectionString(run.ports.azurite), 'ppb');
  const now = new Date().toISOString();
  return (await new MeetingTableRepository(storage.client('meetings')).list('warwickshire')).find((m) => m.startsAt > now);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

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

  it('posts it to the channel, where a reply of Apologies shows on the card', async () => {
    await ask(page, 'post agenda', 'On its way to the partnership channel');
    await openConversation(page, 'Steering Group');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'No organisation has replied yet.' }).last();
    await card.getByRole('button', { name: 'Apologies' }).click();
    await waitForCardText(page, 'Warwickshire County Council: Apologies (Priya Officer)');
  });

  it("a second partner's reply shows beside the first", async () => {
    await replyAsAnotherPartner(run, 'attending');
    await waitForCardText(page, 'Warwickshire and West Mercia Police: Attending (Pat Police)');
    await waitForCardText(page, 'Warwickshire County Council: Apologies (Priya Officer)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'agenda-in-channel.png'), fullPage: true });
  });

  it('anyone asking "next meeting" gets the agenda', async () => {
    await openConversation(page, 'Personal Chat');
    const text = await ask(page, 'next meeting', 'Prevent Steering Group: agenda');
    expect(text).toContain('Any other business');
  });
});
