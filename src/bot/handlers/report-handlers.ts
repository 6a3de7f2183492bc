import { boardReportCard } from '../../cards/board-report-card';
import { authorise } from '../../domain/authorisation';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

/**
 * "report", "board report", "report for 2026/27 Q3": the board report's headline figures and signed
 * download links for the Word document, the workbook and the CSV. The files are made when a link is
 * opened (src/http/report-downloads.ts), so asking costs one summary read and nothing is kept.
 */
export const offerBoardReport: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  authorise(actor, 'board-report');
  const { roundName } = await services.summaries.readQuestion(partnershipId, turn.text);
  const summary = await services.summaries.summary(partnershipId, actor, roundName === undefined ? {} : { roundName });
  const offer = services.reportLinks.offer(partnershipId, summary.round.id, actor.aadObjectId);
  await sendCard(
    context,
    boardReportCard({ partnershipName: await services.partnerships.displayName(partnershipId), summary, links: offer.urls, expiresAt: offer.expiresAt }),
  );
};
