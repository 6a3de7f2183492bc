import { randomUUID } from 'node:crypto';
import {
  answersFromSubmit,
  assuranceOverviewCard,
  assuranceReceiptCard,
  assuranceStatementCard,
  typedAnswers,
  type AssuranceOpenSubmit,
  type AssuranceSaveSubmit,
} from '../../cards/assurance-cards';
import { ukDate } from '../../domain/clock';
import type { TurnHandler } from '../bot-services';
import { enqueueWithStatusCard, messagesForLeads } from '../enqueue-for-leads';
import { replaceCard, sendCard } from '../send-card';

/**
 * "request assurance statements" (optionally "by 30 January"; Prevent Officer): every organisation's
 * Prevent lead gets this year's statement card, pre-filled from last year's, through the outbox.
 */
export const requestAssuranceStatements: TurnHandler = async (context, turn, services) => {
  const { partnershipId } = turn;
  const { request, deadline, requests, chaserDates, channel } = await services.assurance.request(partnershipId, turn.actor, turn.text);
  const leads = messagesForLeads(
    'assurance-request',
    requests,
    ({ organisation, form }) => {
      // The service reads a statement for every organisation with someone to ask, the only ones carded.
      if (!form) throw new Error(`no statement card for ${organisation.id}`);
      return () => assuranceStatementCard({ form, nonce: randomUUID() });
    },
    request.year,
    channel,
  );
  const due = deadline.basis === 'as requested' ? `Statements are due by ${ukDate(request.dueOn)}.` : `Statements are due by ${ukDate(request.dueOn)} (${deadline.basis}).`;
  await enqueueWithStatusCard(
    context,
    services,
    {
      partnershipId,
      kind: 'assurance-request',
      title: `Annual assurance statements ${request.year}`,
      organisations: leads.organisations,
      unreached: leads.unreached,
      notes: [`${due} Reminders go to any organisation that has not confirmed on ${chaserDates.map(ukDate).join(' and ')}.`],
    },
    leads.messages,
  );
};

/** "assurance statements": who has returned, for the Prevent Officer and the chair; one's own statement, for a lead. */
export const showAssuranceStatements: TurnHandler = async (context, turn, services) => {
  const view = await services.assurance.view(turn.partnershipId, turn.actor);
  await sendCard(context, view.kind === 'overview' ? assuranceOverviewCard(view.outcome, view.mayAnswerFor) : assuranceStatementCard({ form: view.form, nonce: randomUUID() }));
};

/** The receipt's "Carry on" (and a chaser's button): the statement card as it stands. */
export function openAssuranceStatement(submit: AssuranceOpenSubmit): TurnHandler {
  return async (context, turn, services) => {
    const form = await services.assurance.form(turn.partnershipId, turn.actor, submit.year, submit.organisationId);
    await replaceCard(context, assuranceStatementCard({ form, nonce: randomUUID() }));
  };
}

const NOT_SAVED: Record<'invalid' | 'personal-data' | 'conflict' | 'confirmed', string> = {
  invalid: 'Not saved: please fix the following.',
  'personal-data': 'Not saved: please remove the personal details and save again.',
  conflict: 'Not saved: someone else from your organisation saved this statement a moment ago. Check the answers and save again.',
  confirmed: 'This statement has already been confirmed, which is final: nothing was changed.',
};

/** Save or Confirm on the statement card: the receipt replaces the card, or the card comes back with what to fix. */
export function saveAssuranceStatement(submit: AssuranceSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const outcome = await services.assurance.save(
      partnershipId,
      actor,
      { year: submit.year, organisationId: submit.organisationId, nonce: submit.nonce, etag: submit.etag, confirm: submit.then === 'confirm' },
      (itemIds) => answersFromSubmit(submit, itemIds),
    );
    if (outcome.kind === 'not-saved') {
      const itemIds = outcome.form.template.items.map((i) => i.id);
      // A conflict shows the other person's answers; anything else gives back what this person typed.
      const typed = outcome.reason === 'conflict' || outcome.reason === 'confirmed' ? {} : { values: typedAnswers(submit, itemIds) };
      const nonce = outcome.reason === 'confirmed' ? randomUUID() : submit.nonce;
      await replaceCard(context, assuranceStatementCard({ form: outcome.form, nonce, ...typed, notice: NOT_SAVED[outcome.reason], problems: outcome.problems }));
      return;
    }
    await replaceCard(
      context,
      assuranceReceiptCard({ form: outcome.form, savedBy: actor.name, savedAt: outcome.savedAt, confirmed: outcome.confirmed, duplicate: outcome.duplicate }),
    );
  };
}
