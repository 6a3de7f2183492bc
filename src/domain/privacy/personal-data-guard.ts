import { findCaseReferences } from './case-reference';
import { findChildrenAtSchool } from './child-at-school';
import { knownNames as compileKnownNames } from './known-names';
import { isValidNhsNumber } from './nhs-number';
import { prepareForScreening } from './screening-text';
import { spansNear, type Span } from './span';
import { findStreetAddresses } from './street-address';
import type { ScreenOptions } from './personal-data-error';

export type { ScreenOptions } from './personal-data-error';

/**
 * Screens free text for personal data about an individual before it is stored.
 *
 * The bot holds partnership governance data (action updates, self-assessment details), never case
 * data about people referred to Prevent or Channel. Governance notes legitimately contain dates,
 * action ids, years, counts, money, places and organisation names, so each detector looks for a
 * shape that is specific to a person rather than for anything number- or name-like:
 *
 * - `ni-number`: two prefix letters, six digits and a suffix A–D, in any case, with or without
 *   one space, hyphen or dot between the pairs ("AB 12 34 56 C", "ab123456c", "AB-12-34-56-C").
 *   HMRC's prefix rules apply: the first letter is not D, F, I, Q, U or V, the second not D, F, I,
 *   O, Q, U or V, and BG, GB, NK, KN, TN, NT and ZZ are never issued. HMRC's own specimen "QQ 12
 *   34 56 C" therefore fails the first-letter rule and is not flagged, so guidance quoting it passes.
 * - `nhs-number`: ten digits, bare, grouped 3-3-4 or spaced out digit by digit with spaces, hyphens
 *   or dots (one kind throughout), that pass the modulus 11 check. Ten-digit references or phone
 *   numbers that fail the check are not flagged.
 * - `email`: any address with a local part, "@" and a dotted domain, including organisation
 *   mailboxes: a named address cannot be told apart from a shared one, and a note can say
 *   "the Prevent team mailbox" instead. "@channel" and "team@" are not addresses.
 * - `phone`: UK numbers starting 07 (11 digits) or 01/02/03 (10–11 digits), or the same after
 *   +44 or 0044 (with or without "(0)"), grouped by spaces, hyphens, dots or a bracketed area code,
 *   down to one digit a group ("0 7 7 0 0 ..."). A dotted number must not start with a group of one
 *   or two digits, so dates and times ("01.02.2025", "09.30") are never read as one. Numbers
 *   must start with 0, +44 or 0044, so years ("2017-18"), dates, action ids ("3.1"), money, percentages
 *   and counts are never candidates. 08 and 09 service lines, such as the Anti-Terrorist Hotline
 *   0800 789 321 quoted in referral guidance, belong to organisations and are not flagged.
 * - `date-of-birth`: a full date (12/03/2009, 12-03-09, 2009-03-12, 12 March 2009, 3rd May 2010,
 *   March 12th 2009) that follows a cue ("DOB", "D.O.B.", "date of birth", "born", "born on",
 *   "b.") within three words on the same sentence. Dates without a cue, ages ("aged 15") and
 *   words about time ("date of birth field added from 1 April 2025") are not flagged. The finding
 *   covers the date only.
 * - `postcode-with-name`: a full, validly formed UK postcode (CV34 4RL, B1 1AA, SW1A 1AA; any
 *   case) within 40 characters of a name-like phrase: two or more consecutive capitalised words
 *   on one line that are not on a stop-list of organisation, place, calendar and common sentence
 *   words, or a title with a surname ("Mrs Khan", "Ms A Jones", "Dr Patel"). A postcode beside
 *   "Shire Hall, Warwick" or "Warwickshire County Council" is not flagged. The finding covers the
 *   postcode only. Names without a title or a second word ("J Smith") are not recognised.
 * - `case-reference`: a Prevent or Channel case or referral reference (see case-reference.ts).
 * - `child-at-school`: one child named by year group and school (see child-at-school.ts).
 * - `home-address`: a house number and street without a postcode (see street-address.ts).
 *
 * The text is folded first (see screening-text.ts): NFKC, invisible format and direction characters
 * dropped, Unicode spaces and dashes made plain, so "０７７００\u200b900123" reads as "07700900123".
 * Findings still point into the text as typed.
 *
 * A screen that knows the partnership (`knownNames`: its organisations' names and aliases) reads
 * those names as organisations: their words are never part of a person's name beside a postcode,
 * and a street address right beside one is the organisation's own. A name made only of name-like
 * words ("Kate Harris") could be a person's, so it excuses nothing. Nothing else is excused, so
 * "the boy in year 9 at Westgate School" is caught even when Westgate School is a partner.
 *
 * Every detector is a single linear pass: regular expressions start only at a token boundary
 * (look-behind) and never nest quantifiers over the same characters, and postcodes and addresses
 * meet the names near them in one forward sweep (see spansNear).
 */
export type PersonalDataKind = 'ni-number' | 'nhs-number' | 'email' | 'phone' | 'date-of-birth' | 'postcode-with-name' | 'case-reference' | 'child-at-school' | 'home-address';

/** One piece of text that looks like personal data. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** Plain English with an article, e.g. "an NHS number". */
  readonly label: string;
  /** UTF-16 offset of the first character of the piece in the screened text. */
  readonly start: number;
  /** UTF-16 offset just past the piece: `text.slice(start, end)` is the piece. */
  readonly end: number;
}

const LABELS: Readonly<Record<PersonalDataKind, string>> = {
  'ni-number': 'a National Insurance number',
  'nhs-number': 'an NHS number',
  email: 'an email address',
  phone: 'a phone number',
  'date-of-birth': 'a date of birth',
  'postcode-with-name': "a person's name and postcode",
  'case-reference': 'a Prevent or Channel case reference',
  'child-at-school': "a child's school and year group",
  'home-address': 'a home address',
};

// When two detectors claim exactly the same characters, the earlier kind here wins.
const PRIORITY: readonly PersonalDataKind[] = [
  'email',
  'ni-number',
  'nhs-number',
  'date-of-birth',
  'phone',
  'case-reference',
  'child-at-school',
  'home-address',
  'postcode-with-name',
];

function finding(kind: PersonalDataKind, start: number, end: number): PersonalDataFinding {
  return { kind, label: LABELS[kind], start, end };
}

const NI_NUMBER = /(?<![A-Za-z0-9])([A-Za-z])([A-Za-z])[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?[A-Da-d](?![A-Za-z0-9])/g;
const NI_BAD_FIRST = new Set(['D', 'F', 'I', 'Q', 'U', 'V']);
const NI_BAD_SECOND = new Set(['D', 'F', 'I', 'O', 'Q', 'U', 'V']);
const NI_BAD_PREFIX = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

function findNiNumbers(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const match of text.matchAll(NI_NUMBER)) {
    const first = match[1]!.toUpperCase();
    const second = match[2]!.toUpperCase();
    if (NI_BAD_FIRST.has(first) || NI_BAD_SECOND.has(second) || NI_BAD_PREFIX.has(first + second)) continue;
    found.push(finding('ni-number', match.index!, match.index! + match[0].length));
  }
  return found;
}

// A separator used once must be used again, so "943 476-5919" is not read as one number.
const NHS_NUMBER = /(?<![\w+/£$€-])(?<!\d[.,])(?:\d{3}([ .-]?)\d{3}\1\d{4}|\d([ .-])\d(?:\2\d){8})(?!\w)(?![.,/-]\d)/g;

function findNhsNumbers(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const match of text.matchAll(NHS_NUMBER)) {
    if (!isValidNhsNumber(match[0].replace(/\D/g, ''))) continue;
    found.push(finding('nhs-number', match.index!, match.index! + match[0].length));
  }
  return found;
}

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function findEmails(text: string): PersonalDataFinding[] {
  return [...text.matchAll(EMAIL)].map((match) => finding('email', match.index!, match.index! + match[0].length));
}

// Digit groups joined by one space, hyphen, dot or a closing area-code bracket; the groups are
// trimmed from the right until the digits form a UK number, so "07700 900123 12 times" still
// yields the phone number.
const PHONE_CANDIDATE = /(?<![\w/£$€+(-])(?<!\d[.,])(?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?\d+|\(?0\d*)(?:(?:\)[ -]?|[ .-])\d+){0,12}/g;
// Dates, times and decimals start with one or two digits and a dot.
const DOTTED_SHORT_START = /^\(?\d{1,2}\./;

function isUkPhoneNumber(digits: string, plus: boolean): boolean {
  let national = digits;
  if (plus || digits.startsWith('0044')) {
    const rest = plus ? digits : digits.slice(2);
    if (!rest.startsWith('44')) return false;
    const local = rest.slice(2);
    national = local.startsWith('0') ? local : `0${local}`;
  }
  return /^07\d{9}$/.test(national) || /^0[123]\d{8,9}$/.test(national);
}

function findPhoneNumbers(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0];
    const international = candidate.startsWith('+');
    const groupEnds = [...candidate.matchAll(/\d+/g)].map((group) => group.index! + group[0].length);
    for (let i = groupEnds.length - 1; i >= 0; i--) {
      let piece = candidate.slice(0, groupEnds[i]);
      if (piece.includes('.') && DOTTED_SHORT_START.test(piece)) continue;
      if (!isUkPhoneNumber(piece.replace(/\D/g, ''), international)) continue;
      let offset = 0;
      if (piece.startsWith('(') && !piece.includes(')')) {
        piece = piece.slice(1);
        offset = 1;
      }
      const start = match.index! + offset;
      found.push(finding('phone', start, start + piece.length));
      break;
    }
  }
  return found;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = "(?:\\d{4}|'?\\d{2})(?!\\d)";
const DATE = new RegExp(
  [
    String.raw`(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d|[/.-]\d)`,
    String.raw`(?<![\d/.-])\d{4}-\d{1,2}-\d{1,2}(?!\d|[/.-]\d)`,
    String.raw`(?<![\d.])\d{1,2}${ORDINAL}(?:\s+of)?\s+${MONTH}\.?,?\s+${YEAR}`,
    String.raw`(?<![A-Za-z])${MONTH}\.?\s+\d{1,2}${ORDINAL},?\s+${YEAR}`,
  ].join('|'),
  'gi',
);
const DOB_CUE = /(?<![A-Za-z])(?:d\.?\s?o\.?\s?b(?![A-Za-z])\.?|date\s+of\s+birth|born(?:\s+on)?(?![A-Za-z])|b\.)/gi;
// Up to three words, no digits (so a second date after the first is not linked to the cue) and
// no sentence break between the cue and the date.
const DOB_GAP = /^[\s:=(\-–—]*(?:[^\s\d.!?;:,]+[\s:,]+){0,3}$/;
const TIME_WORDS = /\b(?:from|since|until|till|by|before|after|between|during|due|deadline|review(?:ed)?)\b/i;
const MAX_DOB_GAP = 40;

function plausibleNumericDate(first: string | undefined, second: string | undefined): boolean {
  if (first === undefined || second === undefined) return true;
  const a = Number(first);
  const b = Number(second);
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && Math.min(a, b) <= 12;
}

function findDatesOfBirth(text: string): PersonalDataFinding[] {
  const cues: Span[] = [...text.matchAll(DOB_CUE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  if (cues.length === 0) return [];
  const found: PersonalDataFinding[] = [];
  let cue = -1;
  for (const match of text.matchAll(DATE)) {
    const start = match.index!;
    if (!plausibleNumericDate(match[1], match[3])) continue;
    while (cue + 1 < cues.length && cues[cue + 1]!.end <= start) cue++;
    if (cue < 0) continue;
    const gap = text.slice(cues[cue]!.end, start);
    if (gap.length > MAX_DOB_GAP || !DOB_GAP.test(gap) || TIME_WORDS.test(gap)) continue;
    found.push(finding('date-of-birth', start, start + match[0].length));
  }
  return found;
}

// Outward code: A9, A99, A9A, AA9, AA99, AA9A with the letters Royal Mail allows in each place;
// inward code: digit and two letters from ABD-HJLNP-UW-Z.
const POSTCODE = /(?<![A-Za-z0-9])[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d\d) ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/gi;
const NAME_DISTANCE = 40;

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

const NOT_NAMES = new Set(
  [
    ...TITLES,
    // organisations and roles
    'county',
    'council',
    'borough',
    'district',
    'city',
    'town',
    'parish',
    'authority',
    'government',
    'police',
    'policing',
    'nhs',
    'trust',
    'foundation',
    'health',
    'care',
    'hospital',
    'surgery',
    'practice',
    'clinic',
    'school',
    'schools',
    'college',
    'university',
    'academy',
    'primary',
    'secondary',
    'high',
    'infant',
    'junior',
    'nursery',
    'education',
    'prevent',
    'channel',
    'team',
    'group',
    'panel',
    'board',
    'partnership',
    'steering',
    'safeguarding',
    'children',
    'adults',
    'family',
    'families',
    'services',
    'service',
    'community',
    'probation',
    'prison',
    'youth',
    'justice',
    'offending',
    'department',
    'directorate',
    'office',
    'home',
    'ministry',
    'fire',
    'rescue',
    'commissioner',
    'crime',
    'counter',
    'terrorism',
    'unit',
    'network',
    'forum',
    'agency',
    'multi',
    'local',
    'national',
    'regional',
    'officer',
    'lead',
    'chair',
    'manager',
    'coordinator',
    'coordinators',
    'partners',
    'partner',
    'limited',
    'ltd',
    'plc',
    'charity',
    'mosque',
    'church',
    'temple',
    'gurdwara',
    'hospice',
    'library',
    'museum',
    'hotel',
    'centre',
    'center',
    'hub',
    // buildings and addresses
    'hall',
    'house',
    'building',
    'buildings',
    'court',
    'chambers',
    'civic',
    'shire',
    'street',
    'road',
    'lane',
    'avenue',
    'way',
    'drive',
    'close',
    'place',
    'square',
    'crescent',
    'terrace',
    'gardens',
    'grove',
    'park',
    'green',
    'gate',
    'hill',
    'row',
    'walk',
    'mews',
    'estate',
    'industrial',
    'business',
    'floor',
    'room',
    'suite',
    'block',
    'wing',
    'reception',
    'station',
    // places
    'warwickshire',
    'coventry',
    'warwick',
    'leamington',
    'spa',
    'royal',
    'kenilworth',
    'stratford',
    'avon',
    'rugby',
    'nuneaton',
    'bedworth',
    'atherstone',
    'coleshill',
    'alcester',
    'southam',
    'shipston',
    'solihull',
    'birmingham',
    'west',
    'east',
    'north',
    'south',
    'midlands',
    'upon',
    'england',
    'wales',
    'scotland',
    'united',
    'kingdom',
    'london',
    'village',
    'st',
    'saint',
    // calendar
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'quarter',
    // words that often start a sentence or a heading in governance notes
    'the',
    'a',
    'an',
    'at',
    'in',
    'on',
    'of',
    'for',
    'to',
    'from',
    'by',
    'with',
    'and',
    'or',
    'our',
    'their',
    'this',
    'that',
    'these',
    'all',
    'please',
    'see',
    'next',
    'new',
    'meeting',
    'meetings',
    'venue',
    'address',
    'action',
    'actions',
    'plan',
    'update',
    'updates',
    'progress',
    'note',
    'notes',
    'training',
    'session',
    'sessions',
    'wrap',
    'contact',
    'email',
    'phone',
    'tel',
    'post',
    'postcode',
    'annual',
    'report',
    'review',
    'assessment',
    'self',
    'benchmark',
    'section',
    'item',
    'agenda',
    'minutes',
    'apologies',
    'complete',
    'completed',
    'ongoing',
    'delivered',
  ].map((word) => word.toLowerCase()),
);

interface Token extends Span {
  readonly word: string;
}

const WORD = /\p{L}[\p{L}'’-]*/gu;
const CAPITALISED = /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u;
const SPACES_ONLY = /^[ \t\u00a0]+$/;
const AFTER_TITLE = /^\.?[ \t\u00a0]+$/;
const AFTER_INITIAL = /^\.?[ \t\u00a0]*$/;

function baseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’-]+$/, '');
}

function isNameWord(word: string): boolean {
  return CAPITALISED.test(word) && !NOT_NAMES.has(baseWord(word));
}

function isInitial(word: string): boolean {
  return word.length === 1 && /\p{Lu}/u.test(word);
}

/** Whether each position of the text lies inside one of the spans. */
function coverage(length: number, spans: readonly Span[]): (position: number) => boolean {
  if (spans.length === 0) return () => false;
  const covered = new Uint8Array(length);
  for (const span of spans) covered.fill(1, span.start, span.end);
  return (position) => covered[position] === 1;
}

/**
 * Spans of "Mrs Khan" / "Ms A. Jones" style names and of runs of two or more name-like words.
 * Words inside the partnership's own names are organisation words, never part of a person's name.
 */
function findNameLikePhrases(text: string, organisations: readonly Span[]): Span[] {
  const inOrganisation = coverage(text.length, organisations);
  const tokens: Token[] = [...text.matchAll(WORD)].filter((m) => !inOrganisation(m.index!)).map((m) => ({ word: m[0], start: m.index!, end: m.index! + m[0].length }));
  const gapBefore = (i: number) => text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  const names: Span[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const title = tokens[i]!;
    if (!/^\p{Lu}/u.test(title.word) || !TITLES.has(title.word.toLowerCase())) continue;
    let j = i + 1;
    if (j >= tokens.length || !AFTER_TITLE.test(gapBefore(j))) continue;
    for (let initials = 0; initials < 3 && j + 1 < tokens.length && isInitial(tokens[j]!.word); initials++) {
      if (!AFTER_INITIAL.test(gapBefore(j + 1))) break;
      j++;
    }
    const surname = tokens[j];
    if (surname !== undefined && CAPITALISED.test(surname.word)) names.push({ start: title.start, end: surname.end });
  }

  let runStart = -1;
  const closeRun = (last: number) => {
    if (runStart >= 0 && last - runStart >= 1) names.push({ start: tokens[runStart]!.start, end: tokens[last]!.end });
    runStart = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameWord(tokens[i]!.word)) {
      closeRun(i - 1);
      continue;
    }
    // A gap that is not plain spaces (punctuation, or a skipped organisation name) ends the run.
    if (runStart >= 0 && !SPACES_ONLY.test(gapBefore(i))) closeRun(i - 1);
    if (runStart < 0) runStart = i;
  }
  closeRun(tokens.length - 1);

  return names;
}

function findPostcodesWithNames(text: string, organisations: readonly Span[]): PersonalDataFinding[] {
  const postcodes: Span[] = [...text.matchAll(POSTCODE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  if (postcodes.length === 0) return [];
  const namesNear = spansNear(findNameLikePhrases(text, organisations), NAME_DISTANCE);
  return postcodes.filter((postcode) => namesNear(postcode).length > 0).map((postcode) => finding('postcode-with-name', postcode.start, postcode.end));
}

// Words that may stand between an organisation's name and its address: "WCC offices at 1 Northgate
// Street", "Rugby Borough Council, 10 Evreux Way". "near" or "opposite" are not among them: an
// address near a school is somebody's.
const BESIDE_ORGANISATION =
  /^[\s,;:()\u2013\u2014-]*(?:(?:at|of|on|in|is|the|its|main|offices?|building|site|venue|premises|headquarters|hq|reception|based)[\s,;:()\u2013\u2014-]+){0,4}$/i;
const BESIDE_DISTANCE = 40;

function findHomeAddresses(text: string, organisations: readonly Span[]): PersonalDataFinding[] {
  const organisationsNear = spansNear(organisations, BESIDE_DISTANCE);
  const beside = (address: Span) =>
    organisationsNear(address).some((organisation) => {
      const gap = organisation.end <= address.start ? text.slice(organisation.end, address.start) : text.slice(address.end, organisation.start);
      return BESIDE_ORGANISATION.test(gap);
    });
  return findStreetAddresses(text)
    .filter((address) => !beside(address))
    .map((address) => finding('home-address', address.start, address.end));
}

/**
 * Known names that could only be a person's ("Kate Harris", "Mrs Khan") are not used: an alias
 * typed that way would otherwise excuse the person it names. An organisation's name has a word a
 * person's name would not (Hospital, Council, Hospice, an acronym such as WCC, a place).
 */
function organisationLike(names: readonly string[]): string[] {
  return names.filter((name) => {
    const words = name.match(WORD) ?? [];
    return words.some((word) => !isNameWord(word)) && !words.some((word) => TITLES.has(word.toLowerCase()));
  });
}

// One compiled pattern per list of names: a plan import screens thousands of cells with one list.
const compiledNames = new WeakMap<readonly string[], ReturnType<typeof compileKnownNames>>();

function knownNamesIn(names: readonly string[], folded: string) {
  let compiled = compiledNames.get(names);
  if (!compiled) {
    compiled = compileKnownNames(organisationLike(names));
    compiledNames.set(names, compiled);
  }
  return compiled.find(folded);
}

/**
 * Finds pieces of `text` that look like personal data about an individual (see
 * {@link PersonalDataKind} for what each kind matches and what is deliberately left alone).
 *
 * @returns findings sorted by `start` and never overlapping; where two detectors claim
 *   overlapping text the earlier, then longer, piece is kept. Offsets are into `text` as given,
 *   although the detectors read its folded form. Empty when the text may be stored.
 */
export function findPersonalData(text: string, options: ScreenOptions = {}): PersonalDataFinding[] {
  const screening = prepareForScreening(text);
  const folded = screening.text;
  const organisations = options.knownNames?.length ? knownNamesIn(options.knownNames, folded) : [];
  const candidates = [
    ...findEmails(folded),
    ...findNiNumbers(folded),
    ...findNhsNumbers(folded),
    ...findDatesOfBirth(folded),
    ...findPhoneNumbers(folded),
    ...findCaseReferences(folded).map((span) => finding('case-reference', span.start, span.end)),
    ...findChildrenAtSchool(folded).map((span) => finding('child-at-school', span.start, span.end)),
    ...findHomeAddresses(folded, organisations),
    ...findPostcodesWithNames(folded, organisations),
  ].sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
  const kept: PersonalDataFinding[] = [];
  for (const candidate of candidates) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || candidate.start >= previous.end) kept.push(candidate);
  }
  return kept.map((f) => ({ ...f, ...screening.originalSpan(f.start, f.end) }));
}

/**
 * One user-facing sentence per distinct kind, in the order the kinds first appear in the text,
 * e.g. "It looks like it contains an NHS number. Please remove it." Empty for no findings.
 */
export function describeFindings(findings: readonly PersonalDataFinding[]): string[] {
  const kinds: PersonalDataKind[] = [];
  for (const { kind } of findings) if (!kinds.includes(kind)) kinds.push(kind);
  return kinds.map((kind) => `It looks like it contains ${LABELS[kind]}. Please remove it.`);
}
