import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArguments } from '../../../tools/bench/bench';
import { resultsMarkdown, targetLine, unmeasured, writeResults, type BenchRun } from '../../../tools/bench/results';
import { percentile, summariseLatencies } from '../../../tools/bench/stats';

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
      targets: [
        { part: 1, name: 'action-update submit p99', figure: 84.26, unit: 'ms', target: '< 100 ms', pass: true },
        unmeasured(1, 'errors', '', '0'),
      ],
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
      'PASS  1. action-update submit p99: 84.3 ms (target < 100 ms)',
      'MISS  1. errors: not measured (target 0)',
    ]);
  });

  it('writes the machine, date, command and one table row per target into RESULTS.md', () => {
    const markdown = resultsMarkdown(RUN);
    expect(markdown).toContain('- Command: `npm run bench`');
    expect(markdown).toContain('- Machine: Linux 6 x64; 2 x Test CPU; 8 GB; Node v20.19.0');
    expect(markdown).toContain('| 1. Turn latency | action-update submit p99 | 84.3 ms | < 100 ms | PASS |');
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
