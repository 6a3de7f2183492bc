import { ukDate } from '../clock';
import type { Organisation } from '../partnership/organisation';
import type { AssuranceStatement, StatementRequest } from './assurance';
import { countText } from '../figures/suppression';
import type { StatementTemplate } from './statement-template';

/** Where one organisation's statement stands. */
export type StatementState = 'confirmed' | 'part-way' | 'not started';

/** How one item was answered across the confirmed statements. */
export interface ItemTally {
  readonly id: string;
  readonly text: string;
  readonly notYet: number;
  readonly partly: number;
}

/** A year's statements: who has confirmed, who is part-way, who has not started, and the items not yet in place. */
export interface AssuranceOutcome {
  readonly request: StatementRequest;
  readonly total: number;
  readonly confirmed: readonly { readonly organisation: string; readonly at: string; readonly byName: string }[];
  readonly partWay: readonly string[];
  readonly notStarted: readonly string[];
  /** Every organisation that has not confirmed, part-way or not started, for answering on its behalf. */
  readonly owedBy: readonly { readonly id: string; readonly name: string }[];
  /** Every item answered "Not yet" or "Partly" in a confirmed statement, most often first. */
  readonly notInPlace: readonly ItemTally[];
}

export function stateOf(statement: AssuranceStatement | undefined): StatementState {
  if (!statement) return 'not started';
  return statement.confirmedAt ? 'confirmed' : 'part-way';
}

/** The outcome of a year's statements over the partnership's organisations (in their order). */
export function assuranceOutcome(
  template: StatementTemplate,
  request: StatementRequest,
  organisations: readonly Organisation[],
  statements: readonly AssuranceStatement[],
): AssuranceOutcome {
  const byOrganisation = new Map(statements.map((s) => [s.organisationId, s]));
  const confirmed: { organisation: string; at: string; byName: string }[] = [];
  const partWay: string[] = [];
  const notStarted: string[] = [];
  const owedBy: { id: string; name: string }[] = [];
  for (const organisation of organisations) {
    const statement = byOrganisation.get(organisation.id);
    const state = stateOf(statement);
    if (state === 'confirmed') confirmed.push({ organisation: organisation.name, at: statement!.confirmedAt!, byName: statement!.confirmedByName ?? '' });
    else if (state === 'part-way') partWay.push(organisation.name);
    else notStarted.push(organisation.name);
    if (state !== 'confirmed') owedBy.push({ id: organisation.id, name: organisation.name });
  }
  const final = statements.filter((s) => s.confirmedAt && organisations.some((o) => o.id === s.organisationId));
  const notInPlace = template.items
    .map((item) => ({
      id: item.id,
      text: item.text,
      notYet: final.filter((s) => s.answers[item.id]?.answer === 'not-yet').length,
      partly: final.filter((s) => s.answers[item.id]?.answer === 'partly').length,
    }))
    .filter((t) => t.notYet + t.partly > 0)
    .sort((a, b) => b.notYet + b.partly - (a.notYet + a.partly) || b.notYet - a.notYet);
  return { request, total: organisations.length, confirmed, partWay, notStarted, owedBy, notInPlace };
}

/** "Not yet: fewer than 5; partly: 6", leaving out what is none. */
export function tallyLine(tally: ItemTally): string {
  return [tally.notYet > 0 ? `not yet: ${countText(tally.notYet)}` : '', tally.partly > 0 ? `partly: ${countText(tally.partly)}` : ''].filter(Boolean).join(', ');
}

/** How many items an agenda line or report names at most: the rest are for the overview card. */
const ITEMS_NAMED = 3;

/**
 * The generated lines under the agenda's "Annual assurance statements: outcome": how many
 * organisations confirmed, and the items most often not yet or only partly in place (counts of
 * organisations from 1 to 4 never exact).
 */
export function assuranceAgendaLines(outcome: AssuranceOutcome): string[] {
  const { request } = outcome;
  const lines = [
    `${request.year} statements: ${outcome.confirmed.length} of ${outcome.total} organisations confirmed (due ${ukDate(request.dueOn)}); ${outcome.partWay.length} part-way, ${outcome.notStarted.length} not started.`,
  ];
  if (outcome.notInPlace.length > 0) {
    lines.push(
      `Most often not yet or only partly in place: ${outcome.notInPlace
        .slice(0, ITEMS_NAMED)
        .map((t) => `${t.text.replace(/\.$/, '')} (${tallyLine(t)})`)
        .join('; ')}.`,
    );
  } else if (outcome.confirmed.length > 0) {
    lines.push('Every confirmed statement has every item in place.');
  }
  return lines;
}

/** The board report's assurance content, for its "overall compliance" and "engagement" areas. */
export interface BoardReportAssurance {
  readonly heading: string;
  /** e.g. "9 of 16 organisations confirmed their 2026-27 annual assurance statement." */
  readonly returnedLine: string;
  readonly returned: readonly string[];
  readonly notReturned: readonly string[];
  /** One line per item not yet in place somewhere, counts suppressed. */
  readonly itemsNotInPlace: readonly string[];
}

/** What the board report says about a year's assurance statements: pure, so the report can place it where it belongs. */
export function boardReportAssurance(outcome: AssuranceOutcome): BoardReportAssurance {
  return {
    heading: `Annual assurance statements ${outcome.request.year}`,
    returnedLine: `${outcome.confirmed.length} of ${outcome.total} organisations confirmed their ${outcome.request.year} annual assurance statement.`,
    returned: outcome.confirmed.map((c) => c.organisation),
    notReturned: [...outcome.partWay, ...outcome.notStarted],
    itemsNotInPlace: outcome.notInPlace.map((t) => `${t.text} (${tallyLine(t)})`),
  };
}
