import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startProcess, waitForOutput, type ManagedProcess } from '../../tools/local/child-process';
import { freePort } from '../../tools/local/free-port';

const ROOT = path.join(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface LocalRun {
  readonly process: ManagedProcess;
  readonly playgroundUrl: string;
  readonly ports: { azurite: number; bot: number; playground: number };
  readonly dataDir: string;
  readonly startupMs: number;
}

/** Runs exactly what `npm start` runs (the built start-local), on free ports and a scratch data folder. */
export async function startLocalRun(options: { playgroundConfig?: string } = {}): Promise<LocalRun> {
  const ports = { azurite: await freePort(), bot: await freePort(), playground: await freePort() };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ppb-e2e-'));
  const started = Date.now();
  const run = startProcess('npm start (start-local)', process.execPath, [path.join(ROOT, 'dist', 'tools', 'local', 'start-local.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      AZURITE_TABLE_PORT: String(ports.azurite),
      AZURITE_LOCATION: dataDir,
      PORT: String(ports.bot),
      PLAYGROUND_PORT: String(ports.playground),
      STORAGE_CONNECTION_STRING: '',
      LOG_LEVEL: 'warn',
      ...(options.playgroundConfig ? { PLAYGROUND_CONFIG: options.playgroundConfig } : {}),
    },
  });
  const [, port] = await waitForOutput(run, /Agents Playground:\s+http:\/\/localhost:(\d+)/, 120_000);
  return { process: run, playgroundUrl: `http://localhost:${port}`, ports, dataDir, startupMs: Date.now() - started };
}

export async function stopLocalRun(run: LocalRun): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => run.process.child.once('exit', (code) => resolve(code)));
  // Ctrl-C in a terminal signals the whole foreground group; here the group leader is start-local.
  process.kill(run.process.child.pid!, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 20_000)))]);
  clearTimeout(timer);
  await run.process.stop();
  rmSync(run.dataDir, { recursive: true, force: true });
  return code;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (bash .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Types into the playground's compose box and sends it. */
async function say(page: Page, text: string): Promise<void> {
  const compose = page.locator('[data-lexical-editor="true"]');
  await compose.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Types into the playground's compose box and waits for a new bot card containing `expected`. */
export async function ask(page: Page, text: string, expected: string): Promise<string> {
  const before = await page.locator('.ac-adaptiveCard').count();
  await say(page, text);
  return waitForNewCard(page, before, expected);
}

/** The most recent bot card, e.g. to press one of its buttons. */
export function lastCard(page: Page) {
  return page.locator('.ac-adaptiveCard').last();
}

/** Presses a button on the latest card and waits for a new card containing `expected`. */
export async function press(page: Page, button: string, expected: string): Promise<string> {
  const before = await page.locator('.ac-adaptiveCard').count();
  await lastCard(page).getByRole('button', { name: button }).click();
  return waitForNewCard(page, before, expected);
}

/** Waits until some card on the page (a replaced one, say) contains the text. */
export async function waitForCardText(page: Page, expected: string): Promise<void> {
  await page.locator('.ac-adaptiveCard', { hasText: expected }).first().waitFor({ timeout: 30_000 });
}

export async function openConversation(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
  await page.waitForTimeout(500);
}

export async function waitForNewCard(page: Page, before: number, expected: string): Promise<string> {
  const cards = page.locator('.ac-adaptiveCard');
  await page.waitForFunction(
    ([selector, count, text]) => {
      // Runs in the page, where the DOM exists; the test's own tsconfig has no DOM types.
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
      const all = doc.querySelectorAll(selector as string);
      return all.length > (count as number) && (all[all.length - 1]?.textContent ?? '').includes(text as string);
    },
    ['.ac-adaptiveCard', before, expected],
    { timeout: 30_000 },
  );
  return (await cards.last().textContent()) ?? '';
}

export interface PlaygroundSession {
  readonly run: LocalRun;
  readonly browser: Browser;
  readonly page: Page;
}

/** Starts `npm start`'s process tree and opens the playground in headless Chromium. */
export async function openPlayground(options: { playgroundConfig?: string; height?: number } = {}): Promise<PlaygroundSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const run = await startLocalRun(options.playgroundConfig ? { playgroundConfig: options.playgroundConfig } : {});
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: options.height ?? 1600 } });
  await page.goto(run.playgroundUrl);
  return { run, browser, page };
}

/**
 * Opens the playground, then the partnership channel once: that installs the bot in the team whose
 * channel npm start set as the partnership channel, so the bot opens a 1:1 chat with every registered
 * member of the team. Ends back in the personal chat.
 */
export async function openPlaygroundInTeam(options: { height?: number } = {}): Promise<PlaygroundSession> {
  const session = await openPlayground(options);
  await waitForCardText(session.page, 'Welcome to the Prevent Partnership Bot');
  await openConversation(session.page, 'Steering Group');
  await waitForCardText(session.page, 'Welcome to the Prevent Partnership Bot');
  // npm start has already made this team's channel the partnership channel, as its Prevent Officer
  // would by typing "use this channel" there (the playground's channel composer cannot).
  await openConversation(session.page, 'Personal Chat');
  return session;
}
