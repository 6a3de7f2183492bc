import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess, waitForOutput } from '../local/child-process';
import { startFakeConnector, type FakeConnector } from '../local/fake-connector';
import { freePort } from '../local/free-port';
import type { BenchContext } from './context';
import type { PartResult } from './results';

const TENANT = '00000000-0000-0000-0000-0000000000001';

/**
 * Part 6: the built `npm start` (Azurite, demo seed, bot, Agents Playground) on free ports and a
 * temporary data folder, timed from spawning it until a question posted to /api/messages is answered.
 */
export async function runStartup(context: BenchContext): Promise<PartResult[]> {
  const [port, azuritePort, playgroundPort] = [await freePort(), await freePort(), await freePort()];
  const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'ppb-bench-start-'));
  const connector = await startFakeConnector();
  const started = performance.now();
  const local = startProcess('npm start', process.execPath, [path.join(__dirname, '..', 'local', 'start-local.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      AZURITE_TABLE_PORT: String(azuritePort),
      AZURITE_LOCATION: dataFolder,
      PLAYGROUND_PORT: String(playgroundPort),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      STORAGE_CONNECTION_STRING: '',
    },
  });
  try {
    const ready = waitForOutput(local, /is running \(ready in/, 120_000).then(() => performance.now() - started);
    ready.catch(() => undefined);
    const answeredMs = (await firstAnswer(`http://127.0.0.1:${port}/api/messages`, connector, 120_000)) - started;
    const readyMs = await ready;
    context.log(`  answered after ${Math.round(answeredMs)} ms, playground ready after ${Math.round(readyMs)} ms`);
    return [
      {
        part: 6,
        title: 'Start-up',
        targets: [{ part: 6, name: 'start to the first answered message', figure: answeredMs / 1000, unit: 's', target: 'reported, no target', pass: Number.isFinite(answeredMs) }],
        figures: { 'first answered message s': answeredMs / 1000, 'playground ready s (the "is running" line)': readyMs / 1000 },
        notes: [
          'Runs dist/tools/local/start-local.js as `npm start` does after its build step (the build is not timed), with its own Azurite on a free port and an empty temporary data folder, so the demo seed writes everything.',
          'The first message is "how do I make a referral?" posted every 100 ms until one is answered through the fake connector; the bot answers before the playground has finished starting.',
        ],
      },
    ];
  } finally {
    await local.stop(10_000);
    await connector.close();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}

/** Performance.now() when a referral question first got its answer to the connector. */
async function firstAnswer(url: string, connector: FakeConnector, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (let attempt = 0; performance.now() < deadline; attempt += 1) {
    const conversationId = `startup-${attempt}`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `in-${attempt}`,
          text: 'how do I make a referral?',
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: 'user-1', name: 'Priya Officer', aadObjectId: '00000000-0000-0000-0000-000000000020' },
          recipient: { id: 'bot-id', name: 'Prevent Partnership Bot' },
          conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
          channelData: { tenant: { id: TENANT } },
        }),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      if (response.ok && connector.received.some((r) => r.conversationId === conversationId)) return performance.now();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`npm start did not answer a message within ${timeoutMs} ms`);
}
