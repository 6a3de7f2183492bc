import { figureFieldIds, figuresOpenSubmitSchema, figuresSaveSubmitSchema } from '../../../src/cards/figures-cards';
import { RETURN_KINDS } from '../../../src/domain/figures/figures';
import type { Activity } from 'botbuilder';
import { ZodEffects, ZodObject, type ZodTypeAny } from 'zod';
import { actionOpenSubmitSchema, actionUpdateSubmitSchema } from '../../../src/cards/action-cards';
import { askSubmitSchema } from '../../../src/cards/ask-action';
import { assessmentOpenSubmitSchema, assessmentSaveSubmitSchema, assessmentStartSubmitSchema } from '../../../src/cards/assessment-cards';
import { chaserOpenSubmitSchema } from '../../../src/cards/chaser-card';
import { FREE_TEXT_FIELDS, screenFreeText } from '../../../src/cards/free-text-fields';
import { agendaEditSubmitSchema, decisionSaveSubmitSchema, meetingReplySubmitSchema, meetingScheduleSubmitSchema } from '../../../src/cards/meeting-cards';
import { memberSaveSubmitSchema, openFormSubmitSchema, organisationEditSubmitSchema, organisationSaveSubmitSchema } from '../../../src/cards/partnership-cards';
import { summaryBenchmarkSubmitSchema, summaryOpenSubmitSchema } from '../../../src/cards/summary-cards';
import { screenForPersonalData } from '../../../src/domain/privacy/screen';
import { botHarness, cardOf, cardSubmit, cardText, PEOPLE, teamsMessage } from '../../support/bot-harness';

const plain = (text: string) => text.replace(/\\/g, '');

/** Fields that are chosen, not typed (ids, enums, dates, numbers), or typed but never stored. */
const NOT_STORED_FREE_TEXT = new Set([
  'verb',
  'actionId',
  'nonce',
  'etag',
  'status',
  'revisedDate',
  'meetingId',
  'date',
  'time',
  'op',
  'itemId',
  'themeNumber',
  'ownerOrganisationId',
  'dueDate',
  'then',
  'roundId',
  'organisationId',
  'section',
  'index',
  'frameworkId',
  'closesOn',
  'quorum',
  'sector',
  'aadObjectId',
  'role',
  'preventLead',
  'subjectId',
  'kind',
  'benchmark',
  // The ask card's question is answered like a typed message and never written anywhere.
  'question',
  // A figures card's quarter and numbers: checked as whole numbers by the figures service.
  'quarter',
  ...RETURN_KINDS.flatMap(figureFieldIds),
]);

const SCHEMAS: readonly ZodTypeAny[] = [
  actionUpdateSubmitSchema,
  actionOpenSubmitSchema,
  askSubmitSchema,
  assessmentOpenSubmitSchema,
  assessmentSaveSubmitSchema,
  assessmentStartSubmitSchema,
  chaserOpenSubmitSchema,
  agendaEditSubmitSchema,
  decisionSaveSubmitSchema,
  meetingReplySubmitSchema,
  meetingScheduleSubmitSchema,
  memberSaveSubmitSchema,
  openFormSubmitSchema,
  organisationEditSubmitSchema,
  organisationSaveSubmitSchema,
  summaryBenchmarkSubmitSchema,
  summaryOpenSubmitSchema,
  figuresOpenSubmitSchema,
  figuresSaveSubmitSchema,
];

function shapeOf(schema: ZodTypeAny): Record<string, ZodTypeAny> {
  if (schema instanceof ZodEffects) return shapeOf(schema.innerType());
  if (schema instanceof ZodObject) return schema.shape as Record<string, ZodTypeAny>;
  throw new Error(`not an object schema: ${schema.constructor.name}`);
}

function verbOf(schema: ZodTypeAny): string[] {
  const verb = shapeOf(schema)['verb'] as unknown as { _def: { value?: string; values?: string[] } };
  return verb._def.value !== undefined ? [verb._def.value] : (verb._def.values ?? []);
}

const SAMPLE = 'Ring jo.bloggs@example.com about it';

/** Each free-text field, with something personal for it and something a governance note would hold. */
const CASES: readonly { verb: string; key: string; personal: string | string[]; clean: string | string[] }[] = [
  { verb: 'action-update', key: 'progressNote', personal: 'Met the family of Mrs Khan, CV34 4RL', clean: 'WRAP sessions delivered to 40 staff in Q3' },
  {
    verb: 'action-update',
    key: 'evidenceUrl',
    personal: 'https://intranet.example.org/notes?contact=jo.bloggs@example.com',
    clean: 'https://intranet.example.org/prevent/minutes-2026-11.pdf',
  },
  { verb: 'meeting-schedule', key: 'location', personal: 'Home of Mrs Khan, CV34 4RL', clean: 'Shire Hall, Warwick' },
  { verb: 'agenda-edit', key: 'title', personal: 'Case of John Smith, DOB 12/03/2009', clean: 'Venue hire policy review' },
  { verb: 'agenda-edit', key: 'owner', personal: 'Call 07700 900123', clean: 'Rugby Borough Council' },
  { verb: 'decision-save', key: 'text', personal: 'Refer NHS number 943 476 5919 to Channel', clean: 'Run two extra WRAP sessions' },
  { verb: 'decision-save', key: 'actionText', personal: SAMPLE, clean: 'Deliver two extra WRAP sessions' },
  { verb: 'assessment-start', key: 'name', personal: 'Q3 for AB 12 34 56 C', clean: '2026/27 Q3' },
  { verb: 'assessment-save', key: 'details-1-1', personal: SAMPLE, clean: 'Policy approved by the board in March 2026' },
  { verb: 'assurance-save', key: 'note-records', personal: 'Referral for jo.bloggs@example.com logged', clean: 'Training log kept by HR and reviewed in March' },
  { verb: 'organisation-save', key: 'name', personal: SAMPLE, clean: 'Rugby Borough Council' },
  {
    verb: 'figures-save',
    key: 'issuesOfConcern',
    personal: 'Delay for j.bloggs@example.com at consent',
    clean: 'Consent is taking longer than the guidance expects at two schools',
  },
  { verb: 'organisation-save', key: 'aliases', personal: ['RBC', SAMPLE], clean: ['RBC', 'Rugby BC'] },
  { verb: 'priority-save', key: 'title', personal: 'Support for John Smith, DOB 12/03/2009', clean: 'Online radicalisation of young people' },
  { verb: 'priority-save', key: 'description', personal: SAMPLE, clean: 'Self-initiated terrorism and mixed ideologies among under-18s, CTLP 2026' },
  { verb: 'priority-save', key: 'source', personal: 'Call 07700 900123', clean: 'CTLP 2026' },
];

describe('the personal-data screen on every free-text field', () => {
  it('lists every submit field that is neither chosen from a list nor never stored', () => {
    const unlisted = SCHEMAS.flatMap((schema) => {
      const [verb] = verbOf(schema);
      const listed = (FREE_TEXT_FIELDS[verb!] ?? []).map((f) => f.field);
      return Object.keys(shapeOf(schema))
        .filter((key) => !NOT_STORED_FREE_TEXT.has(key))
        .filter((key) => !listed.some((field) => (typeof field === 'string' ? field === key : field.test(key))))
        .map((key) => `${verb}.${key}`);
    });
    expect(unlisted).toEqual([]);
  });

  it('has a case below for every listed field', () => {
    const listed = Object.entries(FREE_TEXT_FIELDS).flatMap(([verb, fields]) => fields.map((f) => `${verb}.${String(f.field)}`));
    const covered = new Set(
      CASES.map((c) => {
        const field = FREE_TEXT_FIELDS[c.verb]!.find((f) => (typeof f.field === 'string' ? f.field === c.key : f.field.test(c.key)))!;
        return `${c.verb}.${String(field.field)}`;
      }),
    );
    expect(listed.filter((field) => !covered.has(field))).toEqual([]);
  });

  it.each(CASES)('catches personal data in $verb $key, naming the field', ({ verb, key, personal }) => {
    const problems = screenFreeText(verb, { [key]: personal }, screenForPersonalData, 'all');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the .+: It looks like it contains .+\. Please remove it\.$/);
  });

  it.each(CASES)('lets governance text through in $verb $key', ({ verb, key, clean }) => {
    expect(screenFreeText(verb, { [key]: clean }, screenForPersonalData, 'all')).toEqual([]);
  });
});

describe('free-text fields screened when the card is submitted', () => {
  type Harness = Awaited<ReturnType<typeof botHarness>>;

  /** Submits a card and returns what came back, whether the card was replaced or a new one sent. */
  async function submit(harness: Harness, value: Record<string, unknown>, from: (typeof PEOPLE)[keyof typeof PEOPLE]): Promise<string> {
    const replaced = harness.adapter.replaced.length;
    const sent = harness.adapter.activeQueue.length;
    await harness.adapter.send(cardSubmit(value, from));
    const answers = [...harness.adapter.replaced.slice(replaced), ...harness.adapter.activeQueue.slice(sent)] as Partial<Activity>[];
    return answers.map((answer) => plain(cardText(answer))).join('\n');
  }

  it('refuses a meeting location holding personal data and schedules nothing', async () => {
    const harness = await botHarness();
    const answer = await submit(harness, { verb: 'meeting-schedule', date: '2027-06-10', time: '14:30', location: 'Home of Mrs Khan, CV34 4RL' }, PEOPLE.officer);
    expect(answer).toContain("the location: It looks like it contains a person's name and postcode");
    expect(await harness.services.meetings.next('warwickshire')).toBeUndefined();
  });

  it('refuses an agenda item owner holding personal data and leaves the agenda as it was', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    const before = (await harness.services.meetings.next('warwickshire'))!.agenda;
    const answer = await submit(
      harness,
      { verb: 'agenda-edit', op: 'add', meetingId: '2027-03-12-1000', title: 'Venue hire policy review', owner: 'Call 07700 900123' },
      PEOPLE.chair,
    );
    expect(answer).toContain('the item owner: It looks like it contains a phone number');
    expect((await harness.services.meetings.next('warwickshire'))!.agenda).toEqual(before);
  });

  it('gives the update card back with the typed link for an evidence link holding personal data, storing nothing', async () => {
    const harness = await botHarness();
    let data: Record<string, string> = {};
    await harness.adapter.send(teamsMessage('update action 6.4', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      data = (cardOf(reply) as { actions: { data: Record<string, string> }[] }).actions[0]!.data;
    });
    const evidenceUrl = 'https://intranet.example.org/notes?contact=jo.bloggs@example.com';
    const answer = await submit(harness, { ...data, status: 'on-track', progressNote: 'Checklist agreed', evidenceUrl, revisedDate: '' }, PEOPLE.policeLead);
    expect(answer).toContain('It looks like it contains an email address. Please remove it.');
    expect(answer).toContain(evidenceUrl);
    expect(await harness.actions.history('warwickshire', '6.4')).toEqual([]);
  });

  it('refuses a self-assessment round name holding personal data and starts no round', async () => {
    const harness = await botHarness();
    const answer = await submit(harness, { verb: 'assessment-start', name: 'Q3 for AB 12 34 56 C', frameworkId: 'home-office-2018', closesOn: '2027-01-31' }, PEOPLE.officer);
    expect(answer).toContain('the round name: It looks like it contains a National Insurance number');
    expect(await harness.assessments.listRounds('warwickshire')).toEqual([]);
  });

  it('gives the priority form back with what was typed for a description holding personal data, saving nothing', async () => {
    const harness = await botHarness();
    const answer = await submit(
      harness,
      {
        verb: 'priority-save',
        financialYear: '2026-27',
        nonce: 'nonce-priority-privacy',
        etag: '',
        title: 'Online radicalisation',
        description: SAMPLE,
        source: '',
        retired: 'false',
      },
      PEOPLE.officer,
    );
    expect(answer).toContain('Not saved: please remove the personal details');
    expect(answer).toContain('Online radicalisation');
    expect(await harness.priorityRepository.list('warwickshire')).toEqual([]);
  });

  it('gives the organisation form back for another name holding personal data, saving nothing', async () => {
    const harness = await botHarness();
    const answer = await submit(harness, { verb: 'organisation-save', name: 'Rugby Borough Council', sector: 'local-government', aliases: `RBC, ${SAMPLE}` }, PEOPLE.officer);
    expect(answer).toContain('It looks like it contains an email address. Please remove it.');
    expect((await harness.organisations.list('warwickshire')).map((o) => o.name)).not.toContain('Rugby Borough Council');
  });
});
