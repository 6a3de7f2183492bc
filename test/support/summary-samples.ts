import type { ActionRecord } from '../../src/domain/actions/action';
import type { AssessmentRound, OrganisationReturn } from '../../src/domain/assessment/assessment';
import { RATINGS, type Framework } from '../../src/domain/assessment/framework';
import type { ComplianceSummary, OrganisationRef } from '../../src/domain/summary/compliance-summary';
import { summarise } from '../../src/domain/summary/summarise';
import { sampleAction, sampleProgress } from './action-repository-contract';

export interface SampleOptions {
  readonly organisations: number;
  /** Every text at its longest (organisation names 200 characters, action texts 2,000). */
  readonly longest?: boolean;
  readonly benchmark?: number;
}

function round(id: string, name: string, frameworkId: string, startedAt: string): AssessmentRound {
  return { id, name, frameworkId, closesOn: '2026-12-31', startedAt, startedById: 'aad-officer', startedByName: 'Priya Officer' };
}

/**
 * A generated partnership for card tests: every organisation but every fourth returned, ratings
 * spread over the scale (so there are Not yet started items everywhere), 40 actions all overdue,
 * and a meeting every organisation replied to in one way or another.
 */
export function sampleSummary(framework: Framework, options: SampleOptions): ComplianceSummary {
  const organisations: OrganisationRef[] = Array.from({ length: options.organisations }, (_, i) => ({
    id: `org-${String(i).padStart(2, '0')}`,
    name: options.longest ? `Organisation ${String(i).padStart(2, '0')} ${'x'.repeat(183)}` : `Organisation ${String(i).padStart(2, '0')}`,
  }));
  const items = framework.sections.flatMap((s) => s.items);
  const returnsOf = (roundId: string, shift: number): OrganisationReturn[] =>
    organisations
      .filter((_, i) => i % 4 !== 3)
      .map((o, i) => ({
        roundId,
        organisationId: o.id,
        ratings: Object.fromEntries(
          items.map((item, j) => [
            item.id,
            { rating: RATINGS[(i + j + shift) % 3]!, details: '', updatedById: 'aad-x', updatedByName: 'X', updatedAt: '2026-11-01T09:00:00.000Z' },
          ]),
        ),
        submittedAt: '2026-11-10T09:00:00.000Z',
        submittedById: 'aad-x',
        submittedByName: 'X',
      }));
  const actions: ActionRecord[] = Array.from({ length: 40 }, (_, i) => ({
    action: sampleAction(`${Math.floor(i / 8) + 1}.${(i % 8) + 1}`, {
      text: options.longest ? `Action ${i} ${'y'.repeat(1990)}` : `Action ${i}: deliver WRAP sessions to front-line staff`,
      ownerOrganisationIds: [organisations[i % organisations.length]!.id],
      dueDate: '2018-03-31',
    }),
    ...(i % 3 === 0 ? { progress: sampleProgress(`nonce-sample-${i}`, { status: 'at-risk', updatedAt: '2026-11-01T09:00:00.000Z' }) } : {}),
    etag: 'W/"1"',
  }));
  const statuses = ['attending', 'deputy', 'apologies'] as const;
  return summarise({
    partnershipId: 'warwickshire',
    framework,
    round: round('2026-27-q3', '2026/27 Q3', framework.id, '2026-10-01T09:00:00.000Z'),
    returns: returnsOf('2026-27-q3', 0),
    previous: { round: round('2025-26-q3', '2025/26 Q3', framework.id, '2025-10-01T09:00:00.000Z'), returns: returnsOf('2025-26-q3', 1) },
    organisations,
    actions,
    today: '2026-11-22',
    lastMeeting: {
      id: '2026-11-12-1000',
      startsAt: '2026-11-12T10:00:00.000Z',
      location: '',
      agenda: [{ id: 'welcome', title: 'Welcome', details: [], source: 'standing' }],
      scheduledById: 'aad-officer',
      scheduledByName: 'Priya Officer',
      scheduledAt: '2026-08-01T10:00:00.000Z',
      attendance: Object.fromEntries(
        organisations.filter((_, i) => i % 5 !== 4).map((o, i) => [o.id, { status: statuses[i % 3]!, byId: 'aad-x', byName: 'X', at: '2026-11-10T10:00:00.000Z' }]),
      ),
      decisions: [],
    },
    generatedAt: '2026-11-22T10:00:00.000Z',
    ...(options.benchmark !== undefined ? { benchmark: options.benchmark } : {}),
  });
}
