import type { PersonalDataKind } from '../../../../src/domain/privacy/personal-data-guard';

/**
 * What the personal-data screen must catch and what it must let through, kept as data so the same
 * lists drive the tests and any before/after comparison of two versions of the screen.
 *
 * Must-catch: every way past the screen reported in issue 16, with variants of each disguise.
 * Must-pass: sentences a partnership really writes in progress notes, minutes and self-assessments.
 */

export interface MustCatch {
  readonly text: string;
  readonly kind: PersonalDataKind;
  /** The characters the finding must cover, as typed. */
  readonly piece: string;
}

const ZWSP = '\u200b';
const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const RLO = '\u202e';
const PDF = '\u202c';

export const MUST_CATCH: readonly MustCatch[] = [
  // Invisible and look-alike characters
  { text: `Call her on 07700${ZWSP}900123`, kind: 'phone', piece: `07700${ZWSP}900123` },
  { text: `mobile 07700${NBSP}900${NBSP}123`, kind: 'phone', piece: `07700${NBSP}900${NBSP}123` },
  { text: `mobile 07700${NARROW_NBSP}900123`, kind: 'phone', piece: `07700${NARROW_NBSP}900123` },
  { text: 'mobile ０７７００ ９００１２３', kind: 'phone', piece: '０７７００ ９００１２３' },
  { text: 'tel 01926\u2011410410', kind: 'phone', piece: '01926\u2011410410' },
  { text: `NI number AB12${ZWSP}34${ZWSP}56C`, kind: 'ni-number', piece: `AB12${ZWSP}34${ZWSP}56C` },
  { text: 'NI ＡＢ１２３４５６Ｃ', kind: 'ni-number', piece: 'ＡＢ１２３４５６Ｃ' },
  { text: 'NI ＡＢ－１２－３４－５６－Ｃ', kind: 'ni-number', piece: 'ＡＢ－１２－３４－５６－Ｃ' },
  { text: 'NHS ９４３ ４７６ ５９１９', kind: 'nhs-number', piece: '９４３ ４７６ ５９１９' },
  { text: `NHS 943${NBSP}476${NBSP}5919`, kind: 'nhs-number', piece: `943${NBSP}476${NBSP}5919` },
  { text: 'email jane.doe＠example.org', kind: 'email', piece: 'jane.doe＠example.org' },
  { text: `reply to ${RLO}gro.elpmaxe@eod.enaj${PDF} today`, kind: 'email', piece: 'gro.elpmaxe@eod.enaj' },
  { text: `email jane${ZWSP}.doe@example.org`, kind: 'email', piece: `jane${ZWSP}.doe@example.org` },
  { text: 'email jane.doe@example．org', kind: 'email', piece: 'jane.doe@example．org' },
  { text: 'DOB １２/０３/２００９', kind: 'date-of-birth', piece: '１２/０３/２００９' },
  { text: `John Smith lives at CV34${NBSP}4RL`, kind: 'postcode-with-name', piece: `CV34${NBSP}4RL` },
  // Phone numbers written other ways
  { text: 'his number is 07700.900.123', kind: 'phone', piece: '07700.900.123' },
  { text: 'ring 07700.900-123', kind: 'phone', piece: '07700.900-123' },
  { text: 'tel 01926.410.410', kind: 'phone', piece: '01926.410.410' },
  { text: 'mobile 0044 7700 900123', kind: 'phone', piece: '0044 7700 900123' },
  { text: 'mobile 00447700900123', kind: 'phone', piece: '00447700900123' },
  { text: 'mobile +44 7700.900.123', kind: 'phone', piece: '+44 7700.900.123' },
  { text: 'ring 0 7 7 0 0 9 0 0 1 2 3', kind: 'phone', piece: '0 7 7 0 0 9 0 0 1 2 3' },
  // NI and NHS numbers written other ways
  { text: 'NI AB-12-34-56-C', kind: 'ni-number', piece: 'AB-12-34-56-C' },
  { text: 'NI AB.12.34.56.C', kind: 'ni-number', piece: 'AB.12.34.56.C' },
  { text: 'NI AB 12-34 56 C', kind: 'ni-number', piece: 'AB 12-34 56 C' },
  { text: 'NHS 943.476.5919', kind: 'nhs-number', piece: '943.476.5919' },
  { text: 'NHS 9 4 3 4 7 6 5 9 1 9', kind: 'nhs-number', piece: '9 4 3 4 7 6 5 9 1 9' },
  // Prevent and Channel case references
  { text: 'Channel case ref CH-2024-0173', kind: 'case-reference', piece: 'CH-2024-0173' },
  { text: 'Prevent referral PR/2023/117 closed', kind: 'case-reference', piece: 'PR/2023/117' },
  { text: 'case number 12345 discussed', kind: 'case-reference', piece: '12345' },
  { text: 'Channel case reference: CH/2025/0042', kind: 'case-reference', piece: 'CH/2025/0042' },
  { text: 'referral no. 2024-117 adopted', kind: 'case-reference', piece: '2024-117' },
  { text: 'Prevent case #PV0042 escalated', kind: 'case-reference', piece: 'PV0042' },
  // A child identified by year group and school
  { text: 'the boy in year 9 at Westgate School', kind: 'child-at-school', piece: 'boy in year 9 at Westgate School' },
  { text: "a Year 10 pupil at St Mary's Academy", kind: 'child-at-school', piece: "Year 10 pupil at St Mary's Academy" },
  { text: 'a girl in Y8 at Rugby High School was discussed', kind: 'child-at-school', piece: 'girl in Y8 at Rugby High School' },
  { text: 'one year 11 student from Nuneaton Academy', kind: 'child-at-school', piece: 'year 11 student from Nuneaton Academy' },
  { text: `the boy in year${NBSP}9 at Westgate${ZWSP} School`, kind: 'child-at-school', piece: `boy in year${NBSP}9 at Westgate${ZWSP} School` },
  // A home address without a postcode
  { text: 'lives at 14 Elm Road', kind: 'home-address', piece: '14 Elm Road' },
  { text: '12 Station Street, Rugby', kind: 'home-address', piece: '12 Station Street' },
  { text: 'visited the family at 3a Church Lane, Kenilworth', kind: 'home-address', piece: '3a Church Lane' },
  { text: 'moved to 27 Lower Hillmorton Gardens last week', kind: 'home-address', piece: '27 Lower Hillmorton Gardens' },
  { text: 'after the training session his family moved to 9 Park Avenue', kind: 'home-address', piece: '9 Park Avenue' },
  { text: 'Home visit at 14 Elm Road before the panel meeting', kind: 'home-address', piece: '14 Elm Road' },
];

/** Governance sentences with no personal data in them. */
export const MUST_PASS: readonly string[] = [
  'Action 3.1 is on track for 2017-18',
  'Call the Anti-Terrorist Hotline 0800 789 321',
  'Call the Anti-Terrorist Hotline 0800.789.321',
  'From abroad the hotline is 0044 800 789 321',
  'Meeting at Shire Hall, Warwick CV34 4RL on 12/03/2025',
  'Year 9 assembly delivered at three schools',
  '14 staff trained at the Council',
  'Channel panel met on 3 May; 12 cases reviewed',
  'Prevent referrals rose from 12 to 15 in 2024/25',
  'Channel case numbers are reported to the board quarterly',
  'The Channel case study from 2019 was shared with partners',
  'In case 3 sessions are cancelled, rebook them in Q4',
  'Prevent referral form v2 agreed',
  'Q3 2024/25: 14 referrals, 3 Channel cases adopted',
  'Referral pathway agreed on 01.04.2025',
  'Session 10.30-12.00 on 01.02.2025 in the Council Chamber',
  'Budget 0.5 FTE from 2025-26, version 0.9.1 of the plan',
  'Year 10 pupils at Westgate School received WRAP training',
  'Year 9 assembly at Westgate School',
  "Reviewed 3 referrals from St Mary's Academy with the DSL",
  'Action 2.1: a named Prevent lead in every school by 2025-26',
  'Delivered 3 Home Office WRAP sessions to 40 staff',
  'See section 3.2.1 of the guidance at www.gov.uk',
  'Council offices moved to Shire Hall, Market Place, Warwick',
  'Policy approved by the board in March 2026',
  'Warwickshire County Council CV34 4RL',
  'The Prevent Team met at CV34 4RL',
  'Meeting on 12 March 2027 at Shire Hall, Warwick CV34 4RL',
  'Training at Leamington Spa Library, CV32 4AW',
  'NHS number 943 476 5918 fails the check and is a test value',
  "HMRC's specimen NI number is QQ 12 34 56 C",
  '12 WRAP sessions delivered to 240 staff, 85% of the target, budget £2,500',
  'Quarter 2 figures: 0.5% rise, 1.2.3 of the benchmark met',
  'Schools in years 7 to 11 took part in the survey',
  'Prevent lead for Year 7 transition at Westgate School is the DSL',
  '２０２４/２５ plan', // full-width digits fold to a financial year, which is not personal
  'Minutes, 3–5 May 2027 (draft)',
  'Prevent duty toolkit v3.1 published 2024.06.01',
  'Case studies from 2023 shared with the panel',
  'Referral numbers: 14 (Q1), 9 (Q2)',
  'Channel referral rate 0.3 per 10,000',
  'Prevent referral 2024/25 figures and Prevent referral Q3/2024 breakdown',
  'Channel case 3 of 12 closed',
  'case ID cards issued to staff; the referral no longer needed',
  'Updated 10.12.2024 by the Prevent Officer; action 6.4 due 31.03.2026',
  'Year 7 and Year 8 pupils at all secondary schools',
  'Year 9 girl-only session at Westgate School',
  'We met the Year 10 lead at Westgate School',
  'The teacher in Year 9 at Westgate School ran the session',
  'The boy in year 9 at school was mentioned in the training video',
  'Training room 2, Elm Court, Shire Hall',
  'Staff at 2 Magistrates Court sites trained',
  'Item 4, Station Road depot closure agreed',
  'Room 12 Elm Court booked for 3 March Court user group',
  // Venues' addresses, introduced as premises or an event's place
  'Session held at the Council offices, 1 Northgate Street, Warwick',
  'Training at 10 Evreux Way on 3 May',
  'Roadshow at Rugby library, 12 Little Elborow Street',
  'WRAP briefing for staff at the Police station, 3 Priory Road',
];

/** A partnership's own organisations and the other names they go by. */
export const PARTNER_NAMES: readonly string[] = [
  'Warwickshire County Council',
  'WCC',
  'Shire Hall',
  'Westgate School',
  "St Mary's Academy",
  'George Eliot Hospital',
  'Mary Ann Evans Hospice',
  'Rugby Borough Council',
];

/** Flagged by a screen that does not know the partnership, passed once its own names are known. */
export const PASS_FOR_PARTNERSHIP: readonly string[] = [
  'Meeting at George Eliot Hospital, Nuneaton CV10 7DJ',
  'Mary Ann Evans Hospice, CV10 7QN, hosted the training',
  'Contact: Mary Ann Evans Hospice, 5 Eliot Way, Nuneaton',
  'WCC, 1 Northgate Street, agreed the plan',
];

/** Still caught for a partnership: knowing the school does not make a child in it anonymous. */
export const CATCH_FOR_PARTNERSHIP: readonly MustCatch[] = [
  { text: 'the boy in year 9 at Westgate School', kind: 'child-at-school', piece: 'boy in year 9 at Westgate School' },
  { text: "a Year 10 pupil at St Mary's Academy", kind: 'child-at-school', piece: "Year 10 pupil at St Mary's Academy" },
  { text: 'Jane Smith, Westgate School, CV21 3AB', kind: 'postcode-with-name', piece: 'CV21 3AB' },
  { text: 'lives at 14 Elm Road near Westgate School', kind: 'home-address', piece: '14 Elm Road' },
  { text: 'George Eliot Hospital: call 07700 900123', kind: 'phone', piece: '07700 900123' },
];
