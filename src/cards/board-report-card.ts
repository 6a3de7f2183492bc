import type { ComplianceSummary } from '../domain/summary/compliance-summary';
import { blockLines, type BoardReportArea } from '../domain/summary/board-report-areas';
import { comparisonCaveat, goodPracticeText, provisionalNote } from '../domain/summary/score-wording';
import { escapeMarkdown, truncate } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

export interface BoardReportCardData {
  readonly partnershipName: string;
  readonly summary: ComplianceSummary;
  /** SOP §4.1's seven areas: the card lists each with its first line. */
  readonly areas?: readonly BoardReportArea[];
  /** Signed download links, one per file. */
  readonly links: Readonly<{ docx: string; xlsx: string; csv: string }>;
  readonly expiresAt: Date;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/**
 * "Overall score 75% (up from 65%) · good practice: 26 of 48 in place · 3 of 4 organisations returned ·
 * 2 red actions, 1 overdue". Before the quorum has returned the score says it is provisional, and a
 * movement against a round on different organisations says so.
 */
export function boardReportHeadline(summary: ComplianceSummary): string {
  const { overall, returns, actions } = summary;
  const caveat = comparisonCaveat(summary);
  const movement =
    overall.previousScore !== undefined && (overall.movement === 'up' || overall.movement === 'down')
      ? `${overall.movement} from ${overall.previousScore}%${caveat}`
      : overall.movement === 'same'
        ? `no change${caveat ? ` from ${overall.previousScore}%${caveat}` : ''}`
        : undefined;
  const notes = [provisionalNote(returns), movement].filter((note): note is string => note !== undefined);
  const score = overall.score === undefined ? 'No score yet' : `Overall score ${overall.score}%${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  const red = actions.byRag.red;
  return [
    score,
    ...(overall.goodPractice ? [goodPracticeText(overall.goodPractice)] : []),
    `${returns.returned} of ${returns.total} organisations returned`,
    `${red} red ${red === 1 ? 'action' : 'actions'}, ${actions.overdue.length} overdue`,
  ].join(' · ');
}

/** The Prevent Officer's or chair's answer to "report": three download buttons that expire together. */
export function boardReportCard(data: BoardReportCardData): AdaptiveCardJson {
  return renderCard('board-report', {
    roundName: escapeMarkdown(data.summary.round.name),
    partnershipName: escapeMarkdown(data.partnershipName),
    headline: escapeMarkdown(boardReportHeadline(data.summary)),
    areas: (data.areas ?? []).map((area, index) => ({
      title: escapeMarkdown(`${index + 1}. ${area.title}`),
      value: escapeMarkdown(truncate(area.blocks.flatMap(blockLines)[0] ?? '', 220)),
    })),
    links: data.links,
    expiresAt: LONDON_TIME.format(data.expiresAt),
  });
}
