import { randomUUID } from 'node:crypto';
import {
  figuresFormCard,
  figuresOpenSubmitSchema,
  figuresFromSubmit,
  figuresOverviewCard,
  figuresReceiptCard,
  typedValues,
  type FiguresOpenSubmit,
  type FiguresSaveSubmit,
} from '../../cards/figures-cards';
import { ukDate } from '../../domain/clock';
import { ConflictError, InvalidError } from '../../domain/errors';
import { RETURN_KIND_TITLES } from '../../domain/figures/figures';
import type { ReturnRef } from '../../domain/figures/figures-service';
import { PersonalDataError } from '../../domain/privacy/personal-data-error';
import type { TurnHandler } from '../bot-services';
import { enqueueWithStatusCard, messagesForLeads } from '../enqueue-for-leads';
import { replaceCard, sendCard } from '../send-card';

/** "quarterly figures", "how many referrals" (anyone with a role): the latest quarter, suppressed, and the trend. */
export const showFigures: TurnHandler = async (context, turn, services) => {
  const overview = await services.figures.overview(turn.partnershipId, turn.actor);
  const forms = await services.figures.returnsFor(turn.partnershipId, turn.actor);
  await sendCard(context, figuresOverviewCard(overview, forms));
};

/** "request figures" (Prevent Officer): a figures card to every organisation's leads for each return it gives, through the outbox. */
export const requestFigures: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const { request, deadline, chaserDates, targets } = await services.figures.requestFigures(partnershipId, actor, turn.text);
  // One card per return: the county council, say, gives its Channel panel figures and its training figures.
  const perReturn = targets.flatMap((target) => target.kinds.map((kind) => ({ ...target, ref: { quarter: request.quarter, kind, organisationId: target.organisation.id } })));
  const forms = new Map(await Promise.all(perReturn.map(async (t) => [key(t.ref), await services.figures.openForm(partnershipId, actor, t.ref)] as const)));
  const leads = messagesForLeads('figures-request', perReturn, (target) => () => figuresFormCard({ form: forms.get(key(target.ref))!, nonce: randomUUID() }), request.quarter);
  await enqueueWithStatusCard(
    context,
    services,
    {
      partnershipId,
      kind: 'figures-request',
      title: `Figures requests for ${request.quarter}`,
      organisations: leads.organisations,
      unreached: [...new Set(leads.unreached)],
      notes: [`Figures are due by ${ukDate(deadline.dueOn)}. Reminders go to anyone who has not returned them on ${chaserDates.map(ukDate).join(' and ')}.`],
    },
    leads.messages,
  );
};

function key(ref: ReturnRef): string {
  return `${ref.quarter}|${ref.kind}|${ref.organisationId}`;
}

export function openFiguresForm(submit: FiguresOpenSubmit): TurnHandler {
  return async (context, turn, services) => {
    const form = await services.figures.openForm(turn.partnershipId, turn.actor, submit);
    await sendCard(context, figuresFormCard({ form, nonce: randomUUID() }));
  };
}

/** The chaser's button: the figures cards the organisation still owes for the quarter. */
export function openFiguresFromChaser(quarter: string, organisationId: string): TurnHandler {
  return async (context, turn, services) => {
    const refs = await services.figures.returnsFor(turn.partnershipId, turn.actor, organisationId, quarter);
    if (refs.length === 0) throw new InvalidError(`Only the organisation's lead, or the Prevent Officer, can return its figures.`);
    for (const ref of refs) await openFiguresForm({ verb: 'figures-open', ...ref })(context, turn, services);
  };
}

/** Submit on a figures card: the receipt in its place, or the card back with what was typed and what to fix. */
export function saveFigures(submit: FiguresSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const ref = { quarter: submit.quarter, kind: submit.kind, organisationId: submit.organisationId };
    try {
      const { record, duplicate } = await services.figures.submit(partnershipId, actor, {
        ...ref,
        figures: figuresFromSubmit(submit),
        nonce: submit.nonce,
        ...(submit.etag ? { etag: submit.etag } : {}),
      });
      const names = await services.directory.organisationNames(partnershipId);
      await replaceCard(context, figuresReceiptCard(record, names.get(record.value.organisationId) ?? record.value.organisationId, duplicate));
    } catch (error) {
      if (!(error instanceof PersonalDataError || error instanceof ConflictError || (error instanceof InvalidError && error.details.length > 0))) throw error;
      const form = await services.figures.openForm(partnershipId, actor, ref);
      const notice =
        error instanceof PersonalDataError
          ? 'Not saved: please remove the personal details from the issues of concern and submit again.'
          : error instanceof ConflictError
            ? `Not saved: someone returned these ${RETURN_KIND_TITLES[submit.kind]} figures a moment ago. Theirs are shown in the status line; check yours and submit again.`
            : 'Not saved: please fix the following and submit again.';
      await replaceCard(
        context,
        figuresFormCard({ form, nonce: error instanceof ConflictError ? randomUUID() : submit.nonce, typed: typedValues(submit), notice, problems: [...error.details] }),
      );
    }
  };
}

/** A figures card that failed its checks comes back with what was typed and a line per problem, when it says which return it is. */
export function returnFiguresFormWithProblems(data: unknown, problems: string[]): TurnHandler | undefined {
  const ref = figuresOpenSubmitSchema.omit({ verb: true }).safeParse(data);
  if (!ref.success) return undefined;
  const typed = typedValues((data ?? {}) as Record<string, unknown>);
  const nonce = typeof (data as { nonce?: unknown }).nonce === 'string' ? String((data as { nonce: string }).nonce).slice(0, 64) : randomUUID();
  return async (context, turn, services) => {
    const form = await services.figures.openForm(turn.partnershipId, turn.actor, ref.data);
    await replaceCard(
      context,
      figuresFormCard({
        form,
        nonce: nonce.length >= 8 ? nonce : randomUUID(),
        typed,
        notice: 'Not saved: please fix the following and submit again.',
        problems: problems.map((p) => p.replace(/^[^:]+: /, '')),
      }),
    );
  };
}
