import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { ACTION_UPDATE_VERB } from '../../src/cards/action-cards';
import { seedDemo } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { startFakeConnector, type FakeConnector } from '../local/fake-connector';
import type { ChildMemory, ChildMessage } from './bot-child';
import type { BenchContext } from './context';
import type { PartResult } from './results';
import { round, summariseLatencies, timeRepeatedly, percentile, type LatencySummary } from './stats';
import { memoryTargets, turnLatencyTargets } from './targets';

const PARTNERSHIP = 'warwickshire';
/** The demo partnership's tenant and its Prevent Officer, who may update every action. */
const TENANT = '00000000-0000-0000-0000-0000000000001';
/** The partner lead a worker stands for. */
const benchLead = (worker: number) => ({ aadObjectId: `00000000-0000-0000-0000-0000000001${String(worker).padStart(2, '0')}`, name: `Bench Lead ${worker + 1}` });
const MB = 1024 * 1024;

export interface TurnLoad {
  readonly submits: number;
  readonly concurrency: number;
  /** Untimed submits first (one round per worker each), so both bots are warm. */
  readonly warmUpRounds: number;
}

interface LoadOutcome {
  readonly latency: LatencySummary;
  /** The same submits one at a time: the turn's own cost, without queueing behind others. */
  readonly sequential: LatencySummary;
  readonly throughput: number;
  readonly errors: number;
  readonly errorExamples: readonly string[];
}

/** Parts 1 (turn latency against an echo bot) and 5 (the bot's memory against the echo bot's under part 1's load). */
export async function runTurnLatency(context: BenchContext): Promise<PartResult[]> {
  const load: TurnLoad = context.quick ? { submits: 200, concurrency: 10, warmUpRounds: 1 } : { submits: 2000, concurrency: 20, warmUpRounds: 2 };
  const prefix = `bt${randomBytes(4).toString('hex')}`;
  const repositories = await openTableRepositories({ storage: { connectionString: context.storage }, tableNamePrefix: prefix });
  await seedDemo(repositories);
  const records = (await repositories.actions.list(PARTNERSHIP)).slice(0, load.concurrency);
  const actionIds = records.map((r) => r.action.id);
  if (actionIds.length < load.concurrency) throw new Error(`the demo plan has ${actionIds.length} actions, fewer than ${load.concurrency} workers`);
  // Each worker is a partner lead of its action's owner, in their own 1:1 chat, as partners answering a round are.
  for (const [worker, record] of records.entries()) {
    const organisationId = record.action.ownerOrganisationIds[0];
    await repositories.members.save(
      PARTNERSHIP,
      { ...benchLead(worker), role: organisationId ? 'partner-lead' : 'prevent-officer', ...(organisationId ? { organisationId } : {}) },
      { id: 'bench', name: 'bench' },
    );
  }

  // A point read of one action, as the bot makes them: the unit of the p50 target.
  const tableRoundTrips = await timeRepeatedly(context.quick ? 50 : 200, () => repositories.actions.get(PARTNERSHIP, actionIds[0]!), 10);
  const tableP50 = percentile(tableRoundTrips, 50);

  // Teams' rate limits are off here: part 1 measures turns, part 2 measures sending within the limits.
  const connector = await startFakeConnector({ conversationWindows: [], tenantWindows: [] });
  try {
    context.log(`  echo bot: ${load.submits} submits, ${load.concurrency} at once`);
    const echo = await underLoad('echo', context, connector, load, actionIds, repositories.actions.get.bind(repositories.actions), false);
    context.log(`  real bot: ${load.submits} submits, ${load.concurrency} at once`);
    const bot = await underLoad('bot', { ...context, prefix }, connector, load, actionIds, repositories.actions.get.bind(repositories.actions), true);

    const turnTargets = turnLatencyTargets({
      concurrency: load.concurrency,
      botP50: bot.outcome.latency.p50,
      echoP50: echo.outcome.latency.p50,
      botOneAtATimeP50: bot.outcome.sequential.p50,
      echoOneAtATimeP50: echo.outcome.sequential.p50,
      tableP50,
      errors: bot.outcome.errors + echo.outcome.errors,
    });
    const partOne: PartResult = {
      part: 1,
      title: 'Turn latency',
      targets: turnTargets,
      figures: {
        'submits (timed)': bot.outcome.latency.count,
        concurrency: load.concurrency,
        'echo p50 ms': echo.outcome.latency.p50,
        'echo p99 ms': echo.outcome.latency.p99,
        'echo throughput /s': echo.outcome.throughput,
        'bot p50 ms': bot.outcome.latency.p50,
        'bot p99 ms': bot.outcome.latency.p99,
        'bot max ms': bot.outcome.latency.max,
        'bot throughput /s': bot.outcome.throughput,
        'ratio p50 (bot / echo)': bot.outcome.latency.p50 / echo.outcome.latency.p50,
        'ratio p99 (bot / echo)': bot.outcome.latency.p99 / echo.outcome.latency.p99,
        'echo p50 ms, one at a time': echo.outcome.sequential.p50,
        'bot p50 ms, one at a time': bot.outcome.sequential.p50,
        'bot p99 ms, one at a time': bot.outcome.sequential.p99,
        'Table round trip p50 ms (point read)': tableP50,
        'bot CPU ms per submit': bot.cpu.childMs / bot.cpu.submits,
        'echo bot CPU ms per submit': echo.cpu.childMs / echo.cpu.submits,
        'Azurite CPU ms per submit, bot phase': bot.cpu.storageMs === undefined ? 'not available' : bot.cpu.storageMs / bot.cpu.submits,
        'Azurite CPU ms per submit, echo phase': echo.cpu.storageMs === undefined ? 'not available' : echo.cpu.storageMs / echo.cpu.submits,
        'echo errors': echo.outcome.errors,
        'bot errors': bot.outcome.errors,
      },
      notes: [
        `Each of ${load.concurrency} workers owns one action and chains its submits: it reads the action's current ETag from storage (untimed), then POSTs the update card's Submit as Teams sends it (an Action.Execute invoke, fresh nonce) to /api/messages; the figure is the POST's round trip, which ends when the bot has written to Azurite and answered the invoke with the receipt card.`,
        `One at a time: ${context.quick ? 30 : 100} submits of one worker after the concurrent run, to each bot; the Table round trip is a point read of an action, timed before either bot runs. All three baselines come from this run.`,
        "The fake connector runs without Teams' rate limits here (20 conversations at once would otherwise be throttled by design); the echo bot gets the same requests and the same adapter, and answers each invoke with a card too.",
        ...(turnTargets.every((t) => t.pass)
          ? []
          : [
              `The bot's p50 is ${round(bot.outcome.latency.p50 / echo.outcome.latency.p50)} x the echo bot's with ${load.concurrency} in flight (throughput ${round(bot.outcome.throughput)}/s against ${round(echo.outcome.throughput)}/s), and ${round(bot.outcome.sequential.p50 - echo.outcome.sequential.p50)} ms over it one at a time, about ${round((bot.outcome.sequential.p50 - echo.outcome.sequential.p50) / tableP50, 0)} Table round trips.`,
              `Where the time goes, per submit: the bot used ${round(bot.cpu.childMs / bot.cpu.submits)} ms of CPU against the echo bot's ${round(echo.cpu.childMs / echo.cpu.submits)} ms${bot.cpu.storageMs === undefined ? '' : `, and Azurite ${round(bot.cpu.storageMs / bot.cpu.submits)} ms serving the bot's Table calls and the bench's check read (${echo.cpu.storageMs === undefined ? '' : `${round(echo.cpu.storageMs / echo.cpu.submits)} ms in the echo phase, the check read alone`})`}. The bot, Azurite, the load and the fake connector share this machine's ${availableParallelism()} cores, so with ${load.concurrency} in flight the turns queue behind one another's storage work as well as their own; the echo bot makes no Table calls.${storageBound(bot.cpu, load.concurrency)}`,
            ]),
        ...bot.outcome.errorExamples.map((e) => `Bot error example: ${e}`),
        ...echo.outcome.errorExamples.map((e) => `Echo error example: ${e}`),
      ],
    };
    const botPeak = bot.memory.vmHwm ?? bot.memory.sampledPeakRss;
    const echoPeak = echo.memory.vmHwm ?? echo.memory.sampledPeakRss;
    const memory = memoryTargets({ botPeak, echoPeak, botReady: bot.memory.rssAtReady, echoReady: echo.memory.rssAtReady });
    const partFive: PartResult = {
      part: 5,
      title: 'Memory',
      targets: memory,
      figures: {
        'bot peak RSS MB (VmHWM)': bot.memory.vmHwm === undefined ? 'not available' : bot.memory.vmHwm / MB,
        ...(bot.memory.vmHwm === undefined ? { 'bot peak RSS MB (sampled every 20 ms)': bot.memory.sampledPeakRss / MB } : {}),
        'echo bot peak RSS MB (VmHWM)': echo.memory.vmHwm === undefined ? 'not available' : echo.memory.vmHwm / MB,
        ...(echo.memory.vmHwm === undefined ? { 'echo bot peak RSS MB (sampled every 20 ms)': echo.memory.sampledPeakRss / MB } : {}),
        'bot RSS MB when ready, before any turn': bot.memory.rssAtReady / MB,
        'echo bot RSS MB when ready, before any turn': echo.memory.rssAtReady / MB,
        'ratio peak RSS (bot / echo)': botPeak / echoPeak,
      },
      notes: [
        "Each bot runs in its own process (tools/bench/bot-child.ts), loading only what it needs, and gets the same load: the warm-up, the concurrent submits and the one-at-a-time submits of part 1. The peak is the kernel's high-water mark of the process's resident memory (VmHWM) where Linux provides it, otherwise the highest of samples every 20 ms; the ready figure is the process's resident memory once it listens, before any request.",
      ],
    };
    return [partOne, partFive];
  } finally {
    await connector.close();
  }
}

async function underLoad(
  mode: 'bot' | 'echo',
  context: BenchContext & { prefix?: string },
  connector: FakeConnector,
  load: TurnLoad,
  actionIds: readonly string[],
  readAction: (partnershipId: string, actionId: string) => Promise<{ etag: string } | undefined>,
  expectWrites: boolean,
): Promise<{ outcome: LoadOutcome; memory: ChildMemory & { rssAtReady: number }; cpu: PhaseCpu }> {
  const child = fork(path.join(__dirname, 'bot-child.js'), [mode], {
    env: { ...process.env, BENCH_STORAGE: context.storage, BENCH_PREFIX: context.prefix ?? 'unused' },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const logged = collectLoggedErrors(child);
  try {
    const { port, rssAtReady } = await nextMessage(child, 'ready', 60_000);
    const storageCpuAtStart = processCpuMs(context.storagePid);
    const url = `http://127.0.0.1:${port}/api/messages`;
    const drive = (rounds: number, latencies: number[] | undefined) => runWorkers(url, connector, actionIds, rounds, readAction, expectWrites, latencies);
    await drive(load.warmUpRounds, undefined);
    const latencies: number[] = [];
    const started = performance.now();
    const { errors, examples } = await drive(Math.ceil(load.submits / load.concurrency), latencies);
    const seconds = (performance.now() - started) / 1000;
    const sequential: number[] = [];
    const one = await runWorkers(url, connector, actionIds.slice(0, 1), context.quick ? 30 : 100, readAction, expectWrites, sequential);
    child.send('memory');
    const memory = await nextMessage(child, 'memory', 10_000);
    const storageCpuAtEnd = processCpuMs(context.storagePid);
    const submits = load.warmUpRounds * actionIds.length + latencies.length + sequential.length;
    return {
      cpu: {
        submits,
        childMs: memory.cpuMsSinceReady,
        ...(storageCpuAtStart !== undefined && storageCpuAtEnd !== undefined ? { storageMs: storageCpuAtEnd - storageCpuAtStart } : {}),
      },
      outcome: {
        latency: summariseLatencies(latencies),
        sequential: summariseLatencies(sequential),
        throughput: latencies.length / seconds,
        errors: errors + one.errors,
        errorExamples: [...examples.slice(0, 3), ...one.examples.slice(0, 1), ...logged.summary()],
      },
      memory: { rssAtReady, sampledPeakRss: memory.sampledPeakRss, cpuMsSinceReady: memory.cpuMsSinceReady, ...(memory.vmHwm !== undefined ? { vmHwm: memory.vmHwm } : {}) },
    };
  } finally {
    await stopChild(child);
  }
}

/**
 * What Azurite's CPU alone allows on this machine: even a bot that used no CPU could not answer more
 * submits a second than the cores can serve Azurite's share of them, and with that many in flight the
 * median submit waits at least in-flight / rate.
 */
function storageBound(cpu: PhaseCpu, concurrency: number): string {
  if (cpu.storageMs === undefined || cpu.storageMs === 0) return '';
  const rate = (availableParallelism() * 1000) / (cpu.storageMs / cpu.submits);
  return ` Azurite's share alone holds any bot to about ${round(rate, 0)} submits/s here, so with ${concurrency} in flight a p50 of at least ${round((concurrency / rate) * 1000)} ms, whatever the bot's own code costs.`;
}

/** CPU a phase cost: the bot (or echo bot) process, and Azurite, over every submit of the phase. */
interface PhaseCpu {
  readonly submits: number;
  readonly childMs: number;
  readonly storageMs?: number;
}

/** A process's CPU time (user and system) so far, from /proc; undefined where there is no /proc. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses, in clock ticks of 10 ms.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** One worker per action, each posting `rounds` submits in a row; latencies of successful and failed posts alike. */
async function runWorkers(
  url: string,
  connector: FakeConnector,
  actionIds: readonly string[],
  rounds: number,
  readAction: (partnershipId: string, actionId: string) => Promise<{ etag: string } | undefined>,
  expectWrites: boolean,
  latencies: number[] | undefined,
): Promise<{ errors: number; examples: string[] }> {
  let errors = 0;
  const examples: string[] = [];
  const fail = (why: string) => {
    errors += 1;
    if (examples.length < 5) examples.push(why);
  };
  await Promise.all(
    actionIds.map(async (actionId, worker) => {
      const conversationId = `bench-conv-${worker}`;
      // The read that checks a submit was written gives the ETag for the next one, so the bench adds one
      // Table read per submit to Azurite's load (the bot's turns share it), not two.
      let current = await readAction(PARTNERSHIP, actionId);
      // After a round that went wrong the action may or may not have been written: read it again.
      let stale = false;
      const failRound = (why: string) => {
        stale = true;
        fail(why);
      };
      for (let i = 0; i < rounds; i += 1) {
        if (stale) current = await readAction(PARTNERSHIP, actionId);
        stale = false;
        const before = current;
        if (!before) throw new Error(`action ${actionId} is not in storage`);
        const body = JSON.stringify(submitActivity(connector.serviceUrl, conversationId, worker, actionId, before.etag, i));
        const started = performance.now();
        let status = 0;
        let answer = '';
        try {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          status = response.status;
          answer = await response.text();
        } catch (error) {
          failRound(`POST failed: ${(error as Error).message}`);
          continue;
        } finally {
          latencies?.push(performance.now() - started);
        }
        if (status !== 200) {
          failRound(`HTTP ${status}: ${answer.slice(0, 160)}`);
          continue;
        }
        // Teams shows the card the invoke is answered with in place of the one pressed.
        const invoke = parseInvokeAnswer(answer);
        if (invoke?.type !== 'application/vnd.microsoft.card.adaptive') {
          failRound(`the invoke was not answered with a card: ${answer.slice(0, 160)}`);
          continue;
        }
        if (/Not saved|Something went wrong|changed this first/.test(answer)) {
          failRound(`the bot answered with a problem: ${answer.slice(0, 200)}`);
          continue;
        }
        if (!expectWrites) continue;
        current = await readAction(PARTNERSHIP, actionId);
        if (current?.etag === before.etag) failRound(`action ${actionId} was not updated`);
      }
    }),
  );
  return { errors, examples };
}

function parseInvokeAnswer(text: string): { statusCode?: number; type?: string } | undefined {
  try {
    return JSON.parse(text) as { statusCode?: number; type?: string };
  } catch {
    return undefined;
  }
}

/** The update card's Submit pressed in Teams: the Action.Execute invoke (adaptiveCard/action) Teams sends for it. */
function submitActivity(serviceUrl: string, conversationId: string, worker: number, actionId: string, etag: string, sequence: number) {
  const data = {
    verb: ACTION_UPDATE_VERB,
    actionId,
    nonce: randomUUID(),
    etag,
    status: sequence % 2 === 0 ? 'on-track' : 'at-risk',
    progressNote: `Benchmark progress note ${sequence} for action ${actionId}: partners met and agreed next steps.`,
  };
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `in-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-GB',
    from: { id: `29:bench-lead-${worker}`, ...benchLead(worker) },
    recipient: { id: 'bot-id', name: 'Prevent Partnership Bot' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    replyToId: `card-${worker}`,
    value: { action: { type: 'Action.Execute', id: '', verb: ACTION_UPDATE_VERB, data }, trigger: 'manual' },
  };
}

function nextMessage<T extends ChildMessage['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`the bench child sent no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'failed') finish(new Error(`the bench child failed: ${message.error}`));
      else if (message.type === type) finish(undefined, message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`the bench child exited (code ${code}) before "${type}"`));
    const finish = (error?: Error, message?: Extract<ChildMessage, { type: T }>) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send('stop');
  const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(kill);
}

/** The bot's error log lines, counted by message, so a run with failures says what failed without flooding the console. */
function collectLoggedErrors(child: ChildProcess): { summary(): string[] } {
  const counts = new Map<string, number>();
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim() || /DeprecationWarning|--trace-deprecation/.test(line)) continue;
      let message = line.slice(0, 200);
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
        message = `${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 300);
      } catch {
        // Not a log line (a stack from outside the logger): counted as it is.
      }
      counts.set(message, (counts.get(message) ?? 0) + 1);
    }
  });
  return {
    summary: () =>
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([message, n]) => `logged ${n} x "${message}"`),
  };
}
