import type { UpdateRound } from '../actions/update-round';
import type { OrganisationReturn } from '../assessment/assessment';
import { ukDate } from '../clock';
import type { Guidance } from '../guidance/guidance';
import type { Meeting } from '../meetings/meeting';
import { coverageCallOuts, type PriorityCoverage } from '../priorities/priority-coverage';
import type { PriorityRegister } from '../priorities/priority';
import { agreedWording } from '../priorities/priority-service';
import type { ComplianceSummary, OrganisationRef, ReportAction } from './compliance-summary';

/**
 * The board report in the seven areas SOP 000 §4.1 asks the chair or Prevent Officer to report on to
 * the Safer Warwickshire Partnership Board, in the SOP's order. Each area is a list of content
 * blocks, so a module that knows an area's figures (referrals, Channel, training returns, annual
 * assurance) supplies blocks for it without the renderers changing: docx, xlsx, csv and the card
 * all render blocks the same way.
 */

export const SOP_4_1 =
  'SOP 4.1: the chair and/or Prevent Officer report to SWPB "on the situational assessment, the action plan, referral pathway, Channel panel, training, overall compliance and the level of engagement with key partners".';

export const BOARD_REPORT_AREA_IDS = ['situational-assessment', 'action-plan', 'referral-pathway', 'channel-panel', 'training', 'compliance', 'engagement'] as const;
export type BoardReportAreaId = (typeof BOARD_REPORT_AREA_IDS)[number];

export const BOARD_REPORT_AREA_TITLES: Readonly<Record<BoardReportAreaId, string>> = {
  'situational-assessment': 'Situational assessment',
  'action-plan': 'Action plan',
  'referral-pathway': 'Referral pathway',
  'channel-panel': 'Channel panel',
  training: 'Training',
  compliance: 'Overall compliance',
  engagement: 'Engagement with key partners',
};

/** One piece of an area's content. Text only: renderers escape it for their own format. */
export type ReportBlock =
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      /** Stands in until another module supplies the area's figures: dropped when one does. */
      readonly placeholder?: boolean;
      /** A one-line digest of detail a full renderer (the Word report) shows in its own tables: it may leave the line out. */
      readonly digest?: boolean;
    }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface BoardReportArea {
  readonly id: BoardReportAreaId;
  /** "1. Situational assessment" is numbered by the renderers from the order. */
  readonly title: string;
  /** The SOP passage the area answers to. */
  readonly sopRef: string;
  readonly blocks: readonly ReportBlock[];
}

/** Blocks another module supplies for an area; they replace the area's placeholder lines. */
export interface BoardReportContribution {
  readonly areaId: BoardReportAreaId;
  readonly blocks: readonly ReportBlock[];
}

/** A module that knows some areas' figures: asked once per report, for the partnership as of `today`. */
export type BoardReportContributor = (partnershipId: string, today: string) => Promise<readonly BoardReportContribution[]>;

/** What the areas are worked out from, already read from storage. */
export interface BoardReportAreaInputs {
  readonly summary: ComplianceSummary;
  readonly actions: readonly ReportAction[];
  readonly organisations: readonly OrganisationRef[];
  /** The current financial year's priorities register, and the plan's coverage of it. */
  readonly priorities?: { readonly register: PriorityRegister; readonly coverage: PriorityCoverage };
  readonly financialYear: string;
  readonly guidance?: Guidance;
  /** Meetings held (started) in the twelve months to today, in start order. */
  readonly meetingsHeld: readonly Meeting[];
  readonly updateRound?: UpdateRound;
  /** The round's returns, submitted or not. */
  readonly returns: readonly OrganisationReturn[];
  readonly contributions?: readonly BoardReportContribution[];
}

const paragraph = (text: string, placeholder = false): ReportBlock => ({ kind: 'paragraph', text, ...(placeholder ? { placeholder: true } : {}) });
const digest = (text: string): ReportBlock => ({ kind: 'paragraph', text, digest: true });

const NO_FIGURES = (what: string) => paragraph(`No ${what} figures have been returned for this report yet.`, true);

function situationalAssessment(inputs: BoardReportAreaInputs): ReportBlock[] {
  const priorities = inputs.priorities;
  if (!priorities || priorities.coverage.rows.length === 0) {
    return [
      paragraph(
        `No Situational Assessment priorities are recorded for ${inputs.financialYear}. The Prevent Officer adds them with "add a priority" (SOP 4.2: agreed before the start of each financial year).`,
      ),
    ];
  }
  const { register, coverage } = priorities;
  const callOuts = coverageCallOuts(coverage);
  return [
    paragraph(`Priorities of the Situational Assessment for ${coverage.financialYear}. ${agreedWording(register)}`),
    {
      kind: 'table',
      columns: ['Priority', 'Title', 'Source', 'Actions addressing it'],
      rows: coverage.rows.map((row) => {
        const priority = register.priorities.find((p) => p.id === row.priority.id);
        return [row.priority.id, row.priority.title, priority?.source ?? '', row.actionIds.length === 0 ? 'None' : `${row.actionIds.length}: ${row.actionIds.join(', ')}`];
      }),
    },
    ...(callOuts.length > 0 ? [{ kind: 'bullets', items: callOuts } as const] : [paragraph('Every priority has at least one action, and every action addresses a priority.')]),
  ];
}

function actionPlan(inputs: BoardReportAreaInputs): ReportBlock[] {
  const { actions } = inputs.summary;
  return [
    digest(
      `The action plan has ${actions.total} actions: ${actions.byRag.red} red, ${actions.byRag.amber} amber, ${actions.byRag.green} green; ${actions.complete} complete; ${actions.overdue.length} overdue.`,
    ),
  ];
}

function referralPathway(inputs: BoardReportAreaInputs): ReportBlock[] {
  const pathway = inputs.guidance?.referralPathway;
  if (!pathway) {
    return [
      paragraph('The partnership has not configured its referral pathway guidance in the bot, so staff asking "how do I make a referral?" are not shown it.'),
      NO_FIGURES('referral'),
    ];
  }
  const sources = [
    ...new Set(
      [pathway.emergency.source, ...pathway.steps.map((s) => s.source), ...(pathway.afterReferral?.items.map((i) => i.source) ?? []), pathway.channel.source].filter(
        (s): s is string => !!s,
      ),
    ),
  ];
  return [
    paragraph(
      `The referral pathway is configured: ${pathway.steps.length} steps${pathway.afterReferral ? `, what happens after a referral (${pathway.afterReferral.items.length} points)` : ''}, the Channel explanation and ${pathway.links.length} links${pathway.sectorLinks?.length ? `, with ${pathway.sectorLinks.length} sector links` : ''}. Staff see it when they ask "how do I make a referral?"; the "immediate danger: call 999" line comes first.`,
    ),
    { kind: 'bullets', items: sources.map((s) => `Source: ${s}`) },
    NO_FIGURES('referral'),
  ];
}

const CHANNEL_WORDS = /\bchannel\b/i;
const TRAINING_WORDS = /\b(training|train|wrap|e-learning|learning|awareness|workshop|briefing)s?\b/i;

function actionLines(actions: readonly ReportAction[], matches: (a: ReportAction) => boolean): ReportBlock[] {
  const found = actions.filter(matches);
  if (found.length === 0) return [];
  return [
    {
      kind: 'table',
      columns: ['Action', 'RAG', 'Status'],
      rows: found.map((a) => [
        `${a.action.id} ${a.action.text}`,
        a.rag.charAt(0).toUpperCase() + a.rag.slice(1),
        a.progress ? a.progress.status.replace('-', ' ') : 'no update yet',
      ]),
    },
  ];
}

function channelPanel(inputs: BoardReportAreaInputs): ReportBlock[] {
  const related = actionLines(inputs.actions, (a) => CHANNEL_WORDS.test(a.action.text) || CHANNEL_WORDS.test(a.action.who));
  return [NO_FIGURES('Channel panel'), ...(related.length > 0 ? [paragraph('Actions of the plan about the Channel panel:'), ...related] : [])];
}

function training(inputs: BoardReportAreaInputs): ReportBlock[] {
  const courses = inputs.guidance?.training.courses ?? [];
  const related = actionLines(inputs.actions, (a) => TRAINING_WORDS.test(a.action.text) || TRAINING_WORDS.test(a.action.themeTitle));
  return [
    NO_FIGURES('training'),
    courses.length === 0
      ? paragraph('No training catalogue is configured in the bot.')
      : { kind: 'bullets', items: courses.map((c) => `Offered: ${c.title}${c.label ? ` (${c.label})` : ''}`) },
    ...(related.length > 0 ? [paragraph('Training actions of the plan:'), ...related] : []),
  ];
}

function compliance(inputs: BoardReportAreaInputs): ReportBlock[] {
  const { summary } = inputs;
  const { score } = summary.overall;
  const returns = `${summary.returns.returned} of ${summary.returns.total} organisations returned their self-assessment for ${summary.round.name}`;
  return [
    digest(
      score === undefined
        ? `No overall compliance score yet: ${returns}.`
        : `Overall compliance score ${score}% (${summary.framework.title}); ${returns}${summary.returns.provisional ? `, so the score is provisional until ${summary.returns.quorum} have` : ''}.`,
    ),
  ];
}

function engagement(inputs: BoardReportAreaInputs): ReportBlock[] {
  const held = inputs.meetingsHeld;
  const round = inputs.updateRound;
  const submitted = new Set(inputs.returns.filter((r) => r.submittedAt).map((r) => r.organisationId));
  const rows = inputs.organisations.map((organisation) => {
    const attended = held.filter((m) => ['attending', 'deputy'].includes(m.attendance[organisation.id]?.status ?? '')).length;
    const owned = inputs.actions.filter((a) => a.action.ownerOrganisationIds.includes(organisation.id));
    const updated = round ? owned.filter((a) => a.progress && a.progress.updatedAt >= round.startedAt).length : undefined;
    return [
      organisation.name,
      held.length === 0 ? 'No meetings' : `${attended} of ${held.length}`,
      owned.length === 0 ? 'No actions' : updated === undefined ? 'No round yet' : `${updated} of ${owned.length}`,
      submitted.has(organisation.id) ? 'Returned' : 'Not returned',
    ];
  });
  const since = held.length === 1 ? `, on ${ukDate(held[0]!.startsAt.slice(0, 10))}` : held[0] ? `, the first on ${ukDate(held[0].startsAt.slice(0, 10))}` : '';
  return [
    paragraph(
      `Engagement of each organisation: Steering Group meetings attended in person or by a deputy (${held.length} held in the last twelve months${since}), updates returned on their actions${round ? ` since the Prevent Officer asked on ${ukDate(round.startedAt.slice(0, 10))}` : ''}, and the self-assessment for ${inputs.summary.round.name}.`,
    ),
    { kind: 'table', columns: ['Organisation', 'Meetings attended', 'Action updates returned', 'Self-assessment'], rows },
  ];
}

/**
 * Areas whose own content is only the plan's related actions and the catalogue: the returned figures
 * are what the board reads there, so they come first (and lead the card's one-line digest).
 */
const LED_BY_CONTRIBUTIONS: ReadonlySet<BoardReportAreaId> = new Set(['channel-panel', 'training']);

/** The seven areas in SOP §4.1's order, with any contributed blocks in place of the placeholders. */
export function boardReportAreas(inputs: BoardReportAreaInputs): BoardReportArea[] {
  const own: Record<BoardReportAreaId, ReportBlock[]> = {
    'situational-assessment': situationalAssessment(inputs),
    'action-plan': actionPlan(inputs),
    'referral-pathway': referralPathway(inputs),
    'channel-panel': channelPanel(inputs),
    training: training(inputs),
    compliance: compliance(inputs),
    engagement: engagement(inputs),
  };
  return BOARD_REPORT_AREA_IDS.map((id) => {
    const contributed = (inputs.contributions ?? []).filter((c) => c.areaId === id).flatMap((c) => c.blocks);
    const kept = own[id].filter((b) => !(b.kind === 'paragraph' && b.placeholder));
    const blocks = contributed.length === 0 ? own[id] : LED_BY_CONTRIBUTIONS.has(id) ? [...contributed, ...kept] : [...kept, ...contributed];
    return { id, title: BOARD_REPORT_AREA_TITLES[id], sopRef: 'SOP 4.1', blocks };
  });
}

/** The plain lines of a block, for CSV, the card and anything else without tables. */
export function blockLines(block: ReportBlock): string[] {
  if (block.kind === 'paragraph') return [block.text];
  if (block.kind === 'bullets') return [...block.items];
  return block.rows.map((row) => row.map((cell, i) => (i === 0 ? cell : `${block.columns[i]}: ${cell}`)).join('; '));
}
