import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actionReceiptCard, actionUpdateCard, myActionsCard } from '../../../src/cards/action-cards';
import { assessmentPageCard, assessmentReceiptCard, assessmentStartCard } from '../../../src/cards/assessment-cards';
import { acknowledgementCard } from '../../../src/cards/acknowledgement-card';
import { didYouMeanCard } from '../../../src/cards/did-you-mean-card';
import { helpCard } from '../../../src/cards/help-card';
import { agendaCard, agendaEditorCard, decisionFormCard, meetingFormCard } from '../../../src/cards/meeting-cards';
import { STANDING_ITEMS } from '../../../src/domain/meetings/standing-items';
import { parseFramework } from '../../../src/domain/assessment/framework-catalogue';
import type { AssessmentPage } from '../../../src/domain/assessment/assessment-service';
import { planImportCard } from '../../../src/cards/plan-import-card';
import { memberFormCard, organisationFormCard, organisationPickCard, partnershipOverviewCard } from '../../../src/cards/partnership-cards';
import { roundProgressCard } from '../../../src/cards/update-request-cards';
import { deliveryStatusCard } from '../../../src/cards/delivery-status-card';
import { channelLostCard } from '../../../src/cards/channel-lost-card';
import { chaserCard } from '../../../src/cards/chaser-card';
import { notRepliedCard } from '../../../src/cards/not-replied-card';
import { deliveryView } from '../../../src/domain/outbox/delivery-batch';
import type { ChaseSubject } from '../../../src/domain/chasers/chasers';
import { problemCard } from '../../../src/cards/problem-card';
import { referralPathwayCard } from '../../../src/cards/referral-pathway-card';
import type { AdaptiveCardJson } from '../../../src/cards/render';
import { CARDS_DIRECTORY } from '../../../src/cards/template-store';
import { trainingCard } from '../../../src/cards/training-card';
import { boardReportCard } from '../../../src/cards/board-report-card';
import { boardReportFixture } from '../../support/board-report-fixture';
import { welcomeCard } from '../../../src/cards/welcome-card';
import { CAPABILITIES } from '../../../src/domain/language/capabilities';
import { cardProblems, TEAMS_CHART_TYPES } from '../../support/adaptive-card-checks';
import { demoGuidance } from '../../support/demo-guidance';
import { sampleAction, sampleProgress } from '../../support/action-repository-contract';
import { benchmarkSummaryCard, complianceSummaryCard, organisationSummaryCard, summaryWhoToAskCard } from '../../../src/cards/summary-cards';
import { organisationView } from '../../../src/domain/summary/organisation-view';
import { sampleSummary } from '../../support/summary-samples';
import { assuranceOverviewCard, assuranceReceiptCard, assuranceStatementCard } from '../../../src/cards/assurance-cards';
import { assuranceOutcome } from '../../../src/domain/assurance/assurance-outcome';
import type { StatementForm } from '../../../src/domain/assurance/assurance-service';
import { loadAssuranceTemplate } from '../../../src/storage/files/assurance-template-files';

const assuranceTemplate = loadAssuranceTemplate();
const statementRequest = {
  year: '2026-27',
  templateId: assuranceTemplate.id,
  dueOn: '2027-01-29',
  requestedAt: '2026-12-01T10:00:00.000Z',
  requestedById: 'aad-officer',
  requestedByName: 'Priya Officer',
};
/** Every note at its longest: the largest statement card there can be. */
const statementForm: StatementForm = {
  request: statementRequest,
  template: assuranceTemplate,
  organisation: { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] },
  values: Object.fromEntries(assuranceTemplate.items.map((item) => [item.id, { answer: 'partly' as const, note: 'x'.repeat(1000) }])),
  prefilledFrom: '2025-26',
  etag: 'W/"1"',
};
/** Five hundred organisations, every one part-way: the overview's lists are capped, not paged. */
const manyOrganisations = Array.from({ length: 500 }, (_, i) => ({
  id: `org-${i}`,
  name: `Organisation number ${i} with a long name of the kind councils have`,
  sector: 'local-government' as const,
  aliases: [],
}));
const assuranceOverview = assuranceOutcome(
  assuranceTemplate,
  statementRequest,
  manyOrganisations,
  manyOrganisations.map((o, i) => ({
    year: '2026-27',
    organisationId: o.id,
    answers: Object.fromEntries(
      assuranceTemplate.items.map((item) => [item.id, { answer: 'not-yet' as const, note: '', updatedById: 'a', updatedByName: 'A', updatedAt: '2026-12-02T10:00:00.000Z' }]),
    ),
    ...(i % 2 === 0 ? { confirmedAt: '2026-12-02T10:00:00.000Z', confirmedById: 'a', confirmedByName: 'A' } : {}),
  })),
);
import { figuresFormCard, figuresOverviewCard, figuresReceiptCard } from '../../../src/cards/figures-cards';
import { figuresContent } from '../../../src/domain/figures/figures-content';
import { CHANNEL, FIGURES_ORGANISATIONS, REFERRALS, sampleReturn, sampleSnapshot } from '../../support/figures-samples';
import { actionPrioritiesCard, prioritiesCard, priorityFormCard } from '../../../src/cards/priority-cards';
import { priorityCoverage } from '../../../src/domain/priorities/priority-coverage';
import type { PriorityRegister } from '../../../src/domain/priorities/priority';

/** The longest register a year may hold: twenty priorities, every text at its limit, and a 32-action plan to link. */
const fullRegister: PriorityRegister = {
  financialYear: '2026-27',
  status: 'draft',
  priorities: Array.from({ length: 20 }, (_, i) => ({ id: `P${i + 1}`, title: 't'.repeat(200), description: 'd'.repeat(1000), source: 's'.repeat(100), retired: i === 19 })),
  updatedById: 'aad-officer',
  updatedByName: 'Priya Officer',
  updatedAt: '2026-03-01T10:00:00.000Z',
  nonce: 'nonce-sample-register',
};
const planOf32 = Array.from({ length: 32 }, (_, i) => sampleAction(`${Math.floor(i / 6) + 1}.${(i % 6) + 1}`, { text: 'x'.repeat(2000), priorityIds: ['P1', 'P2'] }));

const framework2018 = parseFramework(JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'data', 'frameworks', 'home-office-2018.json'), 'utf8')));
/** Benchmark 7 (training) is the longest page: nine items, most with prompts, every detail box full. */
const longestSection = framework2018.sections.find((section) => section.number === 7)!;
const assessmentPage: AssessmentPage = {
  round: {
    id: '2026-27-q3',
    name: '2026/27 Q3',
    frameworkId: framework2018.id,
    closesOn: '2026-12-31',
    startedAt: '2026-11-22T09:00:00.000Z',
    startedById: 'aad-officer',
    startedByName: 'Priya Officer',
  },
  framework: framework2018,
  organisation: { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] },
  section: longestSection,
  index: 6,
  total: 10,
  values: Object.fromEntries(longestSection.items.map((item) => [item.id, { rating: 'developing' as const, details: 'x'.repeat(2000) }])),
  prefilledFrom: '2025/26 Q3',
  etag: 'W/"1"',
  submitted: false,
  incompleteSections: [8, 9],
};

const organisationNames = new Map([['police', 'Warwickshire and West Mercia Police']]);
const updated = {
  action: sampleAction('6.4'),
  progress: sampleProgress('nonce-sample', { evidenceUrl: 'https://example.org/evidence', revisedDate: '2027-01-31' }),
  etag: 'W/"1"',
};

const guidance = demoGuidance();

const chaseSubject: ChaseSubject = {
  kind: 'update-round',
  id: '2026-11-22T10:00:00.000Z',
  title: 'Action plan updates requested on 22 Nov 2026',
  deadline: '2026-12-04',
  owing: [
    {
      organisation: { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] },
      recipients: [{ aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' }],
      items: ['6.1', '6.4'],
    },
    { organisation: { id: 'rbc', name: 'Rugby Borough Council', sector: 'local-government', aliases: [] }, recipients: [], items: ['3.1'] },
  ],
};

/** One rendering per template with realistic data; a template without one fails the suite. */
const SAMPLES: Record<string, () => AdaptiveCardJson> = {
  'assurance-statement': () => assuranceStatementCard({ form: statementForm, nonce: 'nonce-0001', notice: 'Not saved', problems: ['Item 1: choose In place, Partly or Not yet'] }),
  'assurance-receipt': () => assuranceReceiptCard({ form: statementForm, savedBy: 'Pat Police', savedAt: '2026-12-02T10:00:00.000Z', confirmed: false }),
  'assurance-overview': () => assuranceOverviewCard(assuranceOverview, true),
  'referral-pathway': () => referralPathwayCard({ partnershipName: guidance.partnershipName, pathway: guidance.referralPathway }),
  training: () => trainingCard({ partnershipName: guidance.partnershipName, training: guidance.training }),
  help: () => helpCard({ capabilities: CAPABILITIES }),
  'did-you-mean': () => didYouMeanCard({ suggestions: CAPABILITIES.slice(0, 3), referralQuestion: 'How do I make a referral?' }),
  acknowledgement: () => acknowledgementCard(),
  welcome: () => welcomeCard({ partnershipName: guidance.partnershipName, capabilities: CAPABILITIES }),
  'action-update': () =>
    actionUpdateCard({
      record: updated,
      organisationNames,
      today: '2026-11-22',
      nonce: 'nonce-0001',
      notice: 'Not saved',
      problems: ['It looks like it contains an email address.'],
    }),
  'action-receipt': () => actionReceiptCard({ record: updated, organisationNames, today: '2026-11-22', duplicate: true }),
  'my-actions': () =>
    myActionsCard({
      heading: 'Actions for Warwickshire and West Mercia Police',
      records: [updated, { action: sampleAction('6.1'), etag: 'W/"2"' }],
      organisationNames,
      today: '2026-11-22',
      emptyMessage: '',
    }),
  'round-progress': () =>
    roundProgressCard({
      round: { startedAt: '2026-11-22T09:00:00.000Z', requestedById: 'aad-officer', requestedByName: 'Priya Officer', channelActivityId: 'a1' },
      updated: 3,
      total: 33,
      waitingFor: ['Warwickshire County Council', 'Rugby Borough Council'],
    }),
  'delivery-status': () =>
    deliveryStatusCard(
      deliveryView(
        {
          id: '20261122100000-b1',
          partnershipId: 'warwickshire',
          title: 'Update requests',
          kind: 'update-request',
          createdAt: '2026-11-22T10:00:00.000Z',
          organisations: 60,
          unreached: Array.from({ length: 40 }, (_, i) => `Lead ${i} (Organisation ${i} of the partnership): has not opened a chat with the bot yet`),
          notes: [
            'Updates are due by 4 Dec 2026 (10 working days from today). Reminders go to anyone who has not replied on 25 Nov 2026 and 2 Dec 2026.',
            'The progress card is being posted in the partnership channel.',
          ],
        },
        Array.from({ length: 300 }, (_, i) => ({
          id: String(i).padStart(5, '0'),
          status: i < 60 ? ('undeliverable' as const) : i < 80 ? ('failed' as const) : i < 100 ? ('queued' as const) : ('sent' as const),
          recipient: { name: `Person ${i} Longname`, organisationName: `Organisation ${i % 60} of the partnership` },
          ...(i < 80 ? { lastError: i < 60 ? 'has blocked or removed the bot' : 'Teams did not accept the message (gave up after 8 attempts)' } : {}),
        })),
      ),
    ),
  chaser: () => chaserCard(chaseSubject, chaseSubject.owing[0]!),
  'not-replied': () =>
    notRepliedCard({
      subjects: [chaseSubject, { ...chaseSubject, kind: 'meeting', id: '2027-03-12-1000', title: 'Steering Group meeting on 12 Mar 2027', deadline: '2027-03-12' }],
      targets: [{ subject: chaseSubject, owing: chaseSubject.owing[0]!, recipient: chaseSubject.owing[0]!.recipients[0]!, onceKey: 'k', chasedToday: true, reference: '{}' }],
      chaserWorkingDays: [7, 2],
      canChase: true,
    }),
  'partnership-overview': () =>
    partnershipOverviewCard({
      organisations: [{ id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [], preventLeadId: 'aad-police' }],
      members: [{ aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' }],
      canEdit: true,
      notice: 'Saved.',
    }),
  'member-form': () =>
    memberFormCard({
      people: [{ aadObjectId: 'aad-police', name: 'Pat Police' }],
      organisations: [{ id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] }],
      intro: 'Choose someone.',
      problems: ['choose a role'],
    }),
  'organisation-form': () => organisationFormCard({ problems: ['choose a sector'], values: { name: 'Rugby Borough Council' } }),
  'plan-import-result': () =>
    planImportCard('plan.xlsx', {
      saved: false,
      result: { actions: [], problems: Array.from({ length: 40 }, (_, i) => ({ row: i + 2, message: 'no owner organisation matches "X"' })) },
      summary: ['Nothing imported: 40 rows could not be read', ...Array.from({ length: 40 }, (_, i) => `row ${i + 2}: no owner organisation matches "X"`)].join('\n'),
    }),
  'organisation-pick': () => organisationPickCard([{ id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] }]),
  'assessment-page': () => assessmentPageCard({ page: assessmentPage, nonce: 'nonce-0001', notice: 'Not saved', problems: ['7.1: choose a rating'] }),
  'assessment-receipt': () => assessmentReceiptCard({ page: assessmentPage, savedBy: 'Pat Police', savedAt: '2026-11-22T10:00:00.000Z' }),
  'assessment-start': () =>
    assessmentStartCard({ frameworks: [{ id: framework2018.id, title: framework2018.title }], values: { name: '2026/27 Q3' }, problems: ['choose the closing date'] }),
  agenda: () =>
    agendaCard(
      {
        id: '2027-03-12-1000',
        startsAt: '2027-03-12T10:00:00.000Z',
        location: 'Shire Hall, Warwick',
        agenda: [
          ...STANDING_ITEMS,
          {
            id: 'actions-attention',
            title: 'Actions that are off track or overdue',
            details: Array.from({ length: 40 }, (_, i) => `6.${i} (Warwickshire County Council): Off track, overdue since 2018-03-31`),
            source: 'generated',
          },
        ],
        scheduledById: 'aad-officer',
        scheduledByName: 'Priya Officer',
        scheduledAt: '2026-11-22T10:00:00.000Z',
        decisions: [],
        attendance: { police: { status: 'apologies', byId: 'aad-police', byName: 'Pat Police', at: '2027-03-01T09:00:00.000Z' } },
      },
      {
        notice: 'Meeting scheduled.',
        replies: {
          organisationNames: new Map([
            ['police', 'Warwickshire and West Mercia Police'],
            ['swft', 'South Warwickshire NHS Foundation Trust'],
          ]),
        },
      },
    ),
  'agenda-editor': () =>
    agendaEditorCard(
      {
        id: '2027-03-12-1000',
        startsAt: '2027-03-12T10:00:00.000Z',
        location: '',
        agenda: [...STANDING_ITEMS.slice(0, 3), { id: 'added-1', title: 'Venue hire policy review', details: [], source: 'added', owner: 'Rugby Borough Council' }],
        scheduledById: 'aad-officer',
        scheduledByName: 'Priya Officer',
        scheduledAt: '2026-11-22T10:00:00.000Z',
        attendance: {},
        decisions: [],
      },
      { text: 'Agenda updated.', problem: false },
    ),
  'decision-form': () =>
    decisionFormCard({
      meeting: {
        id: '2027-03-12-1000',
        startsAt: '2027-03-12T10:00:00.000Z',
        location: '',
        agenda: [...STANDING_ITEMS],
        scheduledById: 'aad-officer',
        scheduledByName: 'Priya Officer',
        scheduledAt: '2026-11-22T10:00:00.000Z',
        attendance: {},
        decisions: [{ itemId: 'training', itemTitle: 'Training', text: 'Refresh WRAP dates', newActionId: '3.6', byId: 'a', byName: 'A', at: '2027-03-12T11:00:00.000Z' }],
      },
      themes: [{ number: 3, title: 'Awareness, Learning and Development' }],
      organisations: [{ id: 'police', name: 'Warwickshire and West Mercia Police' }],
      notice: { text: 'Decision recorded.', problem: false },
    }),
  'meeting-form': () => meetingFormCard({ problems: ['That time has already passed.'], values: { date: '2027-03-12' } }),
  'board-report': () =>
    boardReportCard({
      partnershipName: 'Warwickshire Prevent Partnership',
      summary: boardReportFixture().summary,
      areas: boardReportFixture().areas,
      links: {
        docx: `https://prevent-bot.example.org/reports/${'a'.repeat(240)}.${'b'.repeat(43)}`,
        xlsx: `https://prevent-bot.example.org/reports/${'c'.repeat(240)}.${'d'.repeat(43)}`,
        csv: `https://prevent-bot.example.org/reports/${'e'.repeat(240)}.${'f'.repeat(43)}`,
      },
      expiresAt: new Date('2026-11-22T10:15:00Z'),
    }),
  problem: () =>
    problemCard({ title: 'Not saved, try again', message: 'Storage did not answer.', details: ['a', 'b'], hint: 'Try again.', showEmergencyLine: true, reference: 'AB12CD34' }),
  'compliance-summary': () => complianceSummaryCard(sampleSummary(framework2018, { organisations: 12 })),
  'benchmark-summary': () => benchmarkSummaryCard(sampleSummary(framework2018, { organisations: 12, benchmark: 7 })),
  'organisation-summary': () =>
    organisationSummaryCard({
      notice: 'The full compliance summary is for the Steering Group.',
      view: organisationView({
        organisation: { id: 'police', name: 'Warwickshire and West Mercia Police' },
        round: assessmentPage.round,
        framework: framework2018,
        ownReturn: {
          roundId: assessmentPage.round.id,
          organisationId: 'police',
          ratings: { '1.1': { rating: 'developing', details: '', updatedById: 'a', updatedByName: 'A', updatedAt: '2026-11-01T09:00:00.000Z' } },
        },
        actions: [updated, { action: sampleAction('6.1'), etag: 'W/"2"' }],
        organisations: [{ id: 'police', name: 'Warwickshire and West Mercia Police' }],
        today: '2026-11-22',
        generatedAt: '2026-11-22T10:00:00.000Z',
      }),
    }),
  priorities: () =>
    prioritiesCard(
      {
        financialYear: '2026-27',
        record: { register: fullRegister, etag: 'W/"3"' },
        coverage: priorityCoverage(fullRegister, planOf32),
        years: ['2026-27', '2025-26'],
        mayEdit: true,
        actions: planOf32,
      },
      { nonce: 'nonce-sample', notice: { text: 'Priority P3 saved.', problem: false } },
    ),
  'priority-form': () =>
    priorityFormCard(
      { financialYear: '2026-27', priority: fullRegister.priorities[0]!, nextId: 'P21', etag: 'W/"3"' },
      { nonce: 'nonce-sample', notice: { text: 'Not saved: give the priority a title.', problem: true } },
    ),
  'action-priorities': () =>
    actionPrioritiesCard(
      { record: { action: planOf32[0]!, etag: 'W/"2"' }, financialYear: '2026-27', priorities: fullRegister.priorities },
      { notice: { text: 'Saved: action 1.1 addresses P1, P2.', problem: false } },
    ),
  'channel-lost': () => channelLostCard({ name: 'Steering Group', reason: 'channel-deleted' }),
  'figures-form': () =>
    figuresFormCard({
      form: {
        quarter: '2026-27 Q2',
        kind: 'referrals',
        organisationId: 'police',
        organisation: FIGURES_ORGANISATIONS[2]!,
        current: { value: sampleReturn('2026-27 Q2', 'police', REFERRALS), etag: 'W/"1"' },
        previous: REFERRALS,
      },
      nonce: 'nonce-sample-card',
      notice: 'Not saved: please fix the following and submit again.',
      problems: ['the referrals by outcome add up to 24 but the referrals by sector add up to 25'],
    }),
  'figures-receipt': () =>
    figuresReceiptCard({ value: sampleReturn('2026-27 Q2', 'wcc', { ...CHANNEL, issuesOfConcern: 'x'.repeat(1000) }), etag: 'W/"2"' }, 'Warwickshire County Council', true),
  'figures-overview': () => {
    const snapshot = sampleSnapshot();
    return figuresOverviewCard(
      {
        content: figuresContent(
          { ...snapshot, returns: snapshot.returns.map((r) => (r.figures.kind === 'channel' ? { ...r, figures: { ...r.figures, issuesOfConcern: 'y'.repeat(1000) } } : r)) },
          '2026-27 Q2',
        ),
        providers: snapshot.providers,
        canRequest: true,
      },
      [{ quarter: '2026-27 Q2', kind: 'referrals', organisationId: 'police' }],
    );
  },
  'summary-who-to-ask': () => summaryWhoToAskCard({ organisationName: 'Rugby Borough Council', preventLeadName: 'Rita Rugby', preventOfficerNames: ['Priya Officer'] }),
};

const templates = readdirSync(CARDS_DIRECTORY)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

describe('card templates', () => {
  it('has a sample rendering for every template in cards/', () => {
    expect(templates.filter((name) => !SAMPLES[name])).toEqual([]);
  });

  it.each(templates)('%s renders to a valid Adaptive Card 1.5 under the Teams size limit', (name) => {
    expect(cardProblems(SAMPLES[name]!())).toEqual([]);
  });
});

describe('Teams chart elements in the template checks', () => {
  const withBody = (element: Record<string, unknown>) => ({ type: 'AdaptiveCard', version: '1.5', body: [element] });
  const fallback = { type: 'TextBlock', text: 'Achieving 2, Developing 1', wrap: true };

  it.each(TEAMS_CHART_TYPES)('accepts %s when it carries a fallback element', (type) => {
    expect(cardProblems(withBody({ type, title: 'Ratings', data: [], fallback }))).toEqual([]);
  });

  it.each(TEAMS_CHART_TYPES)('refuses %s without a fallback element', (type) => {
    expect(cardProblems(withBody({ type, title: 'Ratings', data: [] }))).toEqual([`${type} has no fallback element for clients without charts`]);
  });

  it('refuses a chart whose fallback is only "drop"', () => {
    expect(cardProblems(withBody({ type: 'Chart.Pie', data: [], fallback: 'drop' }))).toEqual(['Chart.Pie has no fallback element for clients without charts']);
  });

  it('still refuses any other element the parser does not know, fallback or not', () => {
    expect(cardProblems(withBody({ type: 'Chart.Radar', data: [], fallback }))).toEqual([expect.stringContaining('Unknown element type "Chart.Radar"')]);
  });

  it('checks the fallback itself, as clients without charts render it', () => {
    expect(cardProblems(withBody({ type: 'Chart.Donut', data: [], fallback: { type: 'Input.Text', id: 'x' } }))).toEqual(['input "x" has no label']);
  });
});

describe('referral pathway card', () => {
  it('puts the call-999 line before anything else', () => {
    const card = SAMPLES['referral-pathway']!();
    const first = JSON.stringify(card.body[0]);
    expect(first).toContain('999');
    expect(first).toContain('"style":"attention"');
  });

  it('offers every pathway link as a button', () => {
    const card = SAMPLES['referral-pathway']!();
    expect(card.actions).toEqual(guidance.referralPathway.links.map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url })));
  });
});

describe('training card', () => {
  it('shows every course, with a link button only for courses that have one', () => {
    const json = JSON.stringify(SAMPLES['training']!());
    for (const course of guidance.training.courses) expect(json).toContain(course.title);
    const linkButtons = json.match(/"type":"Action.OpenUrl"/g) ?? [];
    expect(linkButtons).toHaveLength(guidance.training.courses.filter((c) => c.link).length);
  });
});

describe('help card', () => {
  it('never repeats what was typed: the help card has no field for it', () => {
    expect(JSON.stringify(helpCard({ capabilities: CAPABILITIES }))).not.toContain('did not understand');
  });

  it('gives each capability a button that asks its example question', () => {
    const card = helpCard({ capabilities: CAPABILITIES });
    const data = { verb: 'ask', question: 'How do I make a referral?' };
    expect(card.actions).toContainEqual({
      type: 'Action.Execute',
      title: 'How do I make a referral?',
      verb: 'ask',
      data,
      fallback: { type: 'Action.Submit', title: 'How do I make a referral?', data },
    });
  });
});
