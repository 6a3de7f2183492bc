import {
  benchmarkSummaryCard,
  complianceSummaryCard,
  organisationSummaryCard,
  summaryWhoToAskCard,
  type SummaryBenchmarkSubmit,
  type SummaryOpenSubmit,
} from '../../cards/summary-cards';
import type { SummaryAnswer } from '../../domain/summary/summary-service';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

/**
 * "Compliance summary", "how are we doing on training?", "summary for 2026/27 Q2". The chair and the
 * Prevent Officer get the summary (or one benchmark's drill-down); a partner lead gets their own
 * organisation's view; anyone else is told who to ask.
 */
export const answerComplianceSummary: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  await sendCard(context, summaryAnswerCard(await services.summaries.answer(partnershipId, actor, turn.text)));
};

function summaryAnswerCard(answer: SummaryAnswer) {
  switch (answer.kind) {
    case 'summary':
      return complianceSummaryCard(answer.summary);
    case 'benchmark':
      return benchmarkSummaryCard(answer.summary);
    case 'organisation':
      return organisationSummaryCard({ view: answer.view });
    case 'own-organisation': {
      const notice = `The full compliance summary is for the Steering Group: the chair and the Prevent Officer. Here is where ${answer.view.organisation.name} stands.`;
      return organisationSummaryCard({ view: answer.view, notice });
    }
    case 'who-to-ask':
      return summaryWhoToAskCard(answer.whoToAsk);
  }
}

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
