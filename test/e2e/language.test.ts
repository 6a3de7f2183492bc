import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, openPlayground, stopLocalRun, waitForCardText, type LocalRun } from './playground-session';

jest.setTimeout(240_000);

/** The referral pathway card's first line and its title (src/data/demo/warwickshire-guidance.json, cards/referral-pathway.json). */
const EMERGENCY_LINE = 'If someone is in immediate danger, call 999';
const PATHWAY_TITLE = 'How to make a Prevent referral';
/** A reply is over when no further card has arrived for this long. */
const SETTLED_MS = 2_000;

/**
 * Types a message into the personal chat and returns the text of every card of the bot's reply, in
 * the order they arrived: waits for a new card containing `expected`, then until no more arrive.
 */
async function reply(page: Page, message: string, expected: string): Promise<string[]> {
  const cards = page.locator('.ac-adaptiveCard');
  const before = await cards.count();
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type(message);
  await page.keyboard.press('Enter');
  await page
    .waitForFunction(
      ([selector, count, text]) => {
        // Runs in the page, where the DOM exists; the test's own tsconfig has no DOM types.
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
        return Array.from(doc.querySelectorAll(selector as string))
          .slice(count as number)
          .some((card) => (card.textContent ?? '').includes(text as string));
      },
      ['.ac-adaptiveCard', before, expected] as const,
      { timeout: 30_000 },
    )
    .catch(async (error: unknown) => {
      const got = (await cards.allTextContents()).slice(before).map((card) => card.trim().slice(0, 80));
      throw new Error(`no card with "${expected}" in the reply; the reply's cards began: ${JSON.stringify(got)}`, { cause: error });
    });
  let count = await cards.count();
  for (;;) {
    await page.waitForTimeout(SETTLED_MS);
    const now = await cards.count();
    if (now === count) break;
    count = now;
  }
  return (await cards.allTextContents()).slice(before);
}

/**
 * How many times the text appears in the conversation: in a bubble, a card or a plain-text reply.
 * The conversation is the smallest element holding every message header, which leaves out the
 * playground's own log of the traffic.
 */
async function timesInChat(page: Page, text: string): Promise<number> {
  return page.evaluate((needle) => {
    // Runs in the page, where the DOM exists; the test's own tsconfig has no DOM types.
    interface Node {
      readonly innerText: string;
      readonly parentElement: Node | null;
      contains(other: Node): boolean;
    }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Node> } }).document;
    const headers = doc.querySelectorAll('[aria-label="Message header"]');
    const last = headers[headers.length - 1];
    let chat: Node | null = headers[0] ?? null;
    while (chat && last && !chat.contains(last)) chat = chat.parentElement;
    // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees is what is counted, not hidden text
    return (chat?.innerText ?? '').split(needle).length - 1;
  }, text);
}

/** What every message about a possible risk to a person must get back. */
async function expectPathwayFirstWithoutEcho(page: Page, cards: readonly string[], message: string): Promise<void> {
  expect(cards.length).toBeGreaterThanOrEqual(1);
  const [first] = cards as [string, ...string[]];
  expect(first).toContain(PATHWAY_TITLE);
  // The 999 line opens the card, before the local steps.
  expect(first.trimStart().startsWith(EMERGENCY_LINE)).toBe(true);
  expect(first.indexOf(EMERGENCY_LINE)).toBeLessThan(first.indexOf(PATHWAY_TITLE));
  // The text may be about a person: the bot never repeats it.
  for (const card of cards) expect(card.toLowerCase()).not.toContain(message.toLowerCase());
  // Only the person's own bubble shows it: no plain-text reply repeats it either.
  expect(await timesInChat(page, message)).toBe(1);
}

describe('a member of staff with no role describes a worry in their own words in the playground', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlayground({ playgroundConfig: path.join(__dirname, 'staff-playground.yml'), height: 2400 }));
    await waitForCardText(page, 'Welcome to the Prevent Partnership Bot');
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it.each([
    'a learner has been sharing terrorist propaganda on whatsapp',
    'client keeps talking about making a bomb',
    'someone told me they are planning to travel to syria to fight',
  ])('"%s" gets the referral pathway first, the 999 line on top, and is not repeated back', async (message) => {
    const cards = await reply(page, message, PATHWAY_TITLE);
    await expectPathwayFirstWithoutEcho(page, cards, message);
  });

  it('"what\'s the process for referring to Channel?" gets the referral pathway, the 999 line on top, with what Channel is', async () => {
    const message = "what's the process for referring to Channel?";
    const cards = await reply(page, message, PATHWAY_TITLE);
    await expectPathwayFirstWithoutEcho(page, cards, message);
    expect(cards[0]).toContain('What is Channel?');
    await page.screenshot({ path: path.join(ARTIFACTS, 'language-staff.png'), fullPage: true });
  });
});
