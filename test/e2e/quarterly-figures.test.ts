import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ask, openPlayground, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';

jest.setTimeout(240_000);

describe('the chair asks for the quarterly figures in the playground', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlayground({ playgroundConfig: path.join(__dirname, 'chair-playground.yml'), height: 3200 }));
    await waitForCardText(page, 'Welcome to the Prevent Partnership Bot');
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it('on first start shows the demo\'s last quarter, small counts as "fewer than 5", and the trend over four quarters', async () => {
    const card = await ask(page, 'quarterly figures', 'Trend over the last four quarters');
    expect(card).toMatch(/Quarterly figures: \d{4}-\d{2} Q[1-4]/);
    expect(card).toContain('Referrals (SOP 4.4)');
    expect(card).toContain('Channel panel (SOP 4.5)');
    expect(card).toContain('fewer than 5');
    expect(card).not.toMatch(/\b[1-4] referrals\b/);
  });
});
