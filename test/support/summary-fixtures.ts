import type { ActionRecord } from '../../src/domain/actions/action';
import type { AssessmentRound, OrganisationReturn } from '../../src/domain/assessment/assessment';
import type { Rating } from '../../src/domain/assessment/framework';
import { parseFramework } from '../../src/domain/assessment/framework-catalogue';
import type { Meeting } from '../../src/domain/meetings/meeting';
import { sampleAction, sampleProgress } from './action-repository-contract';

/**
 * A small framework and partnership whose summary can be worked out by hand (see the comments in
 * test/unit/domain/summary/summarise.test.ts): three benchmarks of two, three and one items, four organisations.
 */
export const FRAMEWORK = parseFramework({
  id: 'test-framework',
  title: 'Test toolkit',
  version: '1',
  source: 'test',
  scale: ['not-yet-started', 'developing', 'achieving'],
  sections: [
    { number: 1, title: 'Local Risk Assessment', items: [item('1.1'), item('1.2')] },
    { number: 2, title: 'Training Programme', items: [item('2.1'), item('2.2'), item('2.3')] },
    { number: 3, title: 'Communications', items: [item('3.1')] },
  ],
});

function item(id: string, kind: 'expectation-of-compliance' | 'good-practice-activity' = 'expectation-of-compliance') {
  return { id, kind, text: `Item ${id}`, prompts: [] };
}

/**
 * A framework mixing the two kinds of item, as the 2018 toolkit does (test/unit/domain/summary/good-practice.test.ts):
 * benchmark 1 has one Expectation of Compliance (1.1) and two Good Practice Activities (1.2, 1.3);
 * benchmark 2 holds only Good Practice Activity (2.1, 2.2), like the toolkit's benchmarks 6 and 10.
 */
export const MIXED_FRAMEWORK = parseFramework({
  id: 'mixed-framework',
  title: 'Mixed toolkit',
  version: '1',
  source: 'test',
  scale: ['not-yet-started', 'developing', 'achieving'],
  sections: [
    { number: 1, title: 'Risk Assessment', items: [item('1.1'), item('1.2', 'good-practice-activity'), item('1.3', 'good-practice-activity')] },
    { number: 2, title: 'Problem Solving', items: [item('2.1', 'good-practice-activity'), item('2.2', 'good-practice-activity')] },
  ],
});

/** In name order, as the organisation repository lists them. */
export const ORGANISATIONS = [
  { id: 'alpha', name: 'Alpha Council' },
  { id: 'bravo', name: 'Bravo Police' },
  { id: 'charlie', name: 'Charlie Trust' },
  { id: 'delta', name: 'Delta College' },
];

export function round(id: string, startedAt: string, frameworkId = FRAMEWORK.id): AssessmentRound {
  return {
    id,
    name: id.replace(/^(\d{4})-(\d{2})-q(\d)$/, '$1/$2 Q$3'),
    frameworkId,
    closesOn: '2026-12-31',
    startedAt,
    startedById: 'aad-officer',
    startedByName: 'Priya Officer',
  };
}

const A: Rating = 'achieving';
const D: Rating = 'developing';
const N: Rating = 'not-yet-started';
export const RATING = { A, D, N };

export function returnOf(roundId: string, organisationId: string, ratings: Record<string, Rating>, submitted = true): OrganisationReturn {
  return {
    roundId,
    organisationId,
    ratings: Object.fromEntries(
      Object.entries(ratings).map(([itemId, rating]) => [itemId, { rating, details: '', updatedById: 'aad-x', updatedByName: 'X', updatedAt: '2026-11-01T09:00:00.000Z' }]),
    ),
    ...(submitted ? { submittedAt: '2026-11-10T09:00:00.000Z', submittedById: 'aad-x', submittedByName: 'X' } : {}),
  };
}

export const THIS_ROUND = round('2026-27-q3', '2026-10-01T09:00:00.000Z');
export const PREVIOUS_ROUND = round('2025-26-q3', '2025-10-01T09:00:00.000Z');

/** Alpha and Bravo submitted; Charlie rated everything but did not submit; Delta has no return. */
export const THIS_RETURNS = [
  returnOf(THIS_ROUND.id, 'alpha', { '1.1': A, '1.2': D, '2.1': A, '2.2': A, '2.3': A, '3.1': D }),
  returnOf(THIS_ROUND.id, 'bravo', { '1.1': N, '1.2': A, '2.1': D, '2.2': A, '2.3': D, '3.1': D }),
  returnOf(THIS_ROUND.id, 'charlie', { '1.1': A, '1.2': A, '2.1': A, '2.2': A, '2.3': A, '3.1': A }, false),
];

/** Alpha and Bravo submitted; Charlie's return was never submitted. */
export const PREVIOUS_RETURNS = [
  returnOf(PREVIOUS_ROUND.id, 'alpha', { '1.1': D, '1.2': D, '2.1': D, '2.2': D, '2.3': D, '3.1': A }),
  returnOf(PREVIOUS_ROUND.id, 'bravo', { '1.1': N, '1.2': N, '2.1': N, '2.2': A, '2.3': A, '3.1': D }),
  returnOf(PREVIOUS_ROUND.id, 'charlie', { '1.1': A }, false),
];

export const TODAY = '2026-11-22';

export function actionRecords(): ActionRecord[] {
  const record = (id: string, action: Parameters<typeof sampleAction>[1], progress?: Parameters<typeof sampleProgress>[1]): ActionRecord => ({
    action: sampleAction(id, action),
    ...(progress ? { progress: sampleProgress(`nonce-${id}-0001`, progress) } : {}),
    etag: 'W/"1"',
  });
  return [
    // Overdue since 2018 with no update: red, overdue.
    record('1.1', { ownerOrganisationIds: ['alpha'], dueDate: '2018-03-31' }),
    // On track, due next year: green.
    record('1.2', { ownerOrganisationIds: ['bravo', 'alpha'], dueDate: '2027-03-31' }, { status: 'on-track' }),
    // Complete after its due date: green, complete, not overdue.
    record('2.1', { ownerOrganisationIds: ['charlie'], dueDate: '2026-01-31' }, { status: 'complete' }),
    // Off track with no date: red, not overdue.
    record('2.2', { ownerOrganisationIds: ['delta'], dueDate: undefined, recurring: true }, { status: 'off-track' }),
    // At risk, revised to yesterday: red, overdue, due on the revised date.
    record('3.1', { ownerOrganisationIds: ['bravo'], dueDate: '2026-10-31' }, { status: 'at-risk', revisedDate: '2026-11-21' }),
    // Due today, no update: amber, not overdue yet.
    record('3.2', { ownerOrganisationIds: ['charlie'], dueDate: '2026-11-22' }),
  ];
}

export function meeting(attendance: Meeting['attendance']): Meeting {
  return {
    id: '2026-11-12-1000',
    startsAt: '2026-11-12T10:00:00.000Z',
    location: '',
    agenda: [{ id: 'welcome', title: 'Welcome', details: [], source: 'standing' }],
    scheduledById: 'aad-officer',
    scheduledByName: 'Priya Officer',
    scheduledAt: '2026-08-01T10:00:00.000Z',
    attendance,
    decisions: [],
  };
}

export function reply(status: 'attending' | 'deputy' | 'apologies') {
  return { status, byId: 'aad-x', byName: 'X', at: '2026-11-10T10:00:00.000Z' };
}
