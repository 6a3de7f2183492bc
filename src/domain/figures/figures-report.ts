import type { BoardReportContribution } from '../summary/board-report-areas';
import { channelSentences, referralSentences, trainingSentences, trendText, type FiguresContent } from './figures-content';
import { quarterLabel } from './quarter';
import { shownText } from './suppression';

/**
 * The board report's figures (SOP 000 §4.1 asks the annual report for the referral pathway, the
 * Channel panel and training), suppressed, as three parts named after those areas so each can sit
 * in its own section of the report.
 */
export type FiguresReportArea = 'referral-pathway' | 'channel-panel' | 'training';

export interface FiguresReportPart {
  readonly area: FiguresReportArea;
  readonly heading: string;
  /** Sentences for the latest quarter, or who has not returned its figures yet. */
  readonly lines: readonly string[];
  /** Measure and value rows for the latest quarter (spreadsheets and CSV). */
  readonly rows: readonly { readonly measure: string; readonly value: string }[];
  /** The measure over the last four quarters, oldest first. */
  readonly trend: readonly { readonly quarter: string; readonly value: string }[];
}

export interface FiguresReport {
  readonly quarter: string;
  readonly quarterLabel: string;
  readonly parts: readonly FiguresReportPart[];
  readonly note: string;
}

export const FIGURES_REPORT_NOTE = 'Numbers only. Counts from 1 to 4 are shown as "fewer than 5", and a count that would give one away by subtraction is withheld.';

/** The figures section of the board report, from the same suppressed content the cards show. */
export function figuresReport(content: FiguresContent): FiguresReport {
  const { latest, trend } = content;
  const missing = (prefix: string) => latest.missing.filter((line) => line.startsWith(prefix));
  const referrals = latest.referrals;
  const channel = latest.channel;
  const training = latest.training;
  return {
    quarter: latest.quarter,
    quarterLabel: quarterLabel(latest.quarter),
    note: FIGURES_REPORT_NOTE,
    parts: [
      {
        area: 'referral-pathway',
        heading: 'Referral pathway: Prevent referrals',
        lines: referrals ? referralSentences(referrals) : missing('Referral'),
        rows: referrals
          ? [
              { measure: 'Referrals', value: shownText(referrals.total) },
              ...referrals.bySector.map((line) => ({ measure: `From ${line.title}`, value: shownText(line.shown) })),
              ...referrals.byOutcome.map((line) => ({ measure: line.title, value: shownText(line.shown) })),
            ]
          : [],
        trend: trend.map((point) => ({ quarter: point.quarter, value: trendText(point.referrals) })),
      },
      {
        area: 'channel-panel',
        heading: 'Channel panel',
        lines: channel ? channelSentences(channel) : missing('Channel'),
        rows: channel
          ? [
              { measure: 'Current caseload', value: shownText(channel.caseload) },
              { measure: 'Cases adopted', value: shownText(channel.adopted) },
              { measure: 'Cases closed', value: shownText(channel.closed) },
              { measure: 'Reviews completed', value: shownText(channel.reviewsCompleted) },
              ...(channel.issuesOfConcern ? [{ measure: 'Issues of concern', value: channel.issuesOfConcern }] : []),
            ]
          : [],
        trend: trend.map((point) => ({ quarter: point.quarter, value: `caseload ${trendText(point.channelCaseload)}, adopted ${trendText(point.adopted)}` })),
      },
      {
        area: 'training',
        heading: 'Training programme',
        lines: [...(training ? trainingSentences(training) : []), ...missing('Training')],
        rows: training
          ? [
              { measure: 'Staff trained', value: shownText(training.staffTrained) },
              { measure: 'Refreshers due next quarter', value: shownText(training.refreshersDue) },
              ...training.rows.map((row) => ({
                measure: `${row.organisationName}: staff trained, refreshers due`,
                value: `${shownText(row.staffTrained)}, ${shownText(row.refreshersDue)}`,
              })),
            ]
          : [],
        trend: trend.map((point) => ({ quarter: point.quarter, value: trendText(point.staffTrained) })),
      },
    ],
  };
}

/**
 * The figures as blocks of the board report's SOP 4.1 areas (referral pathway, Channel panel,
 * training): the latest quarter's sentences, its measures and the four-quarter trend, each part
 * replacing its area's "no figures returned" line.
 */
export function figuresContributions(report: FiguresReport): BoardReportContribution[] {
  return report.parts.map((part) => ({
    areaId: part.area,
    blocks: [
      { kind: 'paragraph', text: `${part.heading}, ${report.quarterLabel}. ${report.note}` },
      ...(part.lines.length > 0 ? [{ kind: 'bullets', items: part.lines } as const] : []),
      ...(part.rows.length > 0 ? [{ kind: 'table', columns: ['Measure', report.quarterLabel], rows: part.rows.map((row) => [row.measure, row.value]) } as const] : []),
      ...(part.trend.length > 0 ? [{ kind: 'table', columns: ['Quarter', 'Last four quarters'], rows: part.trend.map((point) => [point.quarter, point.value]) } as const] : []),
    ],
  }));
}
