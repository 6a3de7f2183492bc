import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import {
  assessmentPageCard,
  assessmentProgressCard,
  type AssessmentProgressViewSubmit,
  assessmentReceiptCard,
  assessmentStartCard,
  ratingsFromSubmit,
  typedValues,
  type AssessmentSaveSubmit,
} from '../../cards/assessment-cards';
import { ukDate } from '../../domain/clock';
import type { AssessmentPage } from '../../domain/assessment/assessment-service';
import type { BotServices, TurnHandler } from '../bot-services';
import { enqueueToChannel, enqueueToPinnedChannel } from '../channel-posts';
import { enqueueWithStatusCard, messagesForLeads } from '../enqueue-for-leads';
import { CHANNEL_LINE, NO_CHANNEL_LINE } from './update-request-handlers';
import { replaceCard, sendCard, showView } from '../send-card';
import { refreshUserIds } from '../refresh-user-ids';

/** "2026/27 Q3" for a date in October-December 2026: the UK public sector's financial-year quarter. */
export function suggestedRoundName(now: Date): string {
  const month = now.getUTCMonth();
  const startYear = month >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const quarter = Math.floor(((month + 9) % 12) / 3) + 1;
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')} Q${quarter}`;
}

export const openStartSelfAssessment: TurnHandler = async (context, turn, services) => {
  const { frameworks, frameworkId, quorum } = await services.assessmentLaunch.startChoices(turn.partnershipId, turn.actor);
  const closes = new Date(services.now().getTime() + 28 * 24 * 3600 * 1000);
  await sendCard(
    context,
    assessmentStartCard({
      frameworks,
      values: { name: suggestedRoundName(services.now()), frameworkId, closesOn: closes.toISOString().slice(0, 10), quorum },
    }),
  );
};

export function startSelfAssessment(input: { name: string; frameworkId: string; closesOn: string; quorum?: number | undefined }): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId } = turn;
    const launch = await services.assessmentLaunch.start(partnershipId, turn.actor, input);
    if (launch.kind === 'not-started') {
      await replaceCard(context, assessmentStartCard({ frameworks: [...launch.frameworks], values: input, problems: [...launch.problems] }));
      return;
    }
    const { round, requests, chaserDates, channel } = launch;
    const leads = messagesForLeads(
      'rating-request',
      requests,
      ({ organisation, firstPage: page }) => {
        // The service reads a first page for every organisation with someone to ask, the only ones carded.
        if (!page) throw new Error(`no first page for ${organisation.id}`);
        return () => assessmentPageCard({ page, nonce: randomUUID() });
      },
      round.id,
      channel?.reference,
    );
    const reminders = chaserDates.map(ukDate).join(' and ');
    await enqueueWithStatusCard(
      context,
      services,
      {
        partnershipId,
        kind: 'rating-request',
        title: `Self-assessment ${round.name} started`,
        organisations: leads.organisations,
        unreached: leads.unreached,
        notes: [
          `The round closes on ${ukDate(round.closesOn)}. Reminders go to any organisation that has not returned on ${reminders}.`,
          ...(round.quorum ? [`The score is provisional until ${round.quorum} ${round.quorum === 1 ? 'organisation has' : 'organisations have'} returned.`] : []),
          channel ? CHANNEL_LINE : NO_CHANNEL_LINE,
        ],
      },
      leads.messages,
      true,
    );
    if (channel) {
      await enqueueToPinnedChannel(channel.reference, partnershipId, services, {
        kind: 'assessment-progress',
        title: 'Self-assessment progress card',
        card: assessmentProgressCard(channel.progress, { refreshFor: await refreshUserIds(partnershipId, services) }),
        subjectId: round.id,
      });
    }
  };
}

/** Refreshes the channel's "N of M organisations returned"; the return is already saved, so failures are only logged. */
async function refreshProgress(partnershipId: string, roundId: string, services: BotServices): Promise<void> {
  try {
    const progress = await services.assessments.progress(partnershipId, roundId);
    if (!progress.round.channelActivityId) return;
    await enqueueToChannel(partnershipId, services, {
      kind: 'assessment-progress',
      title: 'Self-assessment progress card',
      card: assessmentProgressCard(progress, { refreshFor: await refreshUserIds(partnershipId, services) }),
      replaceActivityId: progress.round.channelActivityId,
    });
  } catch (error) {
    services.logger.warn({ err: error }, 'self-assessment progress card not refreshed');
  }
}

/** "self-assessment": carry on with your organisation's return where you left off. */
export const resumeSelfAssessment: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const page = await services.assessments.resume(partnershipId, actor);
  await sendCard(context, assessmentPageCard({ page, nonce: randomUUID() }));
};

export function openAssessmentPage(input: { roundId: string; organisationId: string; index: number }): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const page = await services.assessments.page(partnershipId, actor, input.roundId, input.organisationId, input.index);
    await replaceCard(context, assessmentPageCard({ page, nonce: randomUUID() }));
  };
}

function pageBack(context: TurnContext, page: AssessmentPage, submit: AssessmentSaveSubmit, notice: string, problems: readonly string[]): Promise<void> {
  const itemIds = page.section.items.map((i) => i.id);
  return replaceCard(context, assessmentPageCard({ page, nonce: submit.nonce, values: typedValues(submit, itemIds), notice, problems }));
}

const NOT_SAVED: Record<'invalid' | 'personal-data' | 'conflict', string> = {
  invalid: 'Not saved: please fix the following.',
  'personal-data': 'Not saved: please remove the personal details and save again.',
  conflict: 'Not saved: someone else from your organisation saved this a moment ago. Check your answers and save again.',
};

export function saveAssessmentPage(submit: AssessmentSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const outcome = await services.assessments.savePageAndShow(
      partnershipId,
      actor,
      {
        roundId: submit.roundId,
        organisationId: submit.organisationId,
        index: submit.index,
        sectionNumber: submit.section,
        nonce: submit.nonce,
        then: submit.then,
        ...(submit.etag ? { etag: submit.etag } : {}),
      },
      (itemIds) => ratingsFromSubmit(submit, itemIds),
    );
    if (outcome.kind === 'not-saved') return pageBack(context, outcome.page, submit, NOT_SAVED[outcome.reason], outcome.problems);
    if (outcome.kind === 'page') {
      return replaceCard(
        context,
        assessmentPageCard({
          page: outcome.page,
          nonce: randomUUID(),
          ...(outcome.notice ? { notice: outcome.notice } : {}),
          ...(outcome.problems ? { problems: outcome.problems } : {}),
        }),
      );
    }
    await replaceCard(
      context,
      assessmentReceiptCard({ page: outcome.page, savedBy: actor.name, savedAt: outcome.savedAt, submitted: outcome.submitted, duplicate: outcome.duplicate }),
    );
    if (outcome.submitted && !outcome.duplicate) await refreshProgress(partnershipId, submit.roundId, services);
  };
}

/** The channel's self-assessment progress card as the person looking at it sees it: the card's refresh, or "Show my view". Reads only. */
export function showAssessmentProgressView(submit: AssessmentProgressViewSubmit): TurnHandler {
  return async (context, turn, services) => {
    const view = await services.assessments.progressView(turn.partnershipId, turn.actor, submit.roundId);
    await showView(context, assessmentProgressCard(view.progress, { viewer: view, refreshFor: turn.userId ? [turn.userId] : [] }));
  };
}
