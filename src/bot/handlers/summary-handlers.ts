import {
  benchmarkSummaryCard,
  complianceSummaryCard,
  organisationSummaryCard,
  summaryWhoToAskCard,
  type SummaryBenchmarkSubmit,
  type SummaryOpenSubmit,
} from '../../cards/summary-cards';
import { isAllowed, ownOrganisation } from '../../domain/authorisation';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

/**
 * "Compliance summary", "how are we doing on training?", "summary for 2026/27 Q2". The chair and the
 * Prevent Officer get the summary (or one benchmark's drill-down); a partner lead gets their own
 * organisation's view; anyone else is told who to ask.
 */
export const answerComplianceSummary: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  if (isAllowed(actor, 'view-compliance-summary')) {
    const request = await services.summaries.readQuestion(partnershipId, turn.text);
    if (request.organisationId !== undefined) {
      const view = await services.summaries.organisationView(partnershipId, actor, request);
      await sendCard(context, organisationSummaryCard({ view }));
      return;
    }
    const summary = await services.summaries.summary(partnershipId, actor, request);
    await sendCard(context, request.benchmark === undefined ? complianceSummaryCard(summary) : benchmarkSummaryCard(summary));
    return;
  }
  if (isAllowed(actor, 'view-organisation', ownOrganisation(actor))) {
    const { roundName } = await services.summaries.readQuestion(partnershipId, turn.text);
    const view = await services.summaries.organisationView(partnershipId, actor, roundName === undefined ? {} : { roundName });
    const notice = `The full compliance summary is for the Steering Group: the chair and the Prevent Officer. Here is where ${view.organisation.name} stands.`;
    await sendCard(context, organisationSummaryCard({ view, notice }));
    return;
  }
  await sendCard(context, summaryWhoToAskCard(await services.summaries.whoToAsk(partnershipId, actor)));
};

export function showBenchmarkSummary(submit: SummaryBenchmarkSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const summary = await services.summaries.summary(partnershipId, actor, { roundName: submit.roundId, benchmark: submit.benchmark });
    await sendCard(context, benchmarkSummaryCard(summary));
  };
}

export function showRoundSummary(submit: SummaryOpenSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    await sendCard(context, complianceSummaryCard(await services.summaries.summary(partnershipId, actor, { roundName: submit.roundId })));
  };
}
