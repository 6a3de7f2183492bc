import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { freePort } from '../local/free-port';

/**
 * A bot in its own process for the turn-latency part, so its memory is its own: `node bot-child.js
 * bot|echo`, with BENCH_STORAGE and BENCH_PREFIX for the real bot. Talks to the bench over IPC:
 * sends { ready, port } once listening; answers "memory" with its peak RSS; exits on "stop".
 */
export interface ChildMemory {
  /** Highest process.memoryUsage().rss seen by sampling every 20 ms, bytes. */
  readonly sampledPeakRss: number;
  /** The kernel's high-water mark of resident memory (Linux VmHWM), bytes; undefined elsewhere. */
  readonly vmHwm?: number;
  /** CPU time (user and system) the process has used since it was ready, ms. */
  readonly cpuMsSinceReady: number;
}

export type ChildMessage = { type: 'ready'; port: number; rssAtReady: number } | ({ type: 'memory' } & ChildMemory) | { type: 'failed'; error: string };

function kernelPeakRss(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const logger = createLogger('error', `bench-${mode}`, 'json');
  const port = await freePort();
  // memoryUsage.rss() reads the resident size alone; memoryUsage() also walks the heap's spaces, a cost the sampler would add to every turn.
  let peak = process.memoryUsage.rss();
  setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20).unref();

  let close: () => Promise<void>;
  if (mode === 'echo') {
    // Required per mode, so the echo bot's memory holds only what the echo bot loads.
    const { startEchoBot } = require('./echo-server') as typeof import('./echo-server');
    close = (await startEchoBot(port, logger)).close;
  } else if (mode === 'bot') {
    const config = loadConfig({
      PORT: String(port),
      STORAGE_CONNECTION_STRING: process.env['BENCH_STORAGE'],
      TABLE_NAME_PREFIX: process.env['BENCH_PREFIX'],
      BOT_MODE: 'local',
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
    });
    const { startBot } = require('../../src/index') as typeof import('../../src/index');
    close = (await startBot(config, logger)).close;
  } else {
    throw new Error(`bot-child: expected "bot" or "echo", got ${mode}`);
  }

  const cpuAtReady = process.cpuUsage();
  process.on('message', (message: unknown) => {
    if (message === 'memory') {
      const vmHwm = kernelPeakRss();
      send({
        type: 'memory',
        sampledPeakRss: Math.max(peak, process.memoryUsage.rss()),
        cpuMsSinceReady: cpuMs(process.cpuUsage(cpuAtReady)),
        ...(vmHwm !== undefined ? { vmHwm } : {}),
      });
    } else if (message === 'stop') {
      const force = setTimeout(() => process.exit(0), 8_000);
      force.unref();
      void close().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port, rssAtReady: process.memoryUsage.rss() });
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function send(message: ChildMessage): void {
  process.send?.(message);
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
