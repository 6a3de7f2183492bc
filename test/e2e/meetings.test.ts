import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ask, openConversation, openPlaygroundInTeam, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';

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

  it('the Prevent Officer schedules a meeting and sees the agenda the bot built', async () => {
    const agenda = await ask(page, 'schedule meeting 12 March 2027 10:00', 'Prevent Steering Group: agenda');
    expect(agenda).toContain('12 March 2027 at 10:00');
    expect(agenda).toContain('Channel Panel update');
    expect(agenda).toContain('Actions that are off track or overdue');
  });

  it('posts it to the channel, where a reply of Apologies shows on the card', async () => {
    await ask(page, 'post agenda', 'Posted to the partnership channel');
    await openConversation(page, 'Steering Group');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'No organisation has replied yet.' }).last();
    await card.getByRole('button', { name: 'Apologies' }).click();
    await waitForCardText(page, 'Warwickshire County Council: Apologies (Priya Officer)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'agenda-in-channel.png'), fullPage: true });
  });

  it('anyone asking "next meeting" gets the agenda', async () => {
    await openConversation(page, 'Personal Chat');
    const text = await ask(page, 'next meeting', 'Prevent Steering Group: agenda');
    expect(text).toContain('Any other business');
  });
});
