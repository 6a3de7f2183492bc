import { CAPABILITIES } from '../../../src/domain/language/capabilities';
import { answerOf } from '../../../src/domain/language/evaluation';
import { INTENT_IDS, type IntentId } from '../../../src/domain/language/intents';
import { loadLanguageUnderstanding } from '../../../src/storage/files/language-files';
import { cardSubmit, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';
import { isRefusal, runTurn } from '../../support/bot-turn';
import { seededHarness, VALID_PAYLOADS } from '../../support/card-payloads';
import { exportedCardVerbs, VERB_SCHEMAS } from '../../support/card-verbs';
import { repositorySnapshot } from '../../support/repository-snapshot';

/** The five kinds of person the issue names. Pat Police's organisation owns actions 6.1 and 6.4. */
const WHO = {
  staff: PEOPLE.staff,
  ownerLead: PEOPLE.policeLead,
  otherLead: PEOPLE.healthLead,
  chair: PEOPLE.chair,
  officer: PEOPLE.officer,
} as const satisfies Record<string, Person>;
type Who = keyof typeof WHO;
const COLUMNS = Object.keys(WHO) as Who[];

const A = 'answer';
const R = 'refused';
type Expected = typeof A | typeof R;
/** [staff, partner lead of the owner, partner lead of another organisation, chair, Prevent Officer]. */
type Row = readonly [Expected, Expected, Expected, Expected, Expected];

const EVERYONE: Row = [A, A, A, A, A];
const STEERING_GROUP: Row = [R, R, R, A, A];
const OFFICER_ONLY: Row = [R, R, R, R, A];
/** The police's own business: their lead, the chair (for actions) and the Prevent Officer. */
const OWNER_CHAIR_OFFICER: Row = [R, A, R, A, A];
const OWNER_OFFICER: Row = [R, A, R, R, A];
const ORGANISATION_MEMBERS: Row = [R, A, A, R, A];
/** Everyone with a role in the partnership: the Situational Assessment's priorities are shared with partners, not all staff. */
const MEMBERS: Row = [R, A, A, A, A];

/** What each command gives each person. Staff and partner leads get their own answer to "how are we doing?". */
const COMMANDS: Record<IntentId, Row> = {
  referral: EVERYONE,
  training: EVERYONE,
  // From a partner lead the words mean the updates they owe: their own actions (role-meaning.ts).
  'request-updates': [R, A, A, R, A],
  'send-chasers': OFFICER_ONLY,
  'not-replied': STEERING_GROUP,
  'schedule-meeting': STEERING_GROUP,
  'post-agenda': STEERING_GROUP,
  'edit-agenda': STEERING_GROUP,
  'record-decisions': STEERING_GROUP,
  agenda: EVERYONE,
  // A partner lead "starting" the self-assessment means their own return; the chair asking for it means the results.
  'start-self-assessment': [R, A, A, R, A],
  'self-assessment': [R, A, A, A, A],
  'compliance-summary': EVERYONE,
  report: STEERING_GROUP,
  partnership: STEERING_GROUP,
  'my-actions': EVERYONE,
  'update-action': OWNER_CHAIR_OFFICER,
  help: EVERYONE,
  thanks: EVERYONE,
  // Typed in a 1:1 chat the officer is told to type it in the channel; everyone else is refused.
  'use-this-channel': OFFICER_ONLY,
  // A lead gets their own organisation's statement; the chair and the Prevent Officer who has returned.
  'assurance-statements': [R, A, A, A, A],
  'request-assurance-statements': OFFICER_ONLY,
  // Numbers only, for anyone with a role; staff are told politely who to ask.
  'quarterly-figures': [R, A, A, A, A],
  'request-figures': OFFICER_ONLY,
  priorities: MEMBERS,
  'add-priority': OFFICER_ONLY,
};

/** The catalogue's example phrasing, except where the matrix needs a police-owned action. */
const PHRASING_OVERRIDES: Partial<Record<IntentId, string>> = { 'update-action': 'Update action 6.4', thanks: 'Thanks' };

/** What each card verb gives each person, sent with a payload its schema accepts. */
const VERBS: Record<string, Row> = {
  ask: EVERYONE,
  'action-open': OWNER_CHAIR_OFFICER,
  'action-update': OWNER_CHAIR_OFFICER,
  'meeting-schedule': STEERING_GROUP,
  'meeting-reply': ORGANISATION_MEMBERS,
  // Everyone may look: the view itself says who may reply.
  'agenda-view': EVERYONE,
  'round-progress-view': EVERYONE,
  'assessment-progress-view': EVERYONE,
  'channel-card-view': EVERYONE,
  'agenda-edit': STEERING_GROUP,
  'decision-save': STEERING_GROUP,
  'assessment-start': OFFICER_ONLY,
  'assessment-open': OWNER_OFFICER,
  'assessment-save': OWNER_OFFICER,
  'chaser-open': OWNER_OFFICER,
  'summary-benchmark': STEERING_GROUP,
  'summary-open': STEERING_GROUP,
  'member-form': OFFICER_ONLY,
  'organisation-form': OFFICER_ONLY,
  'organisation-pick': OFFICER_ONLY,
  'organisation-edit': OFFICER_ONLY,
  'member-save': OFFICER_ONLY,
  'organisation-save': OFFICER_ONLY,
  'actions-page': EVERYONE,
  'partnership-page': STEERING_GROUP,
  'not-replied-page': STEERING_GROUP,
  'assurance-open': OWNER_OFFICER,
  'assurance-save': OWNER_OFFICER,
  // The police give the referral figures: their lead, or the Prevent Officer on their behalf.
  'figures-open': OWNER_OFFICER,
  'figures-save': OWNER_OFFICER,
  'priorities-view': MEMBERS,
  'priority-form': OFFICER_ONLY,
  'priority-save': OFFICER_ONLY,
  'priorities-agree': OFFICER_ONLY,
  'priority-link-open': OFFICER_ONLY,
  'priority-link-save': OFFICER_ONLY,
};

const COMMAND_CASES = INTENT_IDS.flatMap((id) => {
  const phrasing = PHRASING_OVERRIDES[id] ?? CAPABILITIES.find((c) => c.intent === id)?.example ?? `(no example phrasing for ${id})`;
  return COLUMNS.map((who, column) => ({ intent: id, phrasing, who, expected: COMMANDS[id]?.[column] }));
});

const VERB_CASES = exportedCardVerbs().flatMap((verb) => COLUMNS.map((who, column) => ({ verb, who, expected: VERBS[verb]?.[column] })));

describe('role matrix', () => {
  it('has a row for every command in the intent catalogue', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...INTENT_IDS].sort());
  });

  it('has a row for every card verb the cards export, each with the schema the bot parses it with', () => {
    const verbs = exportedCardVerbs();
    expect(Object.keys(VERBS).sort()).toEqual(verbs);
    expect(Object.keys(VERB_SCHEMAS).sort()).toEqual(verbs);
    expect(Object.keys(VALID_PAYLOADS).sort()).toEqual(verbs);
  });

  it.each([...INTENT_IDS])('the phrasing used for %s is understood as that command', async (intent) => {
    const phrasing = PHRASING_OVERRIDES[intent] ?? CAPABILITIES.find((c) => c.intent === intent)?.example ?? '';
    const language = await loadLanguageUnderstanding();
    expect(answerOf(await language.understand(phrasing, 'prevent-officer'))).toBe(intent);
  });

  it.each(COMMAND_CASES)('command $intent ("$phrasing"): $who gets $expected', async ({ phrasing, who, expected }) => {
    const { harness } = await seededHarness();
    const before = await repositorySnapshot(harness);
    const outcome = await runTurn(harness, teamsMessage(phrasing, undefined, WHO[who]));
    expect(outcome.cards.length).toBeGreaterThan(0);
    expect(isRefusal(outcome) ? R : A).toBe(expected);
    if (expected === R) expect(await repositorySnapshot(harness)).toBe(before);
  });

  it.each(VERB_CASES)('card verb $verb: $who gets $expected', async ({ verb, who, expected }) => {
    const { harness, seeds } = await seededHarness();
    const value = { verb, ...VALID_PAYLOADS[verb]!(seeds) };
    expect(VERB_SCHEMAS[verb]!.safeParse(value).success).toBe(true);
    const before = await repositorySnapshot(harness);
    const outcome = await runTurn(harness, cardSubmit(value, WHO[who]));
    expect(outcome.cards.length).toBeGreaterThan(0);
    expect(isRefusal(outcome) ? R : A).toBe(expected);
    if (expected === R) expect(await repositorySnapshot(harness)).toBe(before);
  });
});
