import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Action, ActionProgress } from '../../src/domain/actions/action';
import type { ItemRating, OrganisationReturn } from '../../src/domain/assessment/assessment';
import { parseFramework } from '../../src/domain/assessment/framework-catalogue';
import type { Framework, Rating } from '../../src/domain/assessment/framework';
import type { BenchmarkSummary, BoardReportData, Movement, OrganisationRef, ReportAction } from '../../src/domain/summary/compliance-summary';
import { FRAMEWORKS_DIRECTORY } from '../../src/storage/files/framework-files';
import { sampleAction } from './action-repository-contract';
import type { PriorityRegister } from '../../src/domain/priorities/priority';
import { priorityCoverage } from '../../src/domain/priorities/priority-coverage';
import { boardReportAreas, type BoardReportContribution } from '../../src/domain/summary/board-report-areas';

/**
 * A hand-made board report for the 2018 toolkit, standing in for what ComplianceSummaryService
 * reads from storage. Three of four organisations have submitted:
 *  - Warwickshire County Council: Achieving, but Developing throughout benchmark 7 (training);
 *  - Warwickshire and West Mercia Police: Developing, but Not yet started on 4.1;
 *  - South Warwickshire NHS Foundation Trust: Achieving, but Not yet started throughout benchmark 8;
 *  - Rugby Borough Council has a draft only, which the report must not show.
 * The figures in `summary` follow from those returns by the scoring rule in compliance-summary.ts:
 * compliance from Expectation of Compliance items only, so benchmarks 6 and 10 (Good Practice Activity
 * only) have no score, and good practice counted apart (worked out beside GOOD_PRACTICE below).
 */

export const framework2018: Framework = parseFramework(JSON.parse(readFileSync(path.join(FRAMEWORKS_DIRECTORY, 'home-office-2018.json'), 'utf8')));

export const ORGS = {
  rugby: { id: 'rugby', name: 'Rugby Borough Council' },
  swft: { id: 'swft', name: 'South Warwickshire NHS Foundation Trust' },
  police: { id: 'police', name: 'Warwickshire and West Mercia Police' },
  wcc: { id: 'wcc', name: 'Warwickshire County Council' },
} as const satisfies Record<string, OrganisationRef>;

/** Supporting details a partner typed that a spreadsheet would run as a formula. */
export const FORMULA_DETAILS = '=HYPERLINK("http://evil.example","Click for evidence")';
/** Supporting details with a quote, a comma and a line break: CSV must quote them. */
export const QUOTED_DETAILS = 'Minutes of the "March" board, item 4\nSigned off by the chair';
/** A progress note starting with a minus sign. */
export const MINUS_NOTE = '-2 panel members short this quarter';

const RATED_AT = '2026-11-20T09:00:00.000Z';

function rated(rating: Rating, details: string): ItemRating {
  return { rating, details, updatedById: 'aad-lead', updatedByName: 'A Lead', updatedAt: RATED_AT };
}

function returnOf(organisationId: string, ratingFor: (itemId: string, section: number) => Rating, submitted: boolean, details: Record<string, string> = {}): OrganisationReturn {
  const ratings = Object.fromEntries(
    framework2018.sections.flatMap((section) =>
      section.items.map((item) => [item.id, rated(ratingFor(item.id, section.number), details[item.id] ?? `Evidence from ${organisationId} for ${item.id}`)]),
    ),
  );
  return {
    roundId: '2026-27-q3',
    organisationId,
    ratings,
    ...(submitted ? { submittedAt: '2026-11-21T16:00:00.000Z', submittedById: 'aad-lead', submittedByName: 'A Lead' } : {}),
  };
}

const RETURNS: OrganisationReturn[] = [
  returnOf('wcc', (_id, section) => (section === 7 ? 'developing' : 'achieving'), true, { '1.1': FORMULA_DETAILS }),
  returnOf('police', (id) => (id === '4.1' ? 'not-yet-started' : 'developing'), true, { '2.1': QUOTED_DETAILS }),
  returnOf('swft', (_id, section) => (section === 8 ? 'not-yet-started' : 'achieving'), true),
  returnOf('rugby', () => 'achieving', false, { '1.1': 'Draft answer not yet submitted' }),
];

/**
 * [not yet started, developing, achieving], score, previous score, movement per benchmark 1..10, over
 * Expectation of Compliance items. Benchmarks 6 and 10 hold none: no counts, no score, nothing to compare.
 */
const FIGURES: [number, number, number, number | undefined, number | undefined, Movement][] = [
  [0, 1, 2, 83, 67, 'up'],
  [0, 1, 2, 83, 83, 'same'],
  [0, 1, 2, 83, 50, 'up'],
  [1, 0, 2, 67, 83, 'down'],
  [0, 1, 2, 83, 67, 'up'],
  [0, 0, 0, undefined, undefined, 'new'],
  [0, 2, 1, 67, 50, 'up'],
  [1, 1, 1, 50, 50, 'same'],
  [0, 1, 2, 83, undefined, 'new'],
  [0, 0, 0, undefined, undefined, 'new'],
];

/**
 * Good practice in place of rated, per benchmark 1..10 (undefined: no Good Practice Activity item).
 * Two good-practice items rated by three organisations are 6 ratings; the council and the trust are
 * Achieving on them (4 in place), the police Developing. Benchmark 7 has five (7.5-7.9): only the trust
 * is Achieving, 5 of 15. Benchmark 8 has one (8.3): the council Achieving, the trust Not yet started, 1 of 3.
 */
const GOOD_PRACTICE: ([number, number] | undefined)[] = [[4, 6], [4, 6], undefined, undefined, undefined, [4, 6], [5, 15], [1, 3], [4, 6], [4, 6]];

function itemOf(id: string) {
  const item = framework2018.sections.flatMap((s) => s.items).find((i) => i.id === id)!;
  return { itemId: item.id, itemText: item.text, kind: item.kind };
}

const BENCHMARKS: BenchmarkSummary[] = framework2018.sections.map((section, i) => {
  const [notYetStarted, developing, achieving, score, previousScore, movement] = FIGURES[i]!;
  return {
    number: section.number,
    title: section.title,
    hasCompliance: score !== undefined,
    counts: { 'not-yet-started': notYetStarted, developing, achieving },
    ...(GOOD_PRACTICE[i] ? { goodPractice: { inPlace: GOOD_PRACTICE[i][0], rated: GOOD_PRACTICE[i][1] } } : {}),
    ...(score === undefined ? {} : { score }),
    ...(previousScore === undefined ? {} : { previousScore }),
    movement,
    notYetStarted:
      section.number === 4
        ? [{ ...itemOf('4.1'), organisations: [ORGS.police] }]
        : section.number === 8
          ? section.items.map((item) => ({ ...itemOf(item.id), organisations: [ORGS.swft] }))
          : [],
  };
});

function progress(status: ActionProgress['status'], progressNote: string, updatedAt: string): ActionProgress {
  return { status, progressNote, updatedById: 'aad-police', updatedByName: 'Pat Police', updatedAt, nonce: `nonce-${updatedAt}` };
}

function reportAction(action: Action, owners: OrganisationRef[], rag: ReportAction['rag'], overdue: boolean, latest?: ActionProgress): ReportAction {
  return { action, owners, rag, overdue, ...(latest ? { progress: latest } : {}) };
}

const ACTIONS: ReportAction[] = [
  reportAction(
    sampleAction('1.1', {
      themeTitle: 'Leadership and Governance',
      text: 'Refresh the local Prevent risk assessment',
      ownerOrganisationIds: ['wcc'],
      dueDate: '2026-10-31',
      priorityIds: ['P1'],
    }),
    [ORGS.wcc],
    'green',
    false,
    progress('complete', 'Signed off by the Steering Group', '2026-10-20T11:00:00.000Z'),
  ),
  reportAction(
    sampleAction('3.1', {
      themeTitle: 'Awareness, Learning and Development',
      text: 'Continue to provide WRAP training sessions',
      ownerOrganisationIds: ['wcc'],
      dueDate: '2027-03-31',
    }),
    [ORGS.wcc],
    'green',
    false,
    progress('on-track', 'Four sessions delivered this quarter', '2026-11-10T09:30:00.000Z'),
  ),
  reportAction(
    sampleAction('5.2', { themeTitle: 'Channel', text: 'Keep Channel panel membership complete', ownerOrganisationIds: ['wcc'], dueDate: '2027-06-30' }),
    [ORGS.wcc],
    'red',
    false,
    progress('off-track', MINUS_NOTE, '2026-11-12T14:00:00.000Z'),
  ),
  reportAction(
    sampleAction('6.1', {
      themeTitle: 'Communities',
      text: 'Share emerging community tensions with the Prevent Officer or Police Prevent Team',
      ownerOrganisationIds: ['police', 'wcc'],
      dueDate: undefined,
      recurring: true,
      timescale: 'Ongoing',
    }),
    [ORGS.police, ORGS.wcc],
    'amber',
    false,
    progress('at-risk', 'Two tension reports were late this quarter', '2026-11-15T10:00:00.000Z'),
  ),
  reportAction(
    sampleAction('6.4', {
      themeTitle: 'Communities',
      text: 'Ensure public venues are not used by extremist groups',
      ownerOrganisationIds: ['police'],
      dueDate: '2018-03-31',
      priorityIds: ['P2'],
    }),
    [ORGS.police],
    'red',
    true,
  ),
];

/** The 2026-27 priorities: P1 and P2 have actions, P3 has none (the call-out the report must make). */
export const PRIORITIES_2026: PriorityRegister = {
  financialYear: '2026-27',
  status: 'agreed',
  agreedOn: '2026-03-12',
  priorities: [
    { id: 'P1', title: 'Local risk picture kept current', description: '', source: 'CTLP 2026', retired: false },
    { id: 'P2', title: 'Venues and permissive environments', description: '', retired: false },
    { id: 'P3', title: 'Online radicalisation of young people', description: '', source: 'CTLP 2026', retired: false },
  ],
  updatedById: 'aad-officer',
  updatedByName: 'Priya Officer',
  updatedAt: '2026-03-12T12:00:00.000Z',
  nonce: 'fixture-priorities-2026',
};

/** The report data without its areas, which boardReportFixture works out as the service does. */
function withoutAreas(): Omit<BoardReportData, 'areas'> {
  return {
    framework: framework2018,
    organisations: [ORGS.rugby, ORGS.swft, ORGS.police, ORGS.wcc],
    returns: RETURNS,
    actions: ACTIONS,
    summary: {
      partnershipId: 'warwickshire',
      round: { id: '2026-27-q3', name: '2026/27 Q3', closesOn: '2026-12-31' },
      previousRound: { id: '2026-27-q2', name: '2026/27 Q2', returned: 3, sameOrganisations: true },
      framework: { id: framework2018.id, title: framework2018.title, version: framework2018.version },
      benchmarks: BENCHMARKS,
      // Eight benchmarks with a score, three organisations each: 24 ratings, 48 points at most. Points are
      // 5 for each 83% benchmark (1, 2, 3, 5, 9), 4 for benchmarks 4 and 7, 3 for benchmark 8: 36 of 48 = 75%.
      // Good practice sums the column above: 26 of 48 in place.
      overall: { score: 75, previousScore: 65, movement: 'up', goodPractice: { inPlace: 26, rated: 48 } },
      // The default quorum of four organisations is three, and three have returned.
      returns: { returned: 3, total: 4, notReturned: [ORGS.rugby], quorum: 3, provisional: false },
      actions: {
        total: 5,
        byRag: { red: 2, amber: 1, green: 2 },
        complete: 1,
        overdue: [{ id: '6.4', text: 'Ensure public venues are not used by extremist groups', owners: [ORGS.police], dueOn: '2018-03-31' }],
      },
      attendance: {
        meetingId: '2026-10-09-1000',
        startsAt: '2026-10-09T09:00:00.000Z',
        attended: [ORGS.police, ORGS.wcc],
        apologies: [ORGS.swft],
        noReply: [ORGS.rugby],
      },
      generatedAt: '2026-11-22T10:00:00.000Z',
    },
  };
}

/** `contributions`: blocks other modules supply (quarterly figures, assurance), as the service passes them. */
export function boardReportFixture(contributions: readonly BoardReportContribution[] = []): BoardReportData {
  const data = withoutAreas();
  const coverage = priorityCoverage(
    PRIORITIES_2026,
    data.actions.map((a) => a.action),
  );
  const summary = { ...data.summary, priorities: coverage };
  return {
    ...data,
    summary,
    areas: boardReportAreas({
      summary,
      actions: data.actions,
      organisations: data.organisations,
      financialYear: '2026-27',
      priorities: { register: PRIORITIES_2026, coverage },
      meetingsHeld: [],
      returns: data.returns,
      contributions,
    }),
  };
}

/** The first round a partnership runs: nothing to compare with, and no meeting held yet. */
export function firstRoundFixture(): BoardReportData {
  const data = boardReportFixture();
  const { previousRound: _previous, attendance: _attendance, ...summary } = data.summary;
  return {
    ...data,
    summary: {
      ...summary,
      benchmarks: summary.benchmarks.map(({ previousScore: _p, ...benchmark }) => ({ ...benchmark, movement: 'new' as const })),
      overall: { score: 75, movement: 'new', goodPractice: { inPlace: 26, rated: 48 } },
    },
  };
}
