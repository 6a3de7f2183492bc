import { randomUUID } from 'node:crypto';
import {
  actionPrioritiesCard,
  agreedNotice,
  prioritiesCard,
  priorityFormCard,
  type PrioritiesAgreeSubmit,
  type PriorityFormSubmit,
  type PriorityLinkOpenSubmit,
  type PriorityLinkSaveSubmit,
  type PrioritySaveSubmit,
} from '../../cards/priority-cards';
import { ConflictError, InvalidError } from '../../domain/errors';
import { PersonalDataError } from '../../domain/privacy/personal-data-error';
import type { TurnHandler } from '../bot-services';
import { replaceCard, sendCard } from '../send-card';

/** "priorities for 2025-26" names a year; otherwise the current one. */
function yearIn(text: string): string | undefined {
  const match = /\b(20\d\d)\s*[-/]\s*(\d\d)\b/.exec(text);
  if (!match) return undefined;
  return (Number(match[1]) + 1) % 100 === Number(match[2]) ? `${match[1]}-${match[2]}` : undefined;
}

/** "priorities": the year's register with the plan's coverage of it. */
export const showPriorities: TurnHandler = async (context, turn, services) => {
  const view = await services.priorities.view(turn.partnershipId, turn.actor, yearIn(turn.text));
  await sendCard(context, prioritiesCard(view, { nonce: randomUUID() }));
};

/** "add a priority": the Prevent Officer's form for the current year. */
export const openAddPriority: TurnHandler = async (context, turn, services) => {
  const form = await services.priorities.form(turn.partnershipId, turn.actor, yearIn(turn.text) ?? services.priorities.currentYear());
  await sendCard(context, priorityFormCard(form, { nonce: randomUUID() }));
};

export function showPrioritiesOfYear(submit: { financialYear: string }): TurnHandler {
  return async (context, turn, services) => {
    const view = await services.priorities.view(turn.partnershipId, turn.actor, submit.financialYear);
    await replaceCard(context, prioritiesCard(view, { nonce: randomUUID() }));
  };
}

export function openPriorityForm(submit: PriorityFormSubmit): TurnHandler {
  return async (context, turn, services) => {
    const form = await services.priorities.form(turn.partnershipId, turn.actor, submit.financialYear, submit.priorityId);
    await replaceCard(context, priorityFormCard(form, { nonce: randomUUID() }));
  };
}

export function savePriority(submit: PrioritySaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    try {
      const { priorityId, duplicate } = await services.priorities.save(partnershipId, actor, {
        financialYear: submit.financialYear,
        ...(submit.priorityId ? { priorityId: submit.priorityId } : {}),
        title: submit.title,
        description: submit.description,
        ...(submit.source ? { source: submit.source } : {}),
        retired: submit.retired,
        nonce: submit.nonce,
        etag: submit.etag,
      });
      const view = await services.priorities.view(partnershipId, actor, submit.financialYear);
      const text = duplicate ? `Priority ${priorityId} was already saved.` : `Priority ${priorityId} saved${submit.retired ? ' as retired' : ''}.`;
      await replaceCard(context, prioritiesCard(view, { nonce: randomUUID(), notice: { text, problem: false } }));
    } catch (error) {
      if (!(error instanceof PersonalDataError || error instanceof ConflictError || error instanceof InvalidError)) throw error;
      // The form comes back with what was typed, so nothing is lost, and says what to change.
      const form = await services.priorities.form(partnershipId, actor, submit.financialYear, submit.priorityId);
      const text =
        error instanceof PersonalDataError
          ? `Not saved: please remove the personal details (${error.findings.join('; ')}) and save again.`
          : `Not saved: ${error.message}${error.details.length > 0 ? ` ${error.details.join('; ')}` : ''}`;
      await replaceCard(
        context,
        priorityFormCard(form, {
          nonce: error instanceof ConflictError ? randomUUID() : submit.nonce,
          values: { title: submit.title, description: submit.description, source: submit.source ?? '' },
          notice: { text, problem: true },
        }),
      );
    }
  };
}

/** A form that failed its checks comes back with a line per problem. */
export function returnPriorityFormWithProblems(data: Record<string, unknown>, problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    const year = typeof data.financialYear === 'string' && /^\d{4}-\d{2}$/.test(data.financialYear) ? data.financialYear : services.priorities.currentYear();
    const priorityId = typeof data.priorityId === 'string' && /^P\d{1,2}$/.test(data.priorityId) ? data.priorityId : undefined;
    const form = await services.priorities.form(turn.partnershipId, turn.actor, year, priorityId);
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
    await replaceCard(
      context,
      priorityFormCard(form, {
        nonce: randomUUID(),
        values: { title: text('title'), description: text('description'), source: text('source') },
        notice: { text: `Not saved: ${problems.map((p) => p.replace(/^[^:]+: /, '')).join('; ')}.`, problem: true },
      }),
    );
  };
}

export function agreePriorities(submit: PrioritiesAgreeSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { record, duplicate } = await services.priorities.agree(turn.partnershipId, turn.actor, submit);
    const view = await services.priorities.view(turn.partnershipId, turn.actor, submit.financialYear);
    const text = duplicate ? 'Already recorded as agreed.' : agreedNotice(record.register.agreedOn ?? submit.agreedOn, submit.financialYear);
    await replaceCard(context, prioritiesCard(view, { nonce: randomUUID(), notice: { text, problem: false } }));
  };
}

export function openActionPriorities(submit: PriorityLinkOpenSubmit): TurnHandler {
  return async (context, turn, services) => {
    await sendCard(context, actionPrioritiesCard(await services.priorities.linkForm(turn.partnershipId, turn.actor, submit.actionId)));
  };
}

export function saveActionPriorities(submit: PriorityLinkSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { record, duplicate } = await services.priorities.link(turn.partnershipId, turn.actor, submit);
    const form = await services.priorities.linkForm(turn.partnershipId, turn.actor, submit.actionId);
    const ids = record.action.priorityIds ?? [];
    const text = `${duplicate ? 'No change: action' : 'Saved: action'} ${record.action.id} ${ids.length === 0 ? 'addresses no priority' : `addresses ${ids.join(', ')}`}.`;
    await replaceCard(context, actionPrioritiesCard(form, { notice: { text, problem: false } }));
  };
}
