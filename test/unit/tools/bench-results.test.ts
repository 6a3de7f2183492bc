import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArguments } from '../../../tools/bench/bench';
import { resultsMarkdown, targetLine, unmeasured, writeResults, type BenchRun, type TargetResult } from '../../../tools/bench/results';
import { percentile, summariseLatencies } from '../../../tools/bench/stats';
import { memoryTargets, sendingRateTargets, turnLatencyTargets, type SendingRateFigures, type TurnLatencyFigures } from '../../../tools/bench/targets';

const MB = 1024 * 1024;

const RUN: BenchRun = {
  date: '2026-11-23T09:00:00.000Z',
  command: 'npm run bench',
  commit: 'abc1234',
  machine: { os: 'Linux 6 x64', cpus: 'Test CPU', cpuCount: 2, memoryGb: 8, node: 'v20.19.0' },
  quick: false,
  durationSeconds: 312.4,
  parts: [
    {
      part: 1,
      title: 'Turn latency',
      targets: [{ part: 1, name: 'action-update submit p50, one at a time', figure: 24.26, unit: 'ms', target: '<= 30 ms', pass: true }, unmeasured(1, 'errors', '', '0')],
      figures: { 'echo p50 ms': 4.444, 'shape | with a pipe': 'x' },
      notes: ['Measured against the echo bot.'],
    },
  ],
};

describe('bench statistics', () => {
  it('takes the nearest-rank percentile of unsorted samples', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('has no percentile of no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises latencies with count, p50, p99, max and mean', () => {
    expect(summariseLatencies([2, 4, 6])).toEqual({ count: 3, p50: 4, p99: 6, max: 6, mean: 4 });
  });
});

describe('bench results', () => {
  it('prints one PASS or MISS line per target with the figure and the target', () => {
    expect(RUN.parts[0]!.targets.map(targetLine)).toEqual([
      'PASS  1. action-update submit p50, one at a time: 24.3 ms (target <= 30 ms)',
      'MISS  1. errors: not measured (target 0)',
    ]);
  });

  it('writes the machine, date, command and one table row per target into RESULTS.md', () => {
    const markdown = resultsMarkdown(RUN);
    expect(markdown).toContain('- Command: `npm run bench`');
    expect(markdown).toContain('- Machine: Linux 6 x64; 2 x Test CPU; 8 GB; Node v20.19.0');
    expect(markdown).toContain('| 1. Turn latency | action-update submit p50, one at a time | 24.3 ms | <= 30 ms | PASS |');
    expect(markdown).toContain('| 1. Turn latency | errors | not measured | 0 | MISS |');
    expect(markdown).toContain('| shape \\| with a pipe | x |');
  });

  it('writes an unmeasured figure to results.json as null', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
    const { json } = writeResults(RUN, folder);
    const written = JSON.parse(readFileSync(json, 'utf8')) as BenchRun;
    expect(written.parts[0]!.targets[1]!.figure).toBeNull();
    expect(readFileSync(path.join(folder, 'RESULTS.md'), 'utf8')).toBe(resultsMarkdown(RUN));
  });
});

describe('bench targets, each against a baseline from the same run', () => {
  const turn: TurnLatencyFigures = { concurrency: 20, botP50: 60, echoP50: 20, botOneAtATimeP50: 15, echoOneAtATimeP50: 5, tableP50: 2, errors: 0 };
  const byName = (targets: readonly TargetResult[], name: string) => targets.find((t) => t.name === name);

  it('holds the submit p50 with 20 at once to 3 x the echo bot p50', () => {
    expect(byName(turnLatencyTargets(turn), 'action-update submit p50, 20 at once')).toEqual({
      part: 1,
      name: 'action-update submit p50, 20 at once',
      figure: 60,
      unit: 'ms',
      target: '<= 60 ms (3 x echo p50 20, same run)',
      pass: true,
    });
    expect(byName(turnLatencyTargets({ ...turn, botP50: 60.1 }), 'action-update submit p50, 20 at once')?.pass).toBe(false);
  });

  it('holds the submit p50 one at a time to the echo bot p50 plus 5 Table round trips', () => {
    expect(byName(turnLatencyTargets(turn), 'action-update submit p50, one at a time')).toMatchObject({
      figure: 15,
      target: '<= 15 ms (echo p50 5 + 5 x Table round trip p50 2, same run)',
      pass: true,
    });
    expect(byName(turnLatencyTargets({ ...turn, botOneAtATimeP50: 15.1 }), 'action-update submit p50, one at a time')?.pass).toBe(false);
  });

  it('misses the turn errors target on any failed answer of either bot', () => {
    expect(turnLatencyTargets(turn).map((t) => t.name)).toEqual(['action-update submit p50, 20 at once', 'action-update submit p50, one at a time', 'errors']);
    expect(byName(turnLatencyTargets({ ...turn, errors: 1 }), 'errors')?.pass).toBe(false);
  });

  it("holds the bot's peak RSS to 1.15 x the echo bot's under the same load", () => {
    const [peak] = memoryTargets({ botPeak: 115 * MB, echoPeak: 100 * MB, botReady: 90 * MB, echoReady: 60 * MB });
    expect(peak).toEqual({
      part: 5,
      name: 'bot peak RSS under the part 1 load',
      figure: 115,
      unit: 'MB',
      target: '<= 115 MB (1.15 x echo bot peak 100 MB, same load)',
      pass: true,
    });
    expect(memoryTargets({ botPeak: 116 * MB, echoPeak: 100 * MB, botReady: 90 * MB, echoReady: 60 * MB })[0]!.pass).toBe(false);
  });

  it("holds the bot's RSS when ready to 130 MB and reports the echo bot's beside it", () => {
    const ready = memoryTargets({ botPeak: 100 * MB, echoPeak: 100 * MB, botReady: 130 * MB, echoReady: 61.5 * MB })[1];
    expect(ready).toEqual({ part: 5, name: 'bot RSS when ready, before any turn', figure: 130, unit: 'MB', target: '<= 130 MB (echo bot when ready: 61.5 MB)', pass: true });
    expect(memoryTargets({ botPeak: 100 * MB, echoPeak: 100 * MB, botReady: 131 * MB, echoReady: 60 * MB })[1]!.pass).toBe(false);
  });

  const sending: SendingRateFigures = { pace: 45, firstToLast: 30, tailBound: 42.9, tenantLimit: 50, breaches: 0, lost: 0, duplicated: 0, finished: true };

  it("targets the sender's pace: at least 90 % of 50/s with no limit breached", () => {
    expect(sendingRateTargets(sending)[0]).toEqual({
      part: 2,
      name: "sender's pace vs the 50/s tenant limit",
      figure: 90,
      unit: '%',
      target: '>= 90 % of 50/s, 0 limit breaches (0 breaches)',
      pass: true,
    });
    expect(sendingRateTargets({ ...sending, pace: 44.9 })[0]!.pass).toBe(false);
    expect(sendingRateTargets({ ...sending, breaches: 1 })[0]).toMatchObject({ target: '>= 90 % of 50/s, 0 limit breaches (1 breaches)', pass: false });
  });

  it('reports the first-to-last rate as its own row, with the Retry-After tail bound beside it and no target', () => {
    expect(sendingRateTargets(sending)[1]).toEqual({
      part: 2,
      name: 'first to last accepted send vs the 50/s tenant limit',
      figure: 60,
      unit: '%',
      target: 'reported, no target (Retry-After tail bound: the best any sender could reach here is 42.9/s, 86 %)',
      pass: true,
    });
    expect(sendingRateTargets({ ...sending, firstToLast: Number.NaN })[1]!.pass).toBe(false);
  });

  it('misses lost messages when a recipient got nothing or the round did not finish, and duplicated ones on any second copy', () => {
    expect(sendingRateTargets(sending).map((t) => [t.name, t.pass])).toEqual([
      ["sender's pace vs the 50/s tenant limit", true],
      ['first to last accepted send vs the 50/s tenant limit', true],
      ['lost messages', true],
      ['duplicated messages', true],
    ]);
    expect(sendingRateTargets({ ...sending, finished: false })[2]!.pass).toBe(false);
    expect(sendingRateTargets({ ...sending, lost: 1 })[2]!.pass).toBe(false);
    expect(sendingRateTargets({ ...sending, duplicated: 1 })[3]!.pass).toBe(false);
  });
});

describe('bench arguments', () => {
  it('runs every part at full size by default', () => {
    expect(parseBenchArguments([])).toEqual({ parts: new Set([1, 2, 3, 4, 5, 6, 7]), quick: false });
  });

  it('takes a subset of parts, reduced sizes and an output folder', () => {
    expect(parseBenchArguments(['--parts', '1,3', '--quick', '--out=/tmp/b'])).toEqual({ parts: new Set([1, 3]), quick: true, out: '/tmp/b' });
  });

  it('refuses a part that does not exist', () => {
    expect(() => parseBenchArguments(['--parts', '8'])).toThrow('--parts takes numbers from 1 to 7');
  });
});
