import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ask, openPlayground, stopLocalRun, waitForNewCard, type LocalRun } from './playground-session';

jest.setTimeout(180_000);

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('npm start, used through the Agents Playground in headless Chromium', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlayground());
    console.log(`start-up to playground ready: ${run.startupMs} ms`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('greets the user with the welcome card when the personal chat opens', async () => {
    const text = await waitForNewCard(page, 0, 'Welcome to the Prevent Partnership Bot');
    expect(text).toContain('Warwickshire Prevent Partnership');
  });

  it('answers "how do I make a referral?" with the pathway card, the 999 line first', async () => {
    const text = await ask(page, 'how do I make a referral?', 'How to make a Prevent referral');
    expect(text.indexOf('call 999')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('call 999')).toBeLessThan(text.indexOf('How to make a Prevent referral'));
    expect(text).toContain('What is Channel?');
    expect(text).toContain('Safe in Warwickshire: radicalisation');
    expect(text).toContain('What happens after a referral');
    expect(text).toContain('Source: Warwickshire Prevent Action Plan 2017-18, action 2.1');
    expect(text).not.toContain('MASH');
    await page.screenshot({ path: path.join(ARTIFACTS, 'referral-pathway.png'), fullPage: true });
  });

  it('answers "training" with the training card and its links', async () => {
    const text = await ask(page, 'training', 'Prevent training');
    expect(text).toContain('WRAP (Workshop to Raise Awareness of Prevent)');
    expect(text).toContain('Start Prevent duty training');
    // The current GOV.UK course comes before anything from the 2017-18 plan, which is labelled.
    expect(text.indexOf('Prevent duty training: Learn how to support people susceptible to radicalisation')).toBeLessThan(text.indexOf('From the 2017-18 action plan'));
    expect(text).toContain('From the 2017-18 action plan');
    await page.screenshot({ path: path.join(ARTIFACTS, 'training.png'), fullPage: true });
  });

  it('answers something it does not understand with the help card, never repeating what was typed', async () => {
    const text = await ask(page, "what's the weather like?", 'What I can help with');
    expect(text).toContain('If someone is in immediate danger, call 999.');
    expect(text).not.toContain('weather');
  });

  it("sends the referral question when the help card's button is pressed", async () => {
    const before = await page.locator('.ac-adaptiveCard').count();
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'How do I make a referral?' }).click();
    const text = await waitForNewCard(page, before, 'How to make a Prevent referral');
    expect(text).toContain('call 999');
    await page.screenshot({ path: path.join(ARTIFACTS, 'help-button.png'), fullPage: true });
  });

  it('stops Azurite, the bot and the playground on Ctrl-C', async () => {
    const code = await stopLocalRun(run);
    expect(code).toBe(0);
    const stillOpen = await Promise.all([run.ports.azurite, run.ports.bot, run.ports.playground].map(portAnswers));
    expect(stillOpen).toEqual([false, false, false]);
  });
});
