import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { startAzurite, type RunningAzurite } from '../local/azurite';
import type { BenchContext } from './context';
import { gitCommit, machine, targetLine, unmeasured, writeResults, type BenchRun, type PartResult, type TargetResult } from './results';
import { runSendingRate } from './sending-rate';
import { runStartup } from './startup';
import { runSummaryAndReport } from './summary-cost';
import { TARGET_NAMES, TARGET_WANTED } from './targets';
import { runLanguageRecognition } from './language-recognition';
import { runTurnLatency } from './turn-latency';

const USAGE = `Usage: npm run bench [-- --parts 1,3] [--quick] [--out <folder>]
  --parts   which parts to run (1 turn latency, 2 sending rate, 3 summary cost, 4 report export,
            5 memory, 6 start-up, 7 language recognition); 1 and 5 run together, as do 3 and 4.
            Default: all.
  --quick   reduced sizes, for developing the bench; figures only show that it works.
  --out     where results.json and RESULTS.md go. Default: bench/ for a full run, a temporary
            folder for --quick or --parts runs (so they never replace the committed results).`;

interface Group {
  readonly parts: readonly number[];
  readonly title: string;
  readonly run: (context: BenchContext) => Promise<PartResult[]>;
  readonly needsAzurite: boolean;
  /** What each part's targets are, for the MISS lines of a group that failed before measuring. */
  readonly placeholders: readonly { part: number; title: string; targets: readonly Omit<TargetResult, 'figure' | 'pass'>[] }[];
}

const GROUPS: readonly Group[] = [
  {
    parts: [1, 5],
    title: 'turn latency and memory',
    run: runTurnLatency,
    needsAzurite: true,
    placeholders: [
      {
        part: 1,
        title: 'Turn latency',
        targets: [
          { part: 1, name: TARGET_NAMES.submitP50Together(20), unit: 'ms', target: TARGET_WANTED.submitP50Together },
          { part: 1, name: TARGET_NAMES.submitP50OneAtATime, unit: 'ms', target: TARGET_WANTED.submitP50OneAtATime },
          { part: 1, name: TARGET_NAMES.turnErrors, unit: '', target: '0' },
        ],
      },
      {
        part: 5,
        title: 'Memory',
        targets: [
          { part: 5, name: TARGET_NAMES.peakRss, unit: 'MB', target: TARGET_WANTED.peakRss },
          { part: 5, name: TARGET_NAMES.readyRss, unit: 'MB', target: TARGET_WANTED.readyRss },
        ],
      },
    ],
  },
  {
    parts: [2],
    title: 'sending rate',
    run: runSendingRate,
    needsAzurite: true,
    placeholders: [
      {
        part: 2,
        title: 'Sending rate',
        targets: [
          { part: 2, name: TARGET_NAMES.senderPace, unit: '%', target: TARGET_WANTED.senderPace },
          { part: 2, name: TARGET_NAMES.firstToLast, unit: '%', target: TARGET_WANTED.firstToLast },
          { part: 2, name: TARGET_NAMES.lost, unit: '', target: '0' },
          { part: 2, name: TARGET_NAMES.duplicated, unit: '', target: '0' },
        ],
      },
    ],
  },
  {
    parts: [3, 4],
    title: 'summary cost and report export',
    run: runSummaryAndReport,
    needsAzurite: true,
    placeholders: [
      {
        part: 3,
        title: 'Summary cost against history',
        targets: [
          { part: 3, name: 'summary p50 with 10 years of history', unit: 'ms', target: '< 150 ms' },
          { part: 3, name: 'summary p50 ratio (10 y / 1 y)', unit: '', target: '<= 1.2' },
        ],
      },
      { part: 4, title: 'Report export', targets: [{ part: 4, name: 'docx + xlsx board report', unit: 's', target: '< 3 s' }] },
    ],
  },
  {
    parts: [6],
    title: 'start-up',
    run: runStartup,
    needsAzurite: false,
    placeholders: [{ part: 6, title: 'Start-up', targets: [{ part: 6, name: 'start to the first answered message', unit: 's', target: 'reported, no target' }] }],
  },
  {
    parts: [7],
    title: 'language recognition',
    run: runLanguageRecognition,
    needsAzurite: false,
    placeholders: [
      {
        part: 7,
        title: 'Language recognition',
        targets: [
          { part: 7, name: 'recognition of a message p99', unit: 'ms', target: '< 5 ms' },
          { part: 7, name: 'training at start-up', unit: 'ms', target: '< 1000 ms' },
        ],
      },
    ],
  },
];

export interface BenchOptions {
  readonly parts: ReadonlySet<number>;
  readonly quick: boolean;
  readonly out?: string;
}

export function parseBenchArguments(args: readonly string[]): BenchOptions {
  let parts = new Set([1, 2, 3, 4, 5, 6, 7]);
  let quick = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--parts' || arg.startsWith('--parts=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const numbers = (value ?? '').split(',').map((p) => Number(p.trim()));
      if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 7)) throw new Error(`--parts takes numbers from 1 to 7, like 1,3; got "${value ?? ''}"`);
      parts = new Set(numbers);
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!out) throw new Error('--out needs a folder');
    } else throw new Error(`unknown argument "${arg}"`);
  }
  return { parts, quick, ...(out ? { out } : {}) };
}

function failedGroup(group: Group, error: unknown): PartResult[] {
  const message = error instanceof Error ? error.message : String(error);
  return group.placeholders.map((p) => ({
    part: p.part,
    title: p.title,
    targets: p.targets.map((t) => unmeasured(t.part, t.name, t.unit, t.target)),
    figures: {},
    notes: [],
    error: message.split('\n')[0]!,
  }));
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const log = (line: string) => console.error(line);
  const started = performance.now();
  const groups = GROUPS.filter((g) => g.parts.some((p) => options.parts.has(p)));
  const everything = groups.length === GROUPS.length;
  let azurite: RunningAzurite | undefined;
  const stopAzurite = async () => {
    const running = azurite;
    azurite = undefined;
    await running?.stop();
  };
  process.once('SIGINT', () => void stopAzurite().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAzurite().finally(() => process.exit(143)));

  const results: PartResult[] = [];
  let failed = false;
  try {
    if (groups.some((g) => g.needsAzurite)) {
      azurite = await startAzurite();
      log(`Azurite (in memory) on 127.0.0.1:${azurite.port}`);
    }
    for (const group of groups) {
      log(`${group.title}...`);
      const groupStarted = performance.now();
      try {
        results.push(...(await group.run({ storage: azurite?.connectionString ?? '', storagePid: azurite?.process.child.pid, quick: options.quick, log })));
      } catch (error) {
        failed = true;
        log(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        results.push(...failedGroup(group, error));
      }
      log(`  ${group.title} took ${Math.round((performance.now() - groupStarted) / 1000)} s`);
    }
  } finally {
    await stopAzurite();
  }

  results.sort((a, b) => a.part - b.part);
  const run: BenchRun = {
    date: new Date().toISOString(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    commit: gitCommit(PROJECT_ROOT),
    machine: machine(),
    quick: options.quick,
    durationSeconds: (performance.now() - started) / 1000,
    parts: results,
  };
  const folder = options.out ?? (everything && !options.quick ? path.join(PROJECT_ROOT, 'bench') : path.join(os.tmpdir(), 'ppb-bench'));
  const written = writeResults(run, folder);
  console.log('');
  for (const part of results) for (const target of part.targets) console.log(targetLine(target));
  console.log(`\n${Math.round(run.durationSeconds)} s. Results: ${written.json} and ${written.markdown}`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
