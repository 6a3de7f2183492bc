import type { TargetResult } from './results';
import { round } from './stats';

const MB = 1024 * 1024;

/**
 * The targets of issue 19, each judged against a baseline measured in the same run (the echo bot on
 * the same adapter and connector, a Table point read), so they hold on any machine. Names are shared
 * with bench.ts, which reports a target it could not measure under the same name.
 */
export const TARGET_NAMES = {
  submitP50Together: (concurrency: number) => `action-update submit p50, ${concurrency} at once`,
  submitP50OneAtATime: 'action-update submit p50, one at a time',
  turnErrors: 'errors',
  peakRss: 'bot peak RSS under the part 1 load',
  readyRss: 'bot RSS when ready, before any turn',
  senderPace: "sender's pace vs the 50/s tenant limit",
  firstToLast: 'first to last accepted send vs the 50/s tenant limit',
  lost: 'lost messages',
  duplicated: 'duplicated messages',
} as const;

/** What each target asks, for the MISS line of a part that failed before measuring. */
export const TARGET_WANTED = {
  submitP50Together: '<= 3 x echo p50 (same run)',
  submitP50OneAtATime: '<= echo p50 + 5 x Table round trip p50 (same run)',
  peakRss: "<= 1.15 x the echo bot's peak RSS (same load)",
  readyRss: '<= 130 MB',
  senderPace: '>= 90 % of 50/s, 0 limit breaches',
  firstToLast: 'reported, no target',
} as const;

export interface TurnLatencyFigures {
  readonly concurrency: number;
  /** p50 of the bot and the echo bot with `concurrency` submits in flight, ms. */
  readonly botP50: number;
  readonly echoP50: number;
  /** p50 of the same submits one at a time, ms. */
  readonly botOneAtATimeP50: number;
  readonly echoOneAtATimeP50: number;
  /** p50 of a Table point read of an action, ms. */
  readonly tableP50: number;
  /** Failed or wrong answers of both bots. */
  readonly errors: number;
}

/** Part 1: the bot against the echo bot, under load and one at a time. */
export function turnLatencyTargets(f: TurnLatencyFigures): TargetResult[] {
  const together = 3 * f.echoP50;
  const alone = f.echoOneAtATimeP50 + 5 * f.tableP50;
  return [
    {
      part: 1,
      name: TARGET_NAMES.submitP50Together(f.concurrency),
      figure: f.botP50,
      unit: 'ms',
      target: `<= ${round(together)} ms (3 x echo p50 ${round(f.echoP50)}, same run)`,
      pass: f.botP50 <= together,
    },
    {
      part: 1,
      name: TARGET_NAMES.submitP50OneAtATime,
      figure: f.botOneAtATimeP50,
      unit: 'ms',
      target: `<= ${round(alone)} ms (echo p50 ${round(f.echoOneAtATimeP50)} + 5 x Table round trip p50 ${round(f.tableP50)}, same run)`,
      pass: f.botOneAtATimeP50 <= alone,
    },
    { part: 1, name: TARGET_NAMES.turnErrors, figure: f.errors, unit: '', target: '0', pass: f.errors === 0 },
  ];
}

export interface MemoryFigures {
  /** Peak resident memory of each bot's own process over the same load, bytes. */
  readonly botPeak: number;
  readonly echoPeak: number;
  /** Resident memory once listening, before any request, bytes. */
  readonly botReady: number;
  readonly echoReady: number;
}

/** Part 5: the bot's memory against the echo bot's, each measured the same way in its own process. */
export function memoryTargets(f: MemoryFigures): TargetResult[] {
  const peakAllowed = 1.15 * f.echoPeak;
  return [
    {
      part: 5,
      name: TARGET_NAMES.peakRss,
      figure: f.botPeak / MB,
      unit: 'MB',
      target: `<= ${round(peakAllowed / MB)} MB (1.15 x echo bot peak ${round(f.echoPeak / MB)} MB, same load)`,
      // In whole bytes, so a peak exactly at the bound is not lost to 1.15's binary rounding.
      pass: f.botPeak * 100 <= f.echoPeak * 115,
    },
    {
      part: 5,
      name: TARGET_NAMES.readyRss,
      figure: f.botReady / MB,
      unit: 'MB',
      target: `<= 130 MB (echo bot when ready: ${round(f.echoReady / MB)} MB)`,
      pass: f.botReady <= 130 * MB,
    },
  ];
}

export interface SendingRateFigures {
  /** Accepted sends per second until every recipient had had a first attempt. */
  readonly pace: number;
  /** Accepted sends per second from the first to the last. */
  readonly firstToLast: number;
  /** The best first-to-last rate any sender could reach with the Retry-After tail, per second. */
  readonly tailBound: number;
  readonly tenantLimit: number;
  readonly breaches: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Every recipient's row was recorded within the time allowed. */
  readonly finished: boolean;
}

/**
 * Part 2. The pace is what the sender controls, so it carries the target; the first-to-last rate also
 * holds the wait of the last messages answered 429, which no sender can shorten, so it is reported
 * with that bound beside it and has no target of its own.
 */
export function sendingRateTargets(f: SendingRateFigures): TargetResult[] {
  const percent = (rate: number) => (rate / f.tenantLimit) * 100;
  return [
    {
      part: 2,
      name: TARGET_NAMES.senderPace,
      figure: percent(f.pace),
      unit: '%',
      target: `>= 90 % of ${round(f.tenantLimit)}/s, 0 limit breaches (${f.breaches} breaches)`,
      pass: f.pace >= 0.9 * f.tenantLimit && f.breaches === 0,
    },
    {
      part: 2,
      name: TARGET_NAMES.firstToLast,
      figure: percent(f.firstToLast),
      unit: '%',
      target: `reported, no target (Retry-After tail bound: the best any sender could reach here is ${round(f.tailBound)}/s, ${round(percent(f.tailBound), 0)} %)`,
      pass: Number.isFinite(f.firstToLast),
    },
    { part: 2, name: TARGET_NAMES.lost, figure: f.lost, unit: '', target: '0', pass: f.lost === 0 && f.finished },
    { part: 2, name: TARGET_NAMES.duplicated, figure: f.duplicated, unit: '', target: '0', pass: f.duplicated === 0 },
  ];
}
