import type { Organisation } from '../partnership/organisation';
import {
  OUTCOME_BAND_TITLES,
  OUTCOME_BANDS,
  REFERRAL_SECTOR_TITLES,
  REFERRAL_SECTORS,
  type ChannelFigures,
  type FiguresReturn,
  type ReferralFigures,
  type TrainingFigures,
} from './figures';
import type { FiguresProviders } from './figures-providers';
import { compareQuarters, quartersEnding, type QuarterId } from './quarter';
import { showCount, shownText, suppressBreakdown, suppressTable, type ShownCount } from './suppression';

/**
 * What the bot shows of the quarterly figures, everywhere: the answer card, the agenda, the
 * chair's summary and the board report. Every count here has been through small-number
 * suppression; nothing outside this module reads a raw count to show it.
 */

export interface ShownLine {
  readonly title: string;
  readonly shown: ShownCount;
}

export interface ReferralsShown {
  readonly from: string;
  readonly total: ShownCount;
  readonly bySector: readonly ShownLine[];
  readonly byOutcome: readonly ShownLine[];
}

export interface ChannelShown {
  readonly from: string;
  readonly caseload: ShownCount;
  readonly adopted: ShownCount;
  readonly closed: ShownCount;
  readonly reviewsCompleted: ShownCount;
  readonly issuesOfConcern: string;
}

export interface TrainingRowShown {
  readonly organisationName: string;
  readonly staffTrained: ShownCount;
  readonly refreshersDue: ShownCount;
}

export interface TrainingShown {
  readonly rows: readonly TrainingRowShown[];
  readonly staffTrained: ShownCount;
  readonly refreshersDue: ShownCount;
  readonly returned: number;
  readonly expected: number;
}

export interface QuarterFiguresShown {
  readonly quarter: QuarterId;
  readonly referrals?: ReferralsShown;
  readonly channel?: ChannelShown;
  readonly training?: TrainingShown;
  /** "Referral figures not yet returned by Warwickshire Police", one line per missing return kind. */
  readonly missing: readonly string[];
}

export interface TrendPoint {
  readonly quarter: QuarterId;
  readonly referrals?: ShownCount;
  readonly channelCaseload?: ShownCount;
  readonly adopted?: ShownCount;
  readonly staffTrained?: ShownCount;
}

export interface FiguresContent {
  readonly latest: QuarterFiguresShown;
  /** The last four quarters, oldest first, ending with the latest. */
  readonly trend: readonly TrendPoint[];
}

/** Everything figures are worked out from: the returns, who should give them, and the organisations' names. */
export interface FiguresSnapshot {
  readonly returns: readonly FiguresReturn[];
  readonly organisations: readonly Organisation[];
  readonly providers: FiguresProviders;
}

const NOT_YET = (what: string, quarter: QuarterId, who: string) => `${what} for ${quarter} not yet returned by ${who}`;

function ofKind<K extends FiguresReturn['figures']['kind']>(returns: readonly FiguresReturn[], quarter: QuarterId, kind: K) {
  return returns.filter((r) => r.quarter === quarter && r.figures.kind === kind) as (FiguresReturn & { figures: Extract<FiguresReturn['figures'], { kind: K }> })[];
}

function referralsShown(figures: ReferralFigures, from: string): ReferralsShown {
  const table = suppressTable([REFERRAL_SECTORS.map((s) => figures.bySector[s]), OUTCOME_BANDS.map((b) => figures.byOutcome[b])]);
  return {
    from,
    total: table.total,
    bySector: REFERRAL_SECTORS.map((s, i) => ({ title: REFERRAL_SECTOR_TITLES[s], shown: table.groups[0]![i]! })),
    byOutcome: OUTCOME_BANDS.map((b, i) => ({ title: OUTCOME_BAND_TITLES[b], shown: table.groups[1]![i]! })),
  };
}

function channelShown(figures: ChannelFigures, from: string): ChannelShown {
  return {
    from,
    caseload: showCount(figures.caseload),
    adopted: showCount(figures.adopted),
    closed: showCount(figures.closed),
    reviewsCompleted: showCount(figures.reviewsCompleted),
    issuesOfConcern: figures.issuesOfConcern,
  };
}

function trainingShown(returns: readonly (FiguresReturn & { figures: TrainingFigures })[], names: ReadonlyMap<string, string>, expected: number): TrainingShown {
  const sorted = [...returns].sort((a, b) => (names.get(a.organisationId) ?? a.organisationId).localeCompare(names.get(b.organisationId) ?? b.organisationId));
  const trained = suppressBreakdown(sorted.map((r) => r.figures.staffTrained));
  const due = suppressBreakdown(sorted.map((r) => r.figures.refreshersDue));
  return {
    rows: sorted.map((r, i) => ({ organisationName: names.get(r.organisationId) ?? r.organisationId, staffTrained: trained.counts[i]!, refreshersDue: due.counts[i]! })),
    staffTrained: trained.total,
    refreshersDue: due.total,
    returned: sorted.length,
    expected,
  };
}

/** One return as it may be shown (a receipt shows the giver their figures as everyone else will see them). */
export function returnSentences(value: FiguresReturn, organisationName: string): string[] {
  const { figures } = value;
  if (figures.kind === 'referrals') return referralSentences(referralsShown(figures, organisationName));
  if (figures.kind === 'channel') return channelSentences(channelShown(figures, organisationName));
  return [`Staff trained this quarter: ${shownText(showCount(figures.staffTrained))}; refreshers due next quarter: ${shownText(showCount(figures.refreshersDue))}`];
}

/** One quarter's figures as they may be shown, and what is still to come. */
export function quarterFigures(snapshot: FiguresSnapshot, quarter: QuarterId): QuarterFiguresShown {
  const names = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  const { providers } = snapshot;
  const referralsFrom = providers.referrals;
  const channelFrom = providers.channel;
  const referrals = referralsFrom ? ofKind(snapshot.returns, quarter, 'referrals').find((r) => r.organisationId === referralsFrom.id) : undefined;
  const channel = channelFrom ? ofKind(snapshot.returns, quarter, 'channel').find((r) => r.organisationId === channelFrom.id) : undefined;
  const training = ofKind(snapshot.returns, quarter, 'training').filter((r) => names.has(r.organisationId));
  const missing: string[] = [];
  if (referralsFrom && !referrals) missing.push(NOT_YET('Referral figures', quarter, referralsFrom.name));
  if (channelFrom && !channel) missing.push(NOT_YET('Channel panel figures', quarter, channelFrom.name));
  const notTrained = snapshot.organisations.filter((o) => !training.some((r) => r.organisationId === o.id));
  if (notTrained.length > 0) {
    const who = notTrained.length <= 3 ? notTrained.map((o) => o.name).join(', ') : `${notTrained.length} of ${snapshot.organisations.length} organisations`;
    missing.push(NOT_YET('Training figures', quarter, who));
  }
  return {
    quarter,
    ...(referrals ? { referrals: referralsShown(referrals.figures, names.get(referrals.organisationId) ?? referrals.organisationId) } : {}),
    ...(channel ? { channel: channelShown(channel.figures, names.get(channel.organisationId) ?? channel.organisationId) } : {}),
    ...(training.length > 0 ? { training: trainingShown(training, names, snapshot.organisations.length) } : {}),
    missing,
  };
}

/** The latest quarter anyone has returned figures for (up to `upTo`), or `upTo` when none has. */
export function latestQuarter(returns: readonly FiguresReturn[], upTo: QuarterId): QuarterId {
  return (
    returns
      .map((r) => r.quarter)
      .filter((q) => compareQuarters(q, upTo) <= 0)
      .sort(compareQuarters)
      .at(-1) ?? upTo
  );
}

/** The latest quarter's figures and the trend over the four quarters ending with it. */
export function figuresContent(snapshot: FiguresSnapshot, upTo: QuarterId): FiguresContent {
  const latest = latestQuarter(snapshot.returns, upTo);
  const trend = quartersEnding(latest, 4).map((quarter): TrendPoint => {
    const shown = quarterFigures(snapshot, quarter);
    return {
      quarter,
      ...(shown.referrals ? { referrals: shown.referrals.total } : {}),
      ...(shown.channel ? { channelCaseload: shown.channel.caseload, adopted: shown.channel.adopted } : {}),
      ...(shown.training ? { staffTrained: shown.training.staffTrained } : {}),
    };
  });
  return { latest: quarterFigures(snapshot, latest), trend };
}

/** "3", "fewer than 5", "withheld", or "not returned" for a quarter with no return. */
export function trendText(shown: ShownCount | undefined): string {
  return shown ? shownText(shown) : 'not returned';
}

const lines = (items: readonly ShownLine[]) => items.map((line) => `${line.title} ${shownText(line.shown)}`).join('; ');

/** The referral lines of the agenda, the summary and the report: one sentence each. */
export function referralSentences(referrals: ReferralsShown): string[] {
  return [`${shownText(referrals.total)} referrals (from ${referrals.from})`, `By sector: ${lines(referrals.bySector)}`, `By outcome: ${lines(referrals.byOutcome)}`];
}

export function channelSentences(channel: ChannelShown): string[] {
  return [
    `Current caseload ${shownText(channel.caseload)}; adopted ${shownText(channel.adopted)}, closed ${shownText(channel.closed)}, reviews completed ${shownText(channel.reviewsCompleted)} this quarter (from ${channel.from})`,
    ...(channel.issuesOfConcern ? [`Issues of concern: ${channel.issuesOfConcern}`] : []),
  ];
}

export function trainingSentences(training: TrainingShown): string[] {
  return [
    `Staff trained this quarter: ${shownText(training.staffTrained)}; refreshers due next quarter: ${shownText(training.refreshersDue)} (${training.returned} of ${training.expected} organisations returned)`,
  ];
}
