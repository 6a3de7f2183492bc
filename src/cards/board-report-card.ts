import type { ComplianceSummary } from '../domain/summary/compliance-summary';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

export interface BoardReportCardData {
  readonly partnershipName: string;
  readonly summary: ComplianceSummary;
  /** Signed download links, one per file. */
  readonly links: Readonly<{ docx: string; xlsx: string; csv: string }>;
  readonly expiresAt: Date;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** "Overall score 77% (up from 65%) · 3 of 4 organisations returned · 2 red actions, 1 overdue". */
export function boardReportHeadline(summary: ComplianceSummary): string {
  const { overall, returns, actions } = summary;
  const score =
    overall.score === undefined
      ? 'No score yet'
      : `Overall score ${overall.score}%${
          overall.previousScore !== undefined && (overall.movement === 'up' || overall.movement === 'down')
            ? ` (${overall.movement} from ${overall.previousScore}%)`
            : overall.movement === 'same'
              ? ' (no change)'
              : ''
        }`;
  const red = actions.byRag.red;
  return [score, `${returns.returned} of ${returns.total} organisations returned`, `${red} red ${red === 1 ? 'action' : 'actions'}, ${actions.overdue.length} overdue`].join(' · ');
}

/** The Prevent Officer's or chair's answer to "report": three download buttons that expire together. */
export function boardReportCard(data: BoardReportCardData): AdaptiveCardJson {
  return renderCard('board-report', {
    roundName: escapeMarkdown(data.summary.round.name),
    partnershipName: escapeMarkdown(data.partnershipName),
    headline: boardReportHeadline(data.summary),
    links: data.links,
    expiresAt: LONDON_TIME.format(data.expiresAt),
  });
}
