import { channelSentences, quarterFigures, referralSentences, trainingSentences, type FiguresSnapshot } from './figures-content';
import { lastCompleteQuarter, quarterLabel } from './quarter';

/** The standing items the figures are reviewed under (SOP 000 §4.4-4.6). */
export type FiguresAgendaItem = 'referral-data' | 'channel-panel' | 'training';

/**
 * The lines generated under the standing items for a meeting on `meetingDate`: the figures of the
 * last complete quarter, suppressed, or who has not returned them yet.
 */
export function figuresAgendaLines(snapshot: FiguresSnapshot, meetingDate: string): Record<FiguresAgendaItem, string[]> {
  const quarter = lastCompleteQuarter(meetingDate);
  const shown = quarterFigures(snapshot, quarter);
  const label = quarterLabel(quarter);
  const missing = (prefix: string) => shown.missing.filter((line) => line.startsWith(prefix));
  const lines: Record<FiguresAgendaItem, string[]> = {
    'referral-data': shown.referrals ? referralSentences(shown.referrals).map((line, i) => (i === 0 ? `${label}: ${line}` : line)) : missing('Referral'),
    'channel-panel': shown.channel ? channelSentences(shown.channel).map((line, i) => (i === 0 ? `${label}: ${line}` : line)) : missing('Channel'),
    training: [...(shown.training ? trainingSentences(shown.training).map((line) => `${label}: ${line}`) : []), ...missing('Training')],
  };
  // An agenda line holds 300 characters: a long issues-of-concern note is cut, the full text stays with the return.
  const fit = (line: string) => (line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 1).trimEnd()}…`);
  return { 'referral-data': lines['referral-data'].map(fit), 'channel-panel': lines['channel-panel'].map(fit), training: lines.training.map(fit) };
}

const MAX_LINE = 300;
