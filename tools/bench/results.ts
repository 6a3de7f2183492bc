import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from './stats';

/** One target of the issue: the figure measured, what it had to be, and whether it was. */
export interface TargetResult {
  readonly part: number;
  readonly name: string;
  /** NaN when the part failed before it could measure. */
  readonly figure: number;
  readonly unit: string;
  /** As people read it: "<= 42.0 ms (baseline p50 + 2 Table round trips)". */
  readonly target: string;
  readonly pass: boolean;
}

/** What a part measured: its targets, the baseline and other figures behind them, and notes. */
export interface PartResult {
  readonly part: number;
  readonly title: string;
  readonly targets: readonly TargetResult[];
  /** Baselines and supporting figures, by name (milliseconds unless the name says otherwise). */
  readonly figures: Readonly<Record<string, number | string>>;
  /** Why a target was missed and what would close it, or how the figure was taken. */
  readonly notes: readonly string[];
  readonly error?: string;
}

export interface Machine {
  readonly os: string;
  readonly cpus: string;
  readonly cpuCount: number;
  readonly memoryGb: number;
  readonly node: string;
}

export interface BenchRun {
  readonly date: string;
  readonly command: string;
  readonly commit: string;
  readonly machine: Machine;
  /** Reduced sizes (--quick): figures only show that the bench works. */
  readonly quick: boolean;
  readonly durationSeconds: number;
  readonly parts: readonly PartResult[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
  };
}

export function gitCommit(cwd: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

/** A target that could not be measured because its part failed: a MISS, never a silent gap. */
export function unmeasured(part: number, name: string, unit: string, target: string): TargetResult {
  return { part, name, figure: Number.NaN, unit, target, pass: false };
}

export function formatFigure(figure: number, unit: string): string {
  if (!Number.isFinite(figure)) return 'not measured';
  return unit === '' ? String(round(figure, 2)) : `${round(figure, unit === 'ms' ? 1 : 2)} ${unit}`;
}

/** The one line printed per target. */
export function targetLine(target: TargetResult): string {
  return `${target.pass ? 'PASS' : 'MISS'}  ${target.part}. ${target.name}: ${formatFigure(target.figure, target.unit)} (target ${target.target})`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function resultsMarkdown(run: BenchRun): string {
  const lines = [
    '# Benchmark results',
    '',
    `- Date: ${run.date}`,
    `- Command: \`${run.command}\``,
    `- Commit: ${run.commit}`,
    `- Machine: ${run.machine.os}; ${run.machine.cpuCount} x ${run.machine.cpus}; ${run.machine.memoryGb} GB; Node ${run.machine.node}`,
    `- Duration: ${round(run.durationSeconds, 0)} s${run.quick ? ' (--quick: reduced sizes, figures only show the bench works)' : ''}`,
    '',
    '| Part | Target | Figure | Wanted | Result |',
    '| --- | --- | --- | --- | --- |',
    ...run.parts.flatMap((part) =>
      part.targets.map(
        (t) => `| ${t.part}. ${escapeCell(part.title)} | ${escapeCell(t.name)} | ${formatFigure(t.figure, t.unit)} | ${escapeCell(t.target)} | ${t.pass ? 'PASS' : 'MISS'} |`,
      ),
    ),
    '',
  ];
  for (const part of run.parts) {
    lines.push(`## ${part.part}. ${part.title}`, '');
    if (part.error) lines.push(`The part failed: ${part.error}`, '');
    const figures = Object.entries(part.figures);
    if (figures.length > 0) {
      lines.push(
        '| Figure | Value |',
        '| --- | --- |',
        ...figures.map(([name, value]) => `| ${escapeCell(name)} | ${typeof value === 'number' ? round(value, 2) : escapeCell(value)} |`),
        '',
      );
    }
    for (const note of part.notes) lines.push(`- ${note}`);
    if (part.notes.length > 0) lines.push('');
  }
  return lines.join('\n');
}

/** Writes results.json and RESULTS.md into `directory`; returns their paths. */
export function writeResults(run: BenchRun, directory: string): { json: string; markdown: string } {
  mkdirSync(directory, { recursive: true });
  const json = path.join(directory, 'results.json');
  const markdown = path.join(directory, 'RESULTS.md');
  // NaN is not JSON: an unmeasured figure is written as null.
  writeFileSync(json, `${JSON.stringify(run, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`);
  writeFileSync(markdown, resultsMarkdown(run));
  return { json, markdown };
}
