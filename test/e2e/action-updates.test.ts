import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ask, lastCard, openConversation, press, openPlayground, openPlaygroundInTeam, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';

/** The run-together text of one action's entry in a "my actions" card: from its id to the next action's. */
function actionLine(text: string, id: string): string {
  const start = text.indexOf(`${id} `);
  const next = text.slice(start + id.length).search(/\d\.\d /);
  return next < 0 ? text.slice(start) : text.slice(start, start + id.length + next);
}

jest.setTimeout(180_000);

async function fillUpdateCard(page: Page, status: string, note: string): Promise<void> {
  const card = lastCard(page);
  await card.getByRole('combobox').first().click();
  await page.getByRole('option', { name: status }).click();
  await card.locator('textarea').fill(note);
  await card.getByRole('button', { name: 'Submit update' }).click();
}

describe("action plan updates in the playground, as the Prevent Officer (also WCC's Prevent lead)", () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlaygroundInTeam());
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it('"request updates" reaches every lead in the team, including those who never spoke to the bot', async () => {
    await ask(page, 'request updates', 'Update requests');
    // The delivery card refreshes itself as the outbox sends the requests.
    await waitForCardText(page, 'Finished sending to 4 people in 3 organisations: 4 sent.');
    const summary = await page.locator('.ac-adaptiveCard', { hasText: 'Finished sending to' }).first().textContent();
    expect(summary).toContain('Rugby Borough Council: no Prevent lead is registered');
    expect(summary).toContain('The progress card is being posted in the partnership channel.');
    await waitForCardText(page, 'Update request: Warwickshire County Council');
  });

  it('"my actions" lists the organisation\'s actions with an update button each', async () => {
    const text = await ask(page, 'my actions', 'Actions for Warwickshire County Council');
    expect(text).toContain('Continue to provide WRAP training sessions');
    // The demo's history (src/cli/demo): the leads' earlier updates show as each action's status.
    expect(text).toMatch(/On track|At risk|Off track|Complete/);
  });

  it('submitting an update replaces the card with a receipt', async () => {
    await press(page, 'Update 3.1', 'Update action 3.1');
    await fillUpdateCard(page, 'On track', 'Monthly WRAP sessions running; three held this quarter.');
    await waitForCardText(page, 'Action 3.1 updated');
    const receipt = await page.locator('.ac-adaptiveCard', { hasText: 'Action 3.1 updated' }).first().textContent();
    expect(receipt).toMatch(/Updated by Priya Officer at .*: On track/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'action-receipt.png'), fullPage: true });
  });

  it('"my actions" then shows the new status', async () => {
    const text = await ask(page, 'my actions', 'Actions for Warwickshire County Council');
    expect(text).toMatch(/3\.1.*On track/);
  });

  it('a note with personal data comes back to be edited and is not saved', async () => {
    // The demo may already hold updates on 3.2 (src/cli/demo): whatever it shows must not change.
    const before = actionLine(await ask(page, 'my actions', 'Actions for Warwickshire County Council'), '3.2');
    expect(before).toMatch(/^3\.2 .*(No update yet|On track|At risk|Off track|Complete)/);
    await ask(page, 'update action 3.2', 'Update action 3.2');
    await fillUpdateCard(page, 'At risk', 'Waiting to hear from jo.bloggs@example.com');
    await waitForCardText(page, 'please remove the personal details');
    const text = await ask(page, 'my actions', 'Actions for Warwickshire County Council');
    expect(actionLine(text, '3.2')).toBe(before);
    expect(text).not.toContain('jo.bloggs');
  });

  it('the Prevent Officer makes a team member a partner lead, choosing them from the team roster', async () => {
    await ask(page, 'partnership members', 'Partnership members');
    await press(page, 'Add or change a member', 'Add or change a member');
    const form = lastCard(page);
    await form.getByRole('combobox').nth(0).click();
    await page.getByRole('option', { name: 'Stella Staff' }).click();
    await form.getByRole('combobox').nth(2).click();
    await page.getByRole('option', { name: 'Rugby Borough Council' }).click();
    await form.getByRole('button', { name: 'Save member' }).click();
    await waitForCardText(page, 'Stella Staff is Partner lead');
    await waitForCardText(page, 'Stella Staff: Partner lead, Rugby Borough Council');
  });

  it('the progress card in the channel has moved to 1 updated', async () => {
    await openConversation(page, 'Steering Group');
    await waitForCardText(page, '1 of 32 actions updated');
    await page.screenshot({ path: path.join(ARTIFACTS, 'channel-progress.png'), fullPage: true });
  });
});

describe('action plan updates in the playground, as a member of staff with no role', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlayground({ playgroundConfig: path.join(__dirname, 'staff-playground.yml'), height: 1200 }));
    await waitForCardText(page, 'Welcome to the Prevent Partnership Bot');
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it('is told politely that only owners, the Prevent Officer or the chair can update an action', async () => {
    const text = await ask(page, 'update action 3.1', 'You cannot do that');
    expect(text).toContain('Only the organisations that own action 3.1');
  });

  it('is told no actions are theirs when asking for "my actions"', async () => {
    const text = await ask(page, 'my actions', 'Your actions');
    expect(text).toContain('You are not listed as a member of an organisation');
  });
});
