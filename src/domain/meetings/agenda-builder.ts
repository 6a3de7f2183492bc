import type { ActionRecord } from '../actions/action';
import { OWNER_TO_BE_SET, STATUS_LABELS } from '../actions/action';
import { effectiveDueDate, isOverdue } from '../actions/rag';
import { ukDate } from '../clock';
import type { OrganisationReturn } from '../assessment/assessment';
import type { Framework } from '../assessment/framework';
import type { AgendaItem, Decision } from './meeting';
import { annualItemsFor } from './annual-items';
import { STANDING_ITEMS } from './standing-items';
import { figuresAgendaLines } from '../figures/figures-agenda';
import type { FiguresSnapshot } from '../figures/figures-content';

export interface AgendaFacts {
  readonly today: string;
  /** The meeting's UK date: its financial-year quarter decides which annual items it takes. */
  readonly meetingDate: string;
  readonly actions: readonly ActionRecord[];
  readonly organisationNames: ReadonlyMap<string, string>;
  /** The latest self-assessment round, its framework and the returns so far. */
  readonly assessment?: { readonly roundName: string; readonly framework: Framework; readonly returns: readonly OrganisationReturn[] };
  /** Organisations that have not returned updates in the open update round. */
  readonly notReturnedUpdates?: readonly string[];
  /** Decisions of the last meeting held, for "matters arising". */
  readonly previousDecisions?: readonly Decision[];
  /** Generated lines added under an annual item, by its id (the outcome of the annual assurance statements). */
  readonly annualDetails?: Readonly<Record<string, readonly string[]>>;
  /** The quarterly figures returned so far: the last complete quarter's go under their standing items. */
  readonly figures?: FiguresSnapshot;
}

function owners(record: ActionRecord, names: ReadonlyMap<string, string>): string {
  return record.action.ownerOrganisationIds.map((id) => names.get(id) ?? id).join(', ') || OWNER_TO_BE_SET;
}

/** Actions that are off track or past their (revised) due date, for the action plan item. */
function actionsNeedingAttention(facts: AgendaFacts): string[] {
  return facts.actions
    .filter((r) => r.progress?.status === 'off-track' || isOverdue(r.action, r.progress, facts.today))
    .map((r) => {
      const due = effectiveDueDate(r.action, r.progress);
      const state = r.progress ? STATUS_LABELS[r.progress.status] : 'no update yet';
      const late = isOverdue(r.action, r.progress, facts.today) && due ? `, overdue since ${ukDate(due)}` : '';
      return `${r.action.id} (${owners(r, facts.organisationNames)}): ${state}${late}`;
    });
}

/** Benchmarks where at least one organisation has rated an item below Achieving. */
function benchmarksNotAchieving(facts: AgendaFacts): string[] {
  if (!facts.assessment) return [];
  const { framework, returns } = facts.assessment;
  return framework.sections.flatMap((section) => {
    const below = returns.flatMap((ret) =>
      section.items.filter((item) => {
        const rating = ret.ratings[item.id]?.rating;
        return rating !== undefined && rating !== 'achieving';
      }),
    );
    return below.length > 0 ? [`Benchmark ${section.number} ${section.title}: ${below.length} ${below.length === 1 ? 'rating' : 'ratings'} below Achieving`] : [];
  });
}

/**
 * The agenda the bot proposes: the SOP's standing items, the SOP's annual items of the meeting's
 * quarter, and what needs the Group's attention under the item it belongs to (red or overdue
 * actions, benchmarks not yet Achieving, organisations that have not returned updates).
 */
export function buildAgenda(facts: AgendaFacts): AgendaItem[] {
  const afterActionPlan: AgendaItem[] = [];
  if (facts.notReturnedUpdates && facts.notReturnedUpdates.length > 0) {
    afterActionPlan.push({
      id: 'updates-not-returned',
      title: 'Organisations that have not returned action plan updates',
      details: [...facts.notReturnedUpdates],
      source: 'generated',
    });
  }
  const attention = actionsNeedingAttention(facts);
  if (attention.length > 0) {
    afterActionPlan.push({ id: 'actions-attention', title: 'Actions that are off track or overdue', details: attention.slice(0, 40), source: 'generated' });
  }
  const benchmarks = benchmarksNotAchieving(facts);
  if (benchmarks.length > 0 && facts.assessment) {
    afterActionPlan.push({
      id: 'benchmarks-attention',
      title: `Self-assessment ${facts.assessment.roundName}: benchmarks not yet Achieving`,
      details: benchmarks,
      source: 'generated',
    });
  }
  const mattersArising = (facts.previousDecisions ?? []).map((d) => `${d.itemTitle}: ${d.text}${d.newActionId ? ` (new action ${d.newActionId})` : ''}`);
  const annual = annualItemsFor(facts.meetingDate);
  const figures: Partial<Record<string, string[]>> = facts.figures ? figuresAgendaLines(facts.figures, facts.meetingDate) : {};
  return STANDING_ITEMS.flatMap((item) => {
    const figureLines = figures[item.id] ?? [];
    const withFigures = figureLines.length > 0 ? { ...item, details: [...item.details, ...figureLines] } : item;
    const standing = item.id === 'minutes' && mattersArising.length > 0 ? { ...item, details: mattersArising.slice(0, 40) } : withFigures;
    const following = annual
      .filter((a) => a.after === item.id)
      .map((a) => {
        const generated = facts.annualDetails?.[a.item.id] ?? [];
        return generated.length > 0 ? { ...a.item, details: [...a.item.details, ...generated] } : a.item;
      });
    return [standing, ...(item.id === 'action-plan' ? afterActionPlan : []), ...following];
  });
}
