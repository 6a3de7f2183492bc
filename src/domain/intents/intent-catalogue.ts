/**
 * The plain-language phrasings the bot understands, as data. A pattern matches when each of its
 * slots finds one of its words in the message, in order, with other words allowed in between.
 * The best-scoring intent wins; ties go to the intent listed first, so anything that could be a
 * safeguarding concern resolves to the referral pathway (which leads with "call 999").
 */
export type IntentId = 'referral' | 'training' | 'request-updates' | 'send-chasers' | 'not-replied' | 'schedule-meeting' | 'post-agenda' | 'edit-agenda' | 'record-decisions' | 'agenda' | 'start-self-assessment' | 'self-assessment' | 'compliance-summary' | 'report' | 'partnership' | 'my-actions' | 'update-action' | 'help';

export interface IntentPattern {
  readonly slots: readonly (readonly string[])[];
  /** Added to the slot count: a single decisive word can outrank a loose two-word pairing. */
  readonly weight?: number;
  /** Words showing a loose match is about something else (referral *data* is an agenda item). */
  readonly unless?: readonly string[];
}

export interface IntentDefinition {
  readonly id: IntentId;
  readonly patterns: readonly IntentPattern[];
}

const NOT_A_REFERRAL_REQUEST = ['data', 'statistics', 'stats', 'figures', 'trends'];

/** "I'm worried about how he is doing" is a concern about a person, never a request for figures. */
const SAFEGUARDING_WORDS = ['worried', 'worry', 'worries', 'concerned', 'concern', 'concerns', 'radicalised', 'radicalized', 'groomed', 'grooming', 'danger', 'safeguarding', 'refer'];

/** Words of someone reporting a concern, not asking for the board's report. */
const NOT_A_BOARD_REPORT = [
  'concern', 'concerns', 'concerned', 'worried', 'worry', 'worries', 'safeguarding', 'danger', 'incident', 'abuse',
  'radicalised', 'radicalized', 'radicalisation', 'radicalization', 'extremism', 'extremist', 'terrorism', 'terrorist',
  'suspicious', 'crime', 'referral', 'refer',
];

const PERSON = [
  'someone', 'somebody', 'person', 'people', 'individual', 'child', 'children', 'young', 'pupil',
  'pupils', 'student', 'students', 'learner', 'colleague', 'colleagues', 'client', 'patient',
  'friend', 'neighbour', 'neighbor', 'family', 'relative', 'son', 'daughter', 'brother', 'sister',
  'partner', 'him', 'her', 'them', 'user', 'tenant', 'customer', 'member', 'adult', 'teenager',
];

export const INTENT_CATALOGUE: readonly IntentDefinition[] = [
  {
    id: 'referral',
    patterns: [
      { slots: [['referral', 'referrals']], unless: NOT_A_REFERRAL_REQUEST },
      { slots: [['make', 'submit', 'do', 'complete', 'send', 'start'], ['referral', 'referrals']] },
      { slots: [['referral', 'referrals'], ['pathway', 'process', 'form', 'route', 'procedure']] },
      { slots: [['prevent', 'channel'], ['referral', 'referrals']] },
      { slots: [['refer', 'referring'], PERSON] },
      { slots: [['how', 'where', 'who'], ['refer']] },
      { slots: [['report', 'raise', 'share', 'log', 'escalate', 'flag'], ['concern', 'concerns', 'worry', 'worries']] },
      { slots: [['report', 'reporting'], [...PERSON, 'radicalisation', 'radicalization', 'extremism', 'extremist', 'terrorism', 'terrorist']], unless: NOT_A_REFERRAL_REQUEST },
      { slots: [['how', 'where', 'who'], ['report']], unless: NOT_A_REFERRAL_REQUEST },
      { slots: [['worried', 'concerned', 'worry', 'worries', 'concern'], PERSON] },
      { slots: [['safeguarding'], ['concern', 'concerns', 'issue', 'worry']] },
      { slots: [['radicalised', 'radicalized', 'radicalising', 'radicalizing', 'groomed', 'grooming']] },
    ],
  },
  {
    id: 'training',
    patterns: [
      { slots: [['training', 'trainings', 'elearning', 'wrap', 'workshop', 'workshops', 'refresher']], weight: 1 },
      { slots: [['beyond'], ['wrap']], weight: 1 },
      { slots: [['learning'], ['pool']] },
      { slots: [['learn', 'learning'], ['prevent', 'radicalisation', 'radicalization', 'extremism']] },
      { slots: [['prevent', 'awareness', 'online', 'induction'], ['course', 'courses', 'module', 'modules', 'session', 'sessions']] },
      { slots: [['book', 'booking', 'find', 'attend'], ['course', 'courses', 'session', 'sessions']] },
    ],
  },
  {
    id: 'request-updates',
    patterns: [{ slots: [['request', 'chase', 'collect', 'ask'], ['updates', 'update']], weight: 2 }],
  },
  {
    id: 'send-chasers',
    patterns: [
      { slots: [['send', 'issue', 'chase'], ['chasers', 'chaser', 'reminders', 'reminder']], weight: 2 },
      { slots: [['chasers', 'chaser']], weight: 1 },
      { slots: [['remind'], ['everyone', 'people', 'partners', 'leads', 'organisations', 'them']], weight: 1 },
    ],
  },
  {
    id: 'not-replied',
    patterns: [
      { slots: [['who'], ['not', 'hasnt', 'havent', 'yet', 'still'], ['replied', 'responded', 'returned', 'answered', 'reply', 'respond', 'return']], weight: 2 },
      { slots: [['not', 'hasnt', 'havent'], ['replied', 'responded', 'returned']], weight: 1 },
      { slots: [['outstanding', 'missing', 'overdue'], ['replies', 'returns', 'responses']], weight: 1 },
      { slots: [['non'], ['returns', 'returners', 'responders']], weight: 1 },
    ],
  },
  {
    id: 'schedule-meeting',
    patterns: [{ slots: [['schedule', 'arrange', 'book', 'set', 'plan'], ['meeting', 'meetings']], weight: 2 }],
  },
  {
    id: 'post-agenda',
    patterns: [{ slots: [['post', 'send', 'publish', 'share'], ['agenda']], weight: 2 }],
  },
  {
    id: 'edit-agenda',
    patterns: [{ slots: [['edit', 'change', 'amend', 'reorder'], ['agenda']], weight: 2 }],
  },
  {
    id: 'record-decisions',
    patterns: [{ slots: [['record', 'add', 'log', 'note'], ['decision', 'decisions', 'minutes']], weight: 2 }],
  },
  {
    id: 'agenda',
    patterns: [
      { slots: [['agenda', 'agendas']], weight: 1 },
      { slots: [['next', 'upcoming', 'when'], ['meeting', 'steering']], weight: 1 },
    ],
  },
  {
    id: 'start-self-assessment',
    patterns: [{ slots: [['start', 'open', 'begin', 'launch', 'new'], ['self', 'selfassessment', 'assessment']], weight: 2 }],
  },
  {
    id: 'self-assessment',
    patterns: [
      { slots: [['self'], ['assessment', 'assessments']], weight: 1 },
      { slots: [['selfassessment']], weight: 2 },
      { slots: [['rate', 'rating', 'ratings'], ['benchmarks', 'benchmark', 'toolkit']], weight: 1 },
    ],
  },
  {
    // "How are we doing on training?" must outscore the training intent's single decisive word.
    id: 'compliance-summary',
    patterns: [
      { slots: [['compliance', 'compliant'], ['summary', 'position', 'overview', 'status', 'picture']], weight: 2 },
      { slots: [['compliance', 'compliant']], weight: 1 },
      { slots: [['summary', 'summarise', 'summarize', 'scorecard', 'dashboard']], weight: 1 },
      { slots: [['how'], ['doing', 'performing', 'faring']], weight: 2, unless: SAFEGUARDING_WORDS },
      { slots: [['how'], ['did'], ['we'], ['do', 'score']], unless: SAFEGUARDING_WORDS },
      { slots: [['assessment', 'selfassessment', 'benchmark', 'benchmarks'], ['summary', 'results', 'scores', 'score']], weight: 2 },
    ],
  },
  {
    // "Report" is also how people say they want to report a concern: those words, a person or a
    // question ("how do I report...") keep a message away from the board report.
    id: 'report',
    patterns: [
      { slots: [['board', 'swpb', 'compliance', 'quarterly', 'annual', 'assessment', 'selfassessment', 'benchmark', 'benchmarks', 'toolkit'], ['report', 'reports']], weight: 2, unless: NOT_A_BOARD_REPORT },
      { slots: [['report', 'reports']], weight: 1, unless: [...NOT_A_BOARD_REPORT, ...PERSON, 'how', 'i', 'want', 'need', 'something', 'anything', 'action', 'actions'] },
      { slots: [['export', 'download'], ['report', 'reports', 'ratings', 'workbook', 'spreadsheet']], weight: 2, unless: NOT_A_BOARD_REPORT },
    ],
  },
  {
    id: 'partnership',
    patterns: [
      { slots: [['partnership', 'steering'], ['members', 'membership', 'organisations', 'leads']], weight: 1 },
      { slots: [['add', 'change', 'manage', 'edit'], ['member', 'members', 'organisation', 'organisations', 'lead', 'leads']], weight: 1 },
      { slots: [['prevent'], ['leads']], weight: 1 },
      { slots: [['who'], ['members', 'leads']] },
    ],
  },
  {
    id: 'my-actions',
    patterns: [
      { slots: [['my', 'our'], ['actions', 'action']], weight: 1 },
      { slots: [['show', 'list'], ['actions']] },
    ],
  },
  {
    id: 'update-action',
    patterns: [{ slots: [['update', 'edit', 'report'], ['action', 'actions']], weight: 1 }],
  },
  {
    id: 'help',
    patterns: [
      { slots: [['help', 'commands', 'menu', 'options']] },
      { slots: [['what'], ['can'], ['you', 'bot'], ['do']] },
      { slots: [['hi', 'hello', 'hey', 'hiya', 'start']] },
      { slots: [['good'], ['morning', 'afternoon', 'evening']] },
    ],
  },
];
