import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ask, lastCard, openConversation, openPlaygroundInTeam, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';
import { demoOrganisations } from '../../src/cli/seed-demo';
import { isSpecifiedAuthority } from '../../src/domain/actions/plan-import';

jest.setTimeout(240_000);

/** Rates every item on the latest rating card "Achieving", writes evidence in the first box, and presses a button. */
async function ratePage(page: Page, button: string, expected: string): Promise<void> {
  const card = lastCard(page);
  const radios = card.getByRole('radio', { name: 'Achieving' });
  const count = await radios.count();
  for (let i = 0; i < count; i++) await radios.nth(i).click();
  await card.locator('textarea').first().fill('Reviewed at the Steering Group; evidence held by the Prevent lead.');
  await card.getByRole('button', { name: button, exact: true }).click();
  await waitForCardText(page, expected);
}

describe("a whole 2018 self-assessment in the playground, as the County Council's Prevent lead", () => {
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

  it('the Prevent Officer starts the round and the first rating card arrives', async () => {
    await ask(page, 'start self-assessment', 'Start a self-assessment round');
    await lastCard(page).getByRole('button', { name: 'Start and send rating cards' }).click();
    await waitForCardText(page, 'Self-assessment 2026/27');
    await waitForCardText(page, 'Benchmark 1 of 10: Local Risk Assessment Process');
  });

  it('saving benchmark 1 turns the card into a receipt', async () => {
    await ratePage(page, 'Save', 'Benchmark 1 of 10 saved');
    await page.screenshot({ path: path.join(ARTIFACTS, 'self-assessment-receipt.png'), fullPage: true });
  });

  it('leaving half-way and asking again resumes at the first unfinished benchmark', async () => {
    await lastCard(page).getByRole('button', { name: 'Next benchmark' }).click();
    await waitForCardText(page, 'Benchmark 2 of 10');
    await ratePage(page, 'Next', 'Benchmark 3 of 10');
    const resumed = await ask(page, 'self-assessment', 'Benchmark 3 of 10');
    expect(resumed).toContain('Prevent Partnership Action Plan');
  });

  it('rating the rest and submitting returns it, and the channel counter moves', async () => {
    for (let n = 3; n < 10; n++) await ratePage(page, 'Next', `Benchmark ${n + 1} of 10`);
    await ratePage(page, 'Submit return', 'Self-assessment returned');
    await openConversation(page, 'Steering Group');
    // The 2018 toolkit is answered by the specified authorities: the round asks those, not CAVA or CTPWM.
    await waitForCardText(page, `1 of ${demoOrganisations().filter(isSpecifiedAuthority).length} organisations returned`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'self-assessment-channel.png'), fullPage: true });
  });
});
