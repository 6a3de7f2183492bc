import { botHarness, PEOPLE } from './bot-harness';

const P = 'warwickshire';

/** What the harness holds after `seededHarness`, for building payloads that refer to it. */
export interface Seeds {
  readonly roundId: string;
  readonly meetingId: string;
  readonly agendaItemId: string;
  readonly actionEtag: string;
  /** Last financial year's assurance statements, requested (this year's are left for "request assurance statements"). */
  readonly statementYear: string;
  /** The 2026-27 priorities register (P1, a draft) as the officer left it. */
  readonly prioritiesEtag: string;
}

/** The harness with an open self-assessment round and a meeting on the calendar, so every verb has something to act on. */
export async function seededHarness(): Promise<{ harness: Awaited<ReturnType<typeof botHarness>>; seeds: Seeds }> {
  const harness = await botHarness();
  const officer = await harness.services.directory.actorFor(P, PEOPLE.officer.aadObjectId, PEOPLE.officer.name);
  const round = await harness.services.assessments.startRound(P, officer, { name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-20' });
  const meeting = await harness.services.meetings.schedule(P, officer, new Date('2027-03-12T10:00:00Z'), 'Shire Hall');
  const action = await harness.actions.get(P, '6.4');
  const priorities = await harness.services.priorities.save(P, officer, {
    financialYear: '2026-27',
    title: 'Venues and permissive environments',
    description: '',
    retired: false,
    nonce: 'nonce-seeded-priorities',
    etag: '',
  });
  const statementYear = await requestLastYearsStatements(harness);
  return {
    harness,
    seeds: { roundId: round.id, meetingId: meeting.id, agendaItemId: meeting.agenda[0]!.id, actionEtag: action!.etag, statementYear, prioritiesEtag: priorities.record.etag },
  };
}

/** Last financial year's statements, requested when it was last year, as the service would have. */
async function requestLastYearsStatements(harness: Awaited<ReturnType<typeof botHarness>>): Promise<string> {
  await harness.assurance.createRequest(P, {
    year: '2025-26',
    templateId: 'warwickshire-sop-2024',
    dueOn: '2026-01-30',
    requestedAt: '2026-01-02T10:00:00.000Z',
    requestedById: PEOPLE.officer.aadObjectId,
    requestedByName: PEOPLE.officer.name,
  });
  return '2025-26';
}

/** A payload each verb's schema accepts (without `verb`), about the police's action 6.4 and the seeded round and meeting. */
export const VALID_PAYLOADS: Readonly<Record<string, (s: Seeds) => Record<string, unknown>>> = {
  ask: () => ({ question: 'help' }),
  'priorities-view': () => ({ financialYear: '2026-27' }),
  'priority-form': () => ({ financialYear: '2026-27', priorityId: 'P1' }),
  'priority-save': (s) => ({
    financialYear: '2026-27',
    nonce: 'nonce-valid-payload',
    etag: s.prioritiesEtag,
    title: 'Online radicalisation of young people',
    description: '',
    retired: 'false',
  }),
  'priorities-agree': (s) => ({ financialYear: '2026-27', nonce: 'nonce-valid-payload', etag: s.prioritiesEtag, agreedOn: '2026-03-12' }),
  'priority-link-open': () => ({ actionId: '6.4' }),
  'priority-link-save': (s) => ({ actionId: '6.4', etag: s.actionEtag, priorityIds: 'P1' }),
  'action-open': () => ({ actionId: '6.4' }),
  'action-update': (s) => ({ actionId: '6.4', nonce: 'nonce-valid-payload', etag: s.actionEtag, status: 'on-track', progressNote: 'Venue checks done with licensing.' }),
  'meeting-schedule': () => ({ date: '2027-06-11', time: '10:00', location: 'Shire Hall' }),
  'meeting-reply': (s) => ({ meetingId: s.meetingId, status: 'attending' }),
  'agenda-view': (s) => ({ meetingId: s.meetingId }),
  'round-progress-view': () => ({ roundId: '2026-11-22T10:00:00.000Z' }),
  'assessment-progress-view': (s) => ({ roundId: s.roundId }),
  // A card of a batch the seeded partnership never sent: everyone is told it is no longer there (test/unit/bot/channel-fallback.test.ts has the real views).
  'channel-card-view': () => ({ batchId: '20261122100000000-none', messageId: '00001' }),
  'agenda-edit': (s) => ({ op: 'add', meetingId: s.meetingId, title: 'Community tensions briefing' }),
  'decision-save': (s) => ({ meetingId: s.meetingId, itemId: s.agendaItemId, text: 'Agreed to review venue hire checks.' }),
  'assessment-start': () => ({ name: '2026/27 Q4', frameworkId: 'home-office-2018', closesOn: '2027-03-31' }),
  'assessment-open': (s) => ({ roundId: s.roundId, organisationId: 'police', index: '0' }),
  'assessment-save': (s) => ({ then: 'stay', roundId: s.roundId, organisationId: 'police', section: '1', index: '0', nonce: 'nonce-valid-payload', etag: '' }),
  'chaser-open': (s) => ({ kind: 'self-assessment', subjectId: s.roundId, organisationId: 'police' }),
  'summary-benchmark': (s) => ({ roundId: s.roundId, benchmark: '1' }),
  'summary-open': (s) => ({ roundId: s.roundId }),
  'member-form': () => ({}),
  'organisation-form': () => ({}),
  'organisation-pick': () => ({}),
  'organisation-edit': () => ({ organisationId: 'police' }),
  'member-save': () => ({ aadObjectId: 'aad-staff', role: 'chair', preventLead: 'false' }),
  'organisation-save': () => ({ name: 'Rugby Borough Council', sector: 'local-government', aliases: 'RBC' }),
  'actions-page': () => ({ list: 'mine', page: 2 }),
  'partnership-page': () => ({ page: 2 }),
  'not-replied-page': () => ({ page: 2 }),
  'assurance-open': (s) => ({ year: s.statementYear, organisationId: 'police' }),
  'assurance-save': (s) => ({
    then: 'save',
    year: s.statementYear,
    organisationId: 'police',
    nonce: 'nonce-valid-payload',
    etag: '',
    'answer-records': 'in-place',
    'note-records': 'Training log kept by HR.',
  }),
  // The police give the referral figures (worked out from the sectors); the harness's last complete quarter is 2026-27 Q2.
  'figures-open': () => ({ quarter: '2026-27 Q2', kind: 'referrals', organisationId: 'police' }),
  'figures-save': () => ({
    quarter: '2026-27 Q2',
    kind: 'referrals',
    organisationId: 'police',
    nonce: 'nonce-valid-payload',
    etag: '',
    'sector-education-childcare': '9',
    'sector-police': '3',
    'sector-local-government': '5',
    'sector-health-social-care': '6',
    'sector-criminal-justice': '0',
    'sector-other': '2',
    'outcome-adopted-channel': '2',
    'outcome-other-support': '8',
    'outcome-no-further-action': '12',
    'outcome-being-assessed': '3',
  }),
};
