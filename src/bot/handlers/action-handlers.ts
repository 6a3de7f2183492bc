import { randomUUID } from 'node:crypto';
import {
  actionReceiptCard,
  actionUpdateCard,
  myActionsCard,
  UPDATE_REQUEST_REMINDER,
  updateRequestCard,
  type ActionsPageSubmit,
  type ActionUpdateSubmit,
} from '../../cards/action-cards';
import type { z } from 'zod';
import type { actionUpdateEnvelopeSchema } from '../../cards/action-cards';
import { PersonalDataError } from '../../domain/privacy/personal-data-error';
import { londonDate } from '../../domain/clock';
import { findActionId } from '../../domain/language/entities';
import { ConflictError } from '../../domain/errors';
import type { TurnHandler } from '../bot-services';
import { replaceCard, sendCard } from '../send-card';

/** "my actions": the actions of the asker's organisation, a page at a time. */
function myActionsPage(page: number): TurnHandler {
  return async (context, turn, services) => {
    const { records, organisationNames, organisationName: organisation } = await services.actions.myActions(turn.partnershipId, turn.actor);
    const card = myActionsCard({
      heading: organisation ? `Actions for ${organisation}` : 'Your actions',
      records,
      organisationNames,
      today: londonDate(services.now()),
      emptyMessage: organisation
        ? `${organisation} owns no actions in the current action plan.`
        : 'You are not listed as a member of an organisation in this partnership, so no actions are assigned to you. The Prevent Officer can add you.',
      list: { list: 'mine' },
      page,
    });
    await (page === 1 ? sendCard(context, card) : replaceCard(context, card));
  };
}

export const showMyActions: TurnHandler = myActionsPage(1);

/** Next/Previous on an action list: the same list, at the page asked for, in place of the card. */
export function showActionsPage(submit: ActionsPageSubmit): TurnHandler {
  const { organisationId } = submit;
  if (submit.list === 'mine' || organisationId === undefined) return myActionsPage(submit.page);
  return async (context, turn, services) => {
    const { request, organisationNames } = await services.updateRequests.requestFor(turn.partnershipId, turn.actor, organisationId);
    await replaceCard(context, updateRequestCard(request, organisationNames, londonDate(services.now()), UPDATE_REQUEST_REMINDER, submit.page));
  };
}

export function openActionUpdate(actionId: string): TurnHandler {
  return async (context, turn, services) => {
    const { record, organisationNames } = await services.actions.openForUpdate(turn.partnershipId, turn.actor, actionId);
    await sendCard(context, actionUpdateCard({ record, organisationNames, today: londonDate(services.now()), nonce: randomUUID() }));
  };
}

/** "update action 3.1" opens that card; without an id, the list to choose from. */
export const answerUpdateAction: TurnHandler = async (context, turn, services) => {
  const actionId = findActionId(turn.text);
  await (actionId ? openActionUpdate(actionId) : showMyActions)(context, turn, services);
};

export function submitActionUpdate(submit: ActionUpdateSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const today = londonDate(services.now());
    const typed = {
      status: submit.status,
      progressNote: submit.progressNote,
      evidenceUrl: submit.evidenceUrl ?? '',
      revisedDate: submit.revisedDate ?? '',
    };
    try {
      const { record, duplicate } = await services.actions.submit(partnershipId, actor, { ...submit });
      const organisationNames = await services.directory.organisationNames(partnershipId);
      await replaceCard(context, actionReceiptCard({ record, organisationNames, today, duplicate }));
      if (!duplicate) services.roundProgress.soon(partnershipId);
    } catch (error) {
      if (!(error instanceof PersonalDataError || error instanceof ConflictError)) throw error;
      // Give the card back with what they typed, so nothing is lost, and say what to do.
      const record = await services.actions.get(partnershipId, submit.actionId);
      const organisationNames = await services.directory.organisationNames(partnershipId);
      const notice =
        error instanceof PersonalDataError
          ? 'Not saved: please remove the personal details from the progress note and submit again.'
          : 'Not saved: someone updated this action a moment ago. Their update is shown above; check yours and submit again.';
      const problems = error instanceof PersonalDataError ? [...error.findings] : [];
      await replaceCard(context, actionUpdateCard({ record, organisationNames, today, nonce: submit.nonce, values: typed, notice, problems }));
    }
  };
}

/** An update card that failed its checks comes back with what was typed and a line per problem. */
export function returnUpdateCardWithProblems(envelope: z.infer<typeof actionUpdateEnvelopeSchema>, problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    const { record, organisationNames } = await services.actions.openForUpdate(turn.partnershipId, turn.actor, envelope.actionId);
    await replaceCard(
      context,
      actionUpdateCard({
        record,
        organisationNames,
        today: londonDate(services.now()),
        nonce: randomUUID(),
        values: {
          status: envelope.status ?? '',
          progressNote: envelope.progressNote ?? '',
          evidenceUrl: envelope.evidenceUrl ?? '',
          revisedDate: envelope.revisedDate ?? '',
        },
        notice: 'Not saved: please fix the following and submit again.',
        problems: problems.map((problem) => problem.replace(/^[^:]+: /, '')),
      }),
    );
  };
}
