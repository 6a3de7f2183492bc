import type { Role } from '../partnership/member';
import type { IntentId } from './intents';

export interface Capability {
  readonly intent: IntentId;
  readonly title: string;
  /** A phrasing the matcher understands; the help card sends it back when its button is pressed. */
  readonly example: string;
  readonly description: string;
  /** Offered as a button on the help and welcome cards (cards carry a handful of buttons at most). */
  readonly button: boolean;
  /** Who is offered it; absent means everyone. The command itself checks the role again. */
  readonly roles?: readonly Role[];
  /**
   * The answer is for the person who asked only (names, ratings, download links, forms): asked in a
   * channel or group chat, it goes to their 1:1 chat with the bot and the conversation gets one
   * line saying so. This property is the one list of such answers.
   */
  readonly oneToOne?: true;
}

/** Where a message was typed: the person's 1:1 chat with the bot, or a conversation others read. */
export type Conversation = 'personal' | 'shared';

/** Teams' conversation types: only "personal" is the 1:1 chat; channels and group chats are read by others. */
export function conversationOf(conversationType: string | undefined): Conversation {
  return conversationType === 'personal' ? 'personal' : 'shared';
}

/** What the help and welcome cards offer. Only capabilities the bot really answers belong here. */
export const CAPABILITIES: readonly Capability[] = [
  {
    intent: 'referral',
    title: 'Make a Prevent referral',
    example: 'How do I make a referral?',
    description: 'The local referral pathway, starting with what to do if someone is in immediate danger.',
    button: true,
  },
  {
    intent: 'training',
    title: 'Prevent training',
    example: 'Training',
    description: 'The training available to staff in the partnership, with links.',
    button: true,
  },
  {
    intent: 'my-actions',
    title: 'My actions',
    example: 'My actions',
    description: "Your organisation's actions in the partnership action plan, with their status and an update button each.",
    button: true,
    roles: ['prevent-officer', 'chair', 'partner-lead'],
    oneToOne: true,
  },
  {
    intent: 'update-action',
    title: 'Update an action',
    example: 'Update action 3.1',
    description: 'Opens the update card for one action of the plan.',
    button: false,
    roles: ['prevent-officer', 'chair', 'partner-lead'],
    oneToOne: true,
  },
  {
    intent: 'request-updates',
    title: 'Request updates (Prevent Officer)',
    example: 'Request updates',
    description: "Asks every owner organisation's Prevent lead for updates on their actions and posts progress in the partnership channel.",
    button: false,
    roles: ['prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'not-replied',
    title: "Who hasn't replied (Prevent Officer, chair)",
    example: "Who hasn't replied?",
    description:
      'For the open update round, self-assessment round and next meeting: each organisation that still owes a reply, who answers for it and whether they were chased today.',
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'send-chasers',
    title: 'Send chasers (Prevent Officer)',
    example: 'Send chasers',
    description:
      'Reminds everyone who has not replied to the open update round, self-assessment round or meeting, except those already chased today. Chasers also go out on their own 7 and 2 working days before each deadline.',
    button: false,
    roles: ['prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'agenda',
    title: 'Next meeting',
    example: 'Agenda',
    description: 'The next Steering Group meeting and its agenda.',
    button: false,
  },
  {
    intent: 'schedule-meeting',
    title: 'Schedule a meeting (Prevent Officer, chair)',
    example: 'Schedule meeting 12 March 2027 10:00',
    description: 'Schedules a Steering Group meeting and builds its agenda from the standing items and what needs attention.',
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'edit-agenda',
    title: 'Edit the agenda (Prevent Officer, chair)',
    example: 'Edit agenda',
    description: 'Add, move or remove items of the next agenda and give them owners, before it is posted.',
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'record-decisions',
    title: 'Record decisions (Prevent Officer, chair)',
    example: 'Record decisions',
    description: 'After a meeting: decisions against its agenda items, and new actions for the plan; the next agenda lists them under matters arising.',
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'post-agenda',
    title: 'Post the agenda (Prevent Officer, chair)',
    example: 'Post agenda',
    description: "Posts the next meeting's agenda to the partnership channel, with Attending / Sending a deputy / Apologies buttons.",
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'self-assessment',
    title: 'Self-assessment',
    example: 'Self-assessment',
    description: "Carry on with your organisation's Home Office toolkit self-assessment, one benchmark at a time.",
    button: false,
    roles: ['prevent-officer', 'partner-lead'],
    oneToOne: true,
  },
  {
    intent: 'start-self-assessment',
    title: 'Start self-assessment (Prevent Officer)',
    example: 'Start self-assessment',
    description: 'Opens a self-assessment round and sends every organisation its rating card.',
    button: false,
    roles: ['prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'compliance-summary',
    title: 'Compliance summary (chair, Prevent Officer)',
    example: 'How are we doing?',
    description:
      'The latest self-assessment round: ratings and score per benchmark with movement since the last round, items not yet started, action plan RAG and overdue actions, who has not returned, attendance at the last meeting. Add a benchmark or a round: "how are we doing on training?", "summary for 2026/27 Q2".',
    button: true,
    roles: ['chair', 'prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'report',
    title: 'Board report (Prevent Officer, chair)',
    example: 'Board report',
    description:
      'The report for the Partnership Board as a Word document with charts, an Excel workbook in the Home Office self-assessment tool\'s layout with the action tracker, and CSV; download links last 15 minutes. Add a round: "report for 2026/27 Q3".',
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'quarterly-figures',
    title: 'Quarterly figures',
    example: 'Quarterly figures',
    description:
      'The last quarter\'s Prevent referrals by sector and outcome, the Channel panel\'s caseload and reviews, and staff trained, with the trend over four quarters. Numbers only: counts from 1 to 4 show as "fewer than 5".',
    button: false,
    roles: ['prevent-officer', 'chair', 'partner-lead'],
    oneToOne: true,
  },
  {
    intent: 'request-figures',
    title: 'Request figures (Prevent Officer)',
    example: 'Request figures',
    description: "Sends each organisation's lead a card for last quarter's figures: referrals from the police, the Channel panel from the council, training from everyone.",
    button: false,
    roles: ['prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'partnership',
    title: 'Partnership members (Prevent Officer, chair)',
    example: 'Partnership members',
    description: 'The organisations, their named Prevent leads and members with a role; the Prevent Officer can add and change them.',
    button: false,
    roles: ['prevent-officer', 'chair'],
    oneToOne: true,
  },
  {
    intent: 'assurance-statements',
    title: 'Annual assurance statements',
    example: 'Assurance statements',
    description:
      "For a Prevent lead: your organisation's annual assurance statement to the Steering Group, pre-filled from last year's. For the Prevent Officer and chair: who has confirmed, who is part-way, who has not started, and the items not yet in place.",
    button: false,
    roles: ['prevent-officer', 'chair', 'partner-lead'],
    oneToOne: true,
  },
  {
    intent: 'priorities',
    title: 'Situational Assessment priorities',
    example: 'Priorities',
    description:
      'This year\'s Situational Assessment priorities, when the Steering Group agreed them, and how many actions of the plan address each; priorities with no actions are called out. Add a year: "priorities for 2025-26".',
    button: false,
    roles: ['prevent-officer', 'chair', 'partner-lead'],
    oneToOne: true,
  },
  {
    intent: 'request-assurance-statements',
    title: 'Request assurance statements (Prevent Officer)',
    example: 'Request assurance statements',
    description:
      'Sends every organisation\'s Prevent lead this financial year\'s annual assurance statement (SOP section 5), due in four weeks unless you say "by" a date; chasers go out as for updates.',
    button: false,
    roles: ['prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'add-priority',
    title: 'Add a priority (Prevent Officer)',
    example: 'Add a priority',
    description: "Adds a priority to this year's Situational Assessment register; from the priorities card you edit, retire or agree them and link actions to them.",
    button: false,
    roles: ['prevent-officer'],
    oneToOne: true,
  },
  {
    intent: 'use-this-channel',
    title: 'Use this channel (Prevent Officer)',
    example: 'Use this channel',
    description:
      "Typed in a channel of the Steering Group's team: makes it the partnership channel, where agendas and progress cards are posted. Until then the bot posts in no channel.",
    button: false,
    roles: ['prevent-officer'],
  },
  {
    intent: 'help',
    title: 'Help',
    example: 'Help',
    description: 'This list.',
    button: false,
  },
];

/**
 * What the help card offers this person: everything open to their role, and in a shared
 * conversation only what is answered there (a role's name in a channel does not earn it a list of
 * commands whose answers go elsewhere).
 */
export function capabilitiesFor(role: Role | undefined, where: Conversation = 'personal'): Capability[] {
  return CAPABILITIES.filter((capability) => (!capability.roles || (role !== undefined && capability.roles.includes(role))) && (where === 'personal' || !capability.oneToOne));
}

/** Whether an answer is for the asker's 1:1 chat only (see Capability.oneToOne). */
export function isAnsweredOneToOne(intent: IntentId): boolean {
  return CAPABILITIES.some((capability) => capability.intent === intent && capability.oneToOne === true);
}
