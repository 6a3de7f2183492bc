import type { Organisation } from '../partnership/organisation';
import type { PersonalDataScreen } from '../privacy/personal-data-error';
import { organisationNames } from '../privacy/known-names';
import { screenForPersonalData } from '../privacy/screen';
import { describeZodIssues } from '../validation';
import { ACTION_FLAGS, actionSchema, type Action } from './action';
import { compareActionIds } from './action-order';
import { readPriorityIds } from '../priorities/priority';

/**
 * Reads an action plan laid out like the Warwickshire Prevent Action Plan 2017-18 (seed 002):
 * one row per action with the columns Action id, Theme, Key action, Who, Timescale, Outcomes, Notes.
 * Pure: the file has already been turned into strings by src/plan-files/plan-file-reader.ts.
 *
 * The import is all or nothing. When any row has a problem, `actions` is empty and every problem is
 * listed with its spreadsheet row number, so the person importing can fix the file in one go.
 */

/** One spreadsheet row: its 1-based row number (the header is row 1) and its cells by header name. */
export interface PlanRow {
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface PlanTable {
  readonly header: readonly string[];
  readonly rows: readonly PlanRow[];
}

export interface PlanProblem {
  readonly row: number;
  readonly message: string;
}

/** An action whose Who column names no known organisation, imported with no owner yet. */
export interface OwnerToSet {
  readonly actionId: string;
  /** The Who cell as written, so the Prevent Officer can see whom the plan meant. */
  readonly who: string;
}

export interface PlanImport {
  /** Every action of the plan in id order; empty whenever `problems` is not. */
  readonly actions: Action[];
  readonly problems: PlanProblem[];
  /**
   * Only with {@link ImportOptions.leaveUnmatchedOwners}, and only when there are any: the actions
   * imported without an owner, in id order, for the Prevent Officer to set.
   */
  readonly ownersToSet?: OwnerToSet[];
  /** True only when the file has a Priority column: its cells set each action's priorities, even to none. */
  readonly readsPriorities?: true;
}

export interface ImportOptions {
  /**
   * When true, a row whose Who column names no organisation is imported with no owner and listed in
   * `ownersToSet`, instead of being a problem. The shipped demo plan uses it: seed 002 gives roles
   * such as "Chair of the Prevent Strategy Group" and "ECINS Project Manager" without saying which
   * organisation employs them, and the demo must not guess.
   */
  readonly leaveUnmatchedOwners?: boolean;
  /**
   * The priorities of the year's Situational Assessment register ("P1", ...), and the year, so a
   * Priority cell naming any other is a problem. Without it a Priority cell is only checked for shape.
   */
  readonly priorities?: { readonly financialYear: string; readonly ids: readonly string[] };
}

type Column = 'id' | 'theme' | 'text' | 'who' | 'timescale' | 'outcomes' | 'notes' | 'priorities';

/** Header names each column answers to, compared lower-case with punctuation and spaces removed. */
const COLUMNS: Record<Column, { readonly label: string; readonly names: readonly string[]; readonly required: boolean }> = {
  id: { label: 'Action id', names: ['actionid', 'id', 'no', 'number', 'actionno', 'actionnumber', 'ref', 'actionref'], required: false },
  theme: { label: 'Theme', names: ['theme', 'themetitle', 'section'], required: true },
  text: { label: 'Key action', names: ['keyaction', 'keyactions', 'action', 'actiontext'], required: true },
  who: { label: 'Who', names: ['who', 'lead', 'leads', 'owner', 'owners'], required: true },
  timescale: { label: 'Timescale', names: ['timescale', 'timescales', 'timeframe', 'deadline'], required: false },
  outcomes: { label: 'Outcomes', names: ['outcomes', 'outcome', 'expectedoutcomes'], required: false },
  notes: { label: 'Notes', names: ['notes', 'note', 'comments'], required: false },
  priorities: {
    label: 'Priority',
    names: ['priority', 'priorities', 'priorityid', 'priorityids', 'sapriority', 'sapriorities', 'situationalassessmentpriority', 'situationalassessmentpriorities'],
    required: false,
  },
};

const COLUMN_ORDER = Object.keys(COLUMNS) as Column[];

function headerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Which header cell holds each column; problems for missing or ambiguous required columns. */
function locateColumns(header: readonly string[]): { columns: Partial<Record<Column, string>>; problems: PlanProblem[] } {
  const columns: Partial<Record<Column, string>> = {};
  const problems: PlanProblem[] = [];
  for (const column of COLUMN_ORDER) {
    const matches = header.filter((name) => COLUMNS[column].names.includes(headerKey(name)));
    if (matches.length > 1) {
      problems.push({ row: 1, message: `more than one column could be the ${COLUMNS[column].label} column: ${quoteList(matches)}` });
    } else if (matches.length === 1) {
      columns[column] = matches[0];
    } else if (COLUMNS[column].required) {
      problems.push({ row: 1, message: `no ${COLUMNS[column].label} column: the header row needs one named ${quoteList(headerExamples(column))}` });
    }
  }
  return { columns, problems };
}

function headerExamples(column: Column): string[] {
  const examples: Record<Column, string[]> = {
    id: ['Action id', 'ID', 'No.'],
    theme: ['Theme'],
    text: ['Key action', 'Action'],
    who: ['Who', 'Lead'],
    timescale: ['Timescale'],
    outcomes: ['Outcomes'],
    notes: ['Notes'],
    priorities: ['Priority', 'Priorities'],
  };
  return examples[column];
}

/** The cell's text with runs of white space (including line breaks inside a cell) made single spaces. */
function tidy(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

const ACTION_ID = /^(\d{1,2})\.(\d{1,2})\.?$/;
const LEADING_ACTION_ID = /^(\d{1,2}\.\d{1,2})\.?\s+(.*)$/s;

interface ThemeCell {
  readonly number?: number;
  readonly title: string;
}

/** "3. Awareness, Learning and Development", "Theme 3: Awareness", "3" or a bare title. */
function parseThemeCell(cell: string): ThemeCell {
  const match = /^(?:theme\s*)?(\d{1,2})(?:\s*[.):\-\u2013\u2014]\s*|\s+|$)(.*)$/is.exec(cell);
  if (!match) return { title: cell };
  return { number: Number(match[1]), title: tidy(match[2]) };
}

function sameTitle(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Owners: the Who column against each organisation's name and aliases.
// ---------------------------------------------------------------------------------------------

function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const isWordChar = (char: string | undefined) => char !== undefined && /[a-z0-9]/.test(char);

/** Where `needle` first occurs in `haystack` as whole words, or -1. Both already normalised. */
function wordIndex(haystack: string, needle: string): number {
  if (needle === '') return -1;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + needle.length])) return at;
  }
  return -1;
}

/**
 * True when the Who cell gives the action to every specified authority: the seed writes "ALL" or
 * "ALL specified authorities" in capitals for that. A cell that begins with "All" and the phrase
 * "all agencies" ("Prevent leads in all agencies") mean the same. Lower-case "all" elsewhere describes
 * the work rather than who owns it: "Prevent Officer – to survey all specified authorities" (6.7)
 * belongs to the Prevent Officer alone.
 */
export function namesEveryAuthority(who: string): boolean {
  return /\bALL\b/.test(who) || /^\s*all\b/i.test(who) || /\ball agencies\b/i.test(who);
}

/**
 * Organisations that are specified authorities under the Prevent duty: not the voluntary sector, and
 * not a partner marked `specifiedAuthority: false`.
 */
export function isSpecifiedAuthority(organisation: Organisation): boolean {
  return organisation.specifiedAuthority ?? organisation.sector !== 'voluntary-community';
}

/**
 * The owner organisations a Who cell names, in the order the cell names them, then (for "ALL") every
 * specified authority in the order given. Matching is case-insensitive on whole words against each
 * organisation's name and aliases, with "&" read as "and"; roles such as "Prevent Officer" or
 * "Channel Panel Chair" reach their organisation through that organisation's aliases.
 */
export function ownersNamedBy(who: string, organisations: readonly Organisation[]): string[] {
  const text = normaliseForMatch(who);
  const found: { id: string; at: number }[] = [];
  for (const organisation of organisations) {
    const positions = [organisation.name, ...organisation.aliases].map((name) => wordIndex(text, normaliseForMatch(name))).filter((at) => at >= 0);
    if (positions.length > 0) found.push({ id: organisation.id, at: Math.min(...positions) });
  }
  const owners = found.sort((a, b) => a.at - b.at).map((f) => f.id);
  if (namesEveryAuthority(who)) {
    for (const organisation of organisations.filter(isSpecifiedAuthority)) {
      if (!owners.includes(organisation.id)) owners.push(organisation.id);
    }
  }
  return owners;
}

// ---------------------------------------------------------------------------------------------
// Timescales.
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_DATE =
  /\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b/gi;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const UK_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;

const RECURRING =
  /\b(?:ongoing|on-going|regular|regularly|daily|weekly|fortnightly|monthly|quarterly|termly|annual|annually|bi-?annual|bi-?annually|yearly|every|continuous|continuously)\b/i;

/** Words that make the date after them a deadline even in a recurring timescale ("Monthly, review by June 2018"). */
const DEADLINE_BEFORE = /\b(?:by|before|until|due|deadline:?|no later than)\s+(?:the\s+)?(?:end\s+(?:of\s+)?)?$/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day?: number): string | undefined {
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return undefined;
  const last = lastDayOf(year, month);
  const d = day ?? last;
  if (d < 1 || d > last) return undefined;
  return `${year}-${pad(month)}-${pad(d)}`;
}

interface FoundDate {
  readonly date: string;
  readonly at: number;
}

function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (at: number, date: string | undefined) => {
    if (date) found.push({ at, date });
  };
  for (const m of text.matchAll(MONTH_DATE)) {
    const month = MONTHS[m[2]!.slice(0, 3).toLowerCase()]!;
    add(m.index, isoDate(Number(m[3]), month, m[1] ? Number(m[1]) : undefined));
  }
  for (const m of text.matchAll(ISO_DATE)) add(m.index, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(UK_DATE)) add(m.index, isoDate(Number(m[3]), Number(m[2]), Number(m[1])));
  return found.sort((a, b) => a.at - b.at);
}

function latest(dates: readonly FoundDate[]): string | undefined {
  return dates
    .map((d) => d.date)
    .sort()
    .at(-1);
}

export interface ParsedTimescale {
  readonly dueDate?: string;
  readonly recurring: boolean;
}

/**
 * Reads a Timescale cell the way the seed plan writes them.
 *
 * Rules, in order:
 * 1. Text in brackets is context, not the timescale: "July 2018 (Last reviewed in July 2017)" is due
 *    in July 2018.
 * 2. A month and year means the end of that month ("December 2017" -> 2017-12-31); "Dec", "Sept", a
 *    day ("31 March 2018"), ISO 2018-03-31 and UK 31/03/2018 dates are read too. A date with no year
 *    ("every spring") is not a date.
 * 3. Recurring work — "Ongoing", "Regular engagement", "Weekly", "Monthly", "Quarterly", "Termly",
 *    "Bi-annual", "Annual(ly)", "every ..." — is `recurring: true`, and has a due date only when a
 *    date is written as a deadline ("by", "before", "until", "due", "deadline"). Otherwise its dates
 *    are start dates: "Termly meetings from October 2017" has no due date.
 * 4. Anything else with dates is due by the end of the LATEST month it names: the action is done
 *    when its last named step is. "Pilot session in August 2017 – roll out from September 2017" is
 *    due 2017-09-30, "New package available from February 2018" 2018-02-28, "2 sessions delivered in
 *    Dec 2017" 2017-12-31, "Launch by end March 2018" 2018-03-31.
 * 5. No date and no recurring word (including an empty cell): no due date, not recurring; the text is
 *    still kept on the action as written.
 */
export function parseTimescale(timescale: string): ParsedTimescale {
  const text = tidy(timescale.replace(/\([^)]*\)/g, ' '));
  const dates = datesIn(text);
  if (RECURRING.test(text)) {
    const deadlines = dates.filter((d) => DEADLINE_BEFORE.test(text.slice(0, d.at)));
    const dueDate = latest(deadlines);
    return dueDate ? { recurring: true, dueDate } : { recurring: true };
  }
  const dueDate = latest(dates);
  return dueDate ? { recurring: false, dueDate } : { recurring: false };
}

/** "CTLP action", "OFOF action", "OFOF and CTLP action" in the Notes column. */
export function flagsIn(notes: string): Action['flags'] {
  const named = new Set<string>();
  const pattern = /\b((?:CTLP|OFOF)(?:\s*(?:,|\/|&|and)\s*(?:CTLP|OFOF))*)\s+actions?\b/gi;
  for (const match of notes.matchAll(pattern)) {
    for (const flag of match[1]!.match(/CTLP|OFOF/gi) ?? []) named.add(flag.toUpperCase());
  }
  return ACTION_FLAGS.filter((flag) => named.has(flag));
}

// ---------------------------------------------------------------------------------------------
// The import.
// ---------------------------------------------------------------------------------------------

function isBlank(row: PlanRow): boolean {
  return Object.values(row.values).every((value) => tidy(value) === '');
}

/** "It looks like it contains an NHS number. Please remove it." as the rest of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Every cell of the file through the personal-data screen, the header included, and columns the
 * importer does not read as well: the plan is governance data, and a column ignored today could be
 * read tomorrow. Each problem names the row and the column, never the text that was found. A header
 * cell that itself looks personal is named by its position, so the problem never echoes it.
 */
function personalDataProblems(table: PlanTable, screen: PersonalDataScreen, organisations: readonly Organisation[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  // Plans name partner organisations and their premises; known as organisations, they are not people.
  const options = { knownNames: organisationNames(organisations) };
  // Each distinct text is screened once: a workbook can repeat one long shared string in every cell.
  const findingsFor = new Map<string, string[]>();
  const screenOnce = (value: string) => {
    let findings = findingsFor.get(value);
    if (!findings) {
      const text = tidy(value);
      findings = text === '' ? [] : screen(text, options);
      findingsFor.set(value, findings);
    }
    return findings;
  };
  const columnLabel = new Map<string, string>();
  table.header.forEach((name, index) => {
    const findings = screen(tidy(name), options);
    columnLabel.set(name, findings.length > 0 ? `Column ${index + 1}` : name);
    for (const finding of findings) problems.push({ row: 1, message: `Column ${index + 1} heading: ${lowerFirst(finding)}` });
  });
  for (const row of table.rows) {
    for (const [name, value] of Object.entries(row.values)) {
      for (const finding of screenOnce(value)) problems.push({ row: row.row, message: `${columnLabel.get(name) ?? name}: ${lowerFirst(finding)}` });
    }
  }
  return problems;
}

/**
 * Turns the rows of a plan into actions owned by the partnership's organisations.
 *
 * Per row: the action id ("3.1") is required and unique (when the Action id cell is empty, an id at
 * the start of the Key action text is used, as the seed writes them); the Theme ("3. Awareness,
 * Learning and Development", "3", or blank to keep the theme of the row above) must have the number
 * the id starts with, and each theme needs its title written once; the Key action text is required;
 * the Who column must name at least one organisation (see {@link ownersNamedBy}); the Timescale is
 * read by {@link parseTimescale}; Notes give the CTLP / OFOF flags. A row with only a Theme is a
 * section heading and sets the theme for the rows below it; empty rows are skipped.
 *
 * Before any of that, every cell passes the personal-data screen. When any cell looks personal, only
 * those problems are returned: the others quote cells, and must not quote personal data back.
 */
export function importPlan(table: PlanTable, organisations: readonly Organisation[], screen: PersonalDataScreen = screenForPersonalData, options: ImportOptions = {}): PlanImport {
  const personal = personalDataProblems(table, screen, organisations);
  if (personal.length > 0) return { actions: [], problems: personal };
  const { columns, problems } = locateColumns(table.header);
  if (problems.length > 0) return { actions: [], problems };
  const ownersToSet: OwnerToSet[] = [];

  const cell = (row: PlanRow, column: Column) => {
    const name = columns[column];
    return name === undefined ? '' : tidy(row.values[name]);
  };
  const rows = table.rows.filter((row) => !isBlank(row));

  // First pass: every theme's title, wherever it is written, so "3" can name a theme titled elsewhere.
  const titles = new Map<number, { title: string; row: number }>();
  for (const row of rows) {
    const theme = parseThemeCell(cell(row, 'theme'));
    if (theme.number === undefined || theme.title === '') continue;
    const known = titles.get(theme.number);
    if (!known) titles.set(theme.number, { title: theme.title, row: row.row });
    else if (!sameTitle(known.title, theme.title)) {
      problems.push({ row: row.row, message: `theme ${theme.number} is called "${theme.title}" here but "${known.title}" in row ${known.row}` });
    }
  }

  const actions: Action[] = [];
  const seen = new Map<string, number>();
  let current: { number: number; row: number } | undefined;

  for (const row of rows) {
    const rowProblems: string[] = [];
    const themeCell = cell(row, 'theme');
    let text = cell(row, 'text');
    let id = cell(row, 'id');
    const leading = LEADING_ACTION_ID.exec(text);
    if (leading && (id === '' || id.replace(/\.$/, '') === leading[1])) {
      id = leading[1]!;
      text = tidy(leading[2]);
    }
    const otherCells = (['id', 'text', 'who', 'timescale', 'outcomes', 'notes'] as const).some((c) => cell(row, c) !== '');

    const idMatch = ACTION_ID.exec(id);
    const idTheme = idMatch ? Number(idMatch[1]) : undefined;

    // Theme: this row's, or the one above it.
    let themeNumber: number | undefined;
    let inheritedFrom: number | undefined;
    if (themeCell !== '') {
      const theme = parseThemeCell(themeCell);
      themeNumber = theme.number ?? [...titles].find(([, t]) => sameTitle(t.title, theme.title))?.[0] ?? idTheme;
      if (themeNumber === undefined) rowProblems.push(`theme "${themeCell}" has no number: write it like "3. ${themeCell}"`);
      else {
        if (theme.number === undefined && !titles.has(themeNumber)) titles.set(themeNumber, { title: theme.title, row: row.row });
        current = { number: themeNumber, row: row.row };
      }
      if (!otherCells) {
        if (rowProblems.length > 0) problems.push(...rowProblems.map((message) => ({ row: row.row, message })));
        continue; // a section heading
      }
    } else if (current) {
      themeNumber = current.number;
      inheritedFrom = current.row;
    } else {
      rowProblems.push('no theme: give the first action of each theme its Theme, like "3. Awareness, Learning and Development"');
    }

    if (id === '') rowProblems.push(`no action id: put one like "${themeNumber ?? 3}.1" in the ${COLUMNS.id.label} column`);
    else if (!idMatch) rowProblems.push(`action id "${id}" is not like "3.1"`);
    const actionId = idMatch ? `${Number(idMatch[1])}.${Number(idMatch[2])}` : id;
    const label = id === '' ? 'the action' : `action ${actionId}`;

    if (idMatch) {
      const earlier = seen.get(actionId);
      if (earlier !== undefined) rowProblems.push(`action ${actionId} is also in row ${earlier}`);
      else seen.set(actionId, row.row);
    }

    const themeTitle = themeNumber === undefined ? undefined : titles.get(themeNumber)?.title;
    if (themeNumber !== undefined && idTheme !== undefined && themeNumber !== idTheme) {
      const where = inheritedFrom === undefined ? '' : ` (carried down from row ${inheritedFrom}; fill in this row's Theme)`;
      rowProblems.push(`${label} belongs to theme ${idTheme} by its id but is under theme ${themeNumber}${where}`);
    } else if (themeNumber !== undefined && themeTitle === undefined) {
      rowProblems.push(`theme ${themeNumber} has no title: write it once in full, like "${themeNumber}. Safe Education"`);
    }

    if (text === '') rowProblems.push(`${label} has no ${COLUMNS.text.label} text`);

    const priorityCell = cell(row, 'priorities');
    const priorities = readPriorityIds(priorityCell);
    for (const part of priorities.unreadable) rowProblems.push(`${label}: priority "${part}" is not like "P1"; write them like "P1, P3"`);
    const register = options.priorities;
    for (const id of register ? priorities.ids.filter((p) => !register.ids.includes(p)) : []) {
      rowProblems.push(`${label}: priority ${id} is not one of the ${register!.financialYear} priorities (${register!.ids.join(', ') || 'none yet'})`);
    }

    const who = cell(row, 'who');
    const owners = ownersNamedBy(who, organisations);
    if (who === '') rowProblems.push(`${label} has no ${COLUMNS.who.label}: name at least one organisation`);
    else if (owners.length === 0 && options.leaveUnmatchedOwners) ownersToSet.push({ actionId, who });
    else if (owners.length === 0) rowProblems.push(`no owner organisation matches "${who}"`);

    if (rowProblems.length > 0) {
      problems.push(...rowProblems.map((message) => ({ row: row.row, message })));
      continue;
    }

    const timescale = cell(row, 'timescale');
    const notes = cell(row, 'notes');
    const parsed = actionSchema.safeParse({
      id: actionId,
      themeNumber,
      themeTitle,
      text,
      who,
      ownerOrganisationIds: owners,
      timescale,
      ...parseTimescale(timescale),
      outcomes: cell(row, 'outcomes'),
      notes,
      flags: flagsIn(notes),
      ...(priorities.ids.length > 0 ? { priorityIds: priorities.ids } : {}),
    });
    if (parsed.success) actions.push(parsed.data);
    else problems.push(...describeZodIssues(parsed.error).map((message) => ({ row: row.row, message: `${label}: ${message}` })));
  }

  if (problems.length === 0 && actions.length === 0) {
    problems.push({ row: 1, message: 'the file has no actions below its header row' });
  }
  if (problems.length > 0) {
    return {
      actions: [],
      problems: problems
        .map((p, i) => ({ p, i }))
        .sort((a, b) => a.p.row - b.p.row || a.i - b.i)
        .map(({ p }) => p),
    };
  }
  const sorted = actions.sort((a, b) => compareActionIds(a.id, b.id));
  const readsPriorities = columns.priorities !== undefined ? { readsPriorities: true as const } : {};
  if (ownersToSet.length === 0) return { actions: sorted, problems: [], ...readsPriorities };
  return { actions: sorted, problems: [], ownersToSet: ownersToSet.sort((a, b) => compareActionIds(a.actionId, b.actionId)), ...readsPriorities };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * What to tell the person importing: "Imported 32 actions in 6 themes", or "Nothing imported: 2 rows
 * could not be read" followed by one "row 7: ..." line per problem. Callers save nothing unless
 * `problems` is empty.
 */
export function summariseImport(result: PlanImport): string {
  if (result.problems.length > 0) {
    const rows = new Set(result.problems.map((p) => p.row)).size;
    return [`Nothing imported: ${plural(rows, 'row')} could not be read`, ...result.problems.map((p) => `row ${p.row}: ${p.message}`)].join('\n');
  }
  const themes = new Set(result.actions.map((a) => a.themeNumber)).size;
  const imported = `Imported ${plural(result.actions.length, 'action')} in ${plural(themes, 'theme')}`;
  return [imported, ...(result.ownersToSet ?? []).map((o) => `action ${o.actionId}: owner to be set by the Prevent Officer (the plan says "${o.who}")`)].join('\n');
}
