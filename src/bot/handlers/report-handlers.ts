import { boardReportCard } from '../../cards/board-report-card';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

/**
 * "report", "board report", "report for 2026/27 Q3": the board report's headline figures and signed
 * download links for the Word document, the workbook and the CSV. The files are made when a link is
 * opened (src/http/report-downloads.ts), so asking costs the report data's reads and nothing is kept.
 */
export const offerBoardReport: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const { partnershipName, summary, areas, links } = await services.boardReports.offer(partnershipId, actor, turn.text);
  await sendCard(context, boardReportCard({ partnershipName, summary, areas, links: links.urls, expiresAt: links.expiresAt }));
};
