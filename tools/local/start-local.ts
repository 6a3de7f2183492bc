import path from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import { createLogger } from '../../src/logger';
import { PROJECT_ROOT } from '../../src/project-root';
import { startProcess, waitForOutput, type ManagedProcess } from './child-process';
import { ChannelTableRepository } from '../../src/storage/tables/channel-table-repository';
import { startAzurite, type RunningAzurite } from './azurite';
import { pinPlaygroundChannel } from './playground-channel';
import { seedLiveDemo } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';

/** Settings only the local run reads (the bot's own settings are in src/config.ts). */
const localSchema = z.object({
  AZURITE_TABLE_PORT: z.coerce.number().int().min(0).max(65535).default(10002),
  AZURITE_LOCATION: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, '.data', 'azurite')),
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  /** Another mock Teams context, e.g. to sign in to the playground as a different demo user. */
  PLAYGROUND_CONFIG: z.string().min(1).default(path.join(PROJECT_ROOT, '.m365agentsplayground.yml')),
});

async function main(): Promise<void> {
  const startedAt = performance.now();
  const local = localSchema.parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  const useOwnAzurite = !process.env['STORAGE_CONNECTION_STRING'];
  const stoppers: (() => Promise<void>)[] = [];
  let stopping = false;
  const logger = createLogger(process.env['LOG_LEVEL'] || 'info', 'local', process.env['LOG_FORMAT'] === 'json' ? 'json' : 'pretty');

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    await startEverything(local, useOwnAzurite, stoppers, () => stopping, stopAll, logger, startedAt);
  } catch (error) {
    // Whatever did start must not outlive a failed start (an orphaned Azurite would hold its port).
    stopping = true;
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

async function startEverything(
  local: z.infer<typeof localSchema>,
  useOwnAzurite: boolean,
  stoppers: (() => Promise<void>)[],
  isStopping: () => boolean,
  stopAll: (code: number) => Promise<void>,
  logger: ReturnType<typeof createLogger>,
  startedAt: number,
): Promise<void> {
  let azurite: RunningAzurite | undefined;
  if (useOwnAzurite) {
    azurite = await startAzurite({ port: local.AZURITE_TABLE_PORT, location: local.AZURITE_LOCATION });
    stoppers.push(() => azurite!.stop());
    watchForUnexpectedExit(azurite.process, isStopping, stopAll);
    logger.info({ port: azurite.port, location: local.AZURITE_LOCATION }, 'Azurite Table service started');
  }
  const config = loadConfig({
    ...process.env,
    ...(azurite ? { STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
    BOT_MODE: 'local',
    LOG_FORMAT: process.env['LOG_FORMAT'] || 'pretty',
  });

  const repositories = await openTableRepositories(config);
  // The demo as of today, with a few months of made-up history (once; kept on later starts).
  const seeded = await seedLiveDemo(repositories, { now: new Date(), ...(config.frameworksDirectory ? { frameworksDirectory: config.frameworksDirectory } : {}) });
  logger.info(seeded, 'demo partnership seeded');

  const bot: RunningBot = await startBot(config, createLogger(config.logLevel, 'bot', config.logFormat));
  stoppers.push(bot.close);

  const playground = startProcess(
    'agents playground',
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '--app-endpoint',
      `http://127.0.0.1:${bot.port}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(local.PLAYGROUND_PORT),
      '--disable-telemetry',
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.resolve(local.PLAYGROUND_CONFIG), BROWSER: 'none' },
    },
  );
  stoppers.push(() => playground.stop());
  watchForUnexpectedExit(playground, isStopping, stopAll);
  const [, playgroundPort] = await waitForOutput(playground, /Listening on (\d+)/, 60_000);
  const channel = await pinPlaygroundChannel({
    channels: new ChannelTableRepository(repositories.storage.client('partnerships')),
    partnershipId: seeded.partnershipId,
    playgroundConfigFile: path.resolve(local.PLAYGROUND_CONFIG),
    playgroundPort: Number(playgroundPort),
  });
  logger.info({ channel }, "the playground team's channel is the demo partnership channel");

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    [
      '',
      `Prevent Partnership Bot is running (ready in ${seconds} s)`,
      `  Agents Playground:  http://localhost:${playgroundPort}`,
      `  Bot endpoint:       http://localhost:${bot.port}/api/messages`,
      `  Health:             http://localhost:${bot.port}/healthz`,
      azurite ? `  Table storage:      Azurite on 127.0.0.1:${azurite.port}, data in ${local.AZURITE_LOCATION}` : '  Table storage:      STORAGE_CONNECTION_STRING',
      'Open the playground and ask "how do I make a referral?", "agenda" or "how are we doing?".',
      "The partnership's updates, rounds and meetings so far are made-up demo data (docs/user-guide.md). Ctrl-C stops everything.",
      '',
    ].join('\n'),
  );
}

function watchForUnexpectedExit(child: ManagedProcess, isStopping: () => boolean, stopAll: (code: number) => Promise<void>): void {
  child.child.once('exit', (code) => {
    if (isStopping()) return;
    console.error(`${child.name} stopped unexpectedly (exit code ${code}); stopping everything`);
    void stopAll(1);
  });
}

function explain(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e.code === 'EADDRINUSE') return `npm start failed: port ${e.port ?? ''} is already in use. Stop whatever uses it, or set PORT (bot) to a free port.`;
  if (/already in use/.test(e.message ?? '')) return `npm start failed: ${e.message}`;
  return `npm start failed: ${e.stack ?? String(error)}`;
}

main().catch((error: unknown) => {
  console.error(explain(error));
  process.exit(1);
});
