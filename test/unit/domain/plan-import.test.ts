import { flagsIn, importPlan, parseTimescale, summariseImport, type PlanTable } from '../../../src/domain/actions/plan-import';
import type { Organisation } from '../../../src/domain/partnership/organisation';

const ORGANISATIONS: Organisation[] = [
  { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: ['WCC', 'Prevent Officer', 'Channel Panel Chair'] },
  { id: 'nbbc', name: 'Nuneaton and Bedworth Borough Council', sector: 'local-government', aliases: ['NBBC', 'District & Borough'] },
  { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: ['Police Prevent Team'] },
  { id: 'swft', name: 'South Warwickshire NHS Foundation Trust', sector: 'health-social-care', aliases: [] },
  { id: 'cava', name: 'Warwickshire Community and Voluntary Action', sector: 'voluntary-community', aliases: ['CAVA'] },
];
const SPECIFIED_AUTHORITIES = ['wcc', 'nbbc', 'police', 'swft'];

const HEADER = ['Action id', 'Theme', 'Key action', 'Who', 'Timescale', 'Outcomes', 'Notes'];

/** A table as the file reader gives it: the header is row 1, so data rows start at row 2. */
function table(header: string[], ...rows: string[][]): PlanTable {
  return {
    header,
    rows: rows.map((cells, index) => ({
      row: index + 2,
      values: Object.fromEntries(header.map((name, column) => [name, cells[column] ?? ''])),
    })),
  };
}

/** One plan row in the standard columns; override any cell by name. */
function row(cells: Partial<Record<'id' | 'theme' | 'text' | 'who' | 'timescale' | 'outcomes' | 'notes', string>>): string[] {
  return [
    cells.id ?? '3.1',
    cells.theme ?? '',
    cells.text ?? 'Continue to provide WRAP training sessions',
    cells.who ?? 'Prevent Officer',
    cells.timescale ?? 'Monthly',
    cells.outcomes ?? '',
    cells.notes ?? '',
  ];
}

const THEME_3 = '3. Awareness, Learning and Development';

function plan(...rows: string[][]) {
  return importPlan(table(HEADER, ...rows), ORGANISATIONS);
}

describe('importPlan: columns', () => {
  it.each([
    [['Action id', 'Theme', 'Key action', 'Who', 'Timescale', 'Outcomes', 'Notes']],
    [['ID', 'theme', 'ACTION', 'Lead', 'timescale', 'Outcome', 'notes']],
    [['No.', ' Theme ', 'Key Action', 'WHO', 'Timescale', 'Outcomes', 'Notes']],
    [['Action ID', 'Theme', 'Key actions', 'Who', 'Timescales', 'Outcomes', 'Note']],
  ])('reads the header %j', (header) => {
    const result = importPlan(table(header, row({ theme: THEME_3, outcomes: 'Staff are aware', notes: 'CTLP action' })), ORGANISATIONS);
    expect(result.actions).toEqual([
      expect.objectContaining({
        id: '3.1',
        themeNumber: 3,
        text: 'Continue to provide WRAP training sessions',
        who: 'Prevent Officer',
        outcomes: 'Staff are aware',
        flags: ['CTLP'],
      }),
    ]);
  });

  it('names a missing required column on row 1', () => {
    const header = ['Action id', 'Theme', 'Key action', 'Timescale'];
    expect(importPlan(table(header, ['3.1', THEME_3, 'Text', 'Monthly']), ORGANISATIONS).problems).toEqual([
      { row: 1, message: 'no Who column: the header row needs one named "Who", "Lead"' },
    ]);
  });

  it('takes the action id from the start of the key action text when there is no id column', () => {
    const header = ['Theme', 'Key action', 'Who'];
    const result = importPlan(table(header, [THEME_3, '3.1 Continue to provide WRAP training sessions', 'Prevent Officer']), ORGANISATIONS);
    expect(result.actions[0]).toMatchObject({ id: '3.1', text: 'Continue to provide WRAP training sessions' });
  });
});

describe('importPlan: themes', () => {
  it('gives a row with a blank Theme the theme of the row above', () => {
    const result = plan(row({ id: '3.1', theme: THEME_3 }), row({ id: '3.2', theme: '' }));
    expect(result.actions.map((a) => [a.id, a.themeNumber, a.themeTitle])).toEqual([
      ['3.1', 3, 'Awareness, Learning and Development'],
      ['3.2', 3, 'Awareness, Learning and Development'],
    ]);
  });

  it('treats a row holding only a Theme as a section heading for the rows below', () => {
    const result = plan(['', THEME_3, '', '', '', '', ''], row({ id: '3.1' }));
    expect(result.actions).toEqual([expect.objectContaining({ id: '3.1', themeNumber: 3, themeTitle: 'Awareness, Learning and Development' })]);
  });

  it('accepts a bare theme number when the theme title is written on another row', () => {
    const result = plan(row({ id: '3.1', theme: '3' }), row({ id: '3.2', theme: THEME_3 }));
    expect(result.actions.map((a) => a.themeTitle)).toEqual(['Awareness, Learning and Development', 'Awareness, Learning and Development']);
  });

  it('reports an action whose id names a different theme from its Theme cell', () => {
    expect(plan(row({ id: '4.1', theme: THEME_3 })).problems).toEqual([{ row: 2, message: 'action 4.1 belongs to theme 4 by its id but is under theme 3' }]);
  });

  it('says when the mismatched theme was carried down from an earlier row', () => {
    expect(plan(row({ id: '3.1', theme: THEME_3 }), row({ id: '4.1' })).problems).toEqual([
      { row: 3, message: "action 4.1 belongs to theme 4 by its id but is under theme 3 (carried down from row 2; fill in this row's Theme)" },
    ]);
  });

  it('reports a first action with no theme at all', () => {
    expect(plan(row({ id: '3.1', theme: '' })).problems).toEqual([
      { row: 2, message: 'no theme: give the first action of each theme its Theme, like "3. Awareness, Learning and Development"' },
    ]);
  });
});

describe('importPlan: action ids', () => {
  it('reports a repeated action id on the later row, naming the first', () => {
    expect(plan(row({ id: '3.1', theme: THEME_3 }), row({ id: '3.1' })).problems).toEqual([{ row: 3, message: 'action 3.1 is also in row 2' }]);
  });

  it('reports an id that is not like "3.1"', () => {
    expect(plan(row({ id: '3-1', theme: THEME_3 })).problems).toEqual([{ row: 2, message: 'action id "3-1" is not like "3.1"' }]);
  });

  it('reports a row with key action text but no id', () => {
    expect(plan(row({ id: '', theme: THEME_3 })).problems).toEqual([{ row: 2, message: 'no action id: put one like "3.1" in the Action id column' }]);
  });
});

describe('importPlan: owners', () => {
  it('names the Who text that matches no organisation', () => {
    expect(plan(row({ theme: THEME_3, who: 'Regional FE Prevent Lead' })).problems).toEqual([{ row: 2, message: 'no owner organisation matches "Regional FE Prevent Lead"' }]);
  });

  it('lists owners in the order the Who column names them, through names and aliases', () => {
    const result = plan(row({ theme: THEME_3, who: 'NBBC; Prevent Officer; Police Prevent Team' }));
    expect(result.actions[0]!.ownerOrganisationIds).toEqual(['nbbc', 'wcc', 'police']);
  });

  it.each([
    ['prevent officer', ['wcc']],
    ['South Warwickshire NHS Foundation Trust', ['swft']],
    ['District and Borough teams', ['nbbc']],
    ['WCC Comms', ['wcc']],
    ['WCCX; Police Prevent Team', ['police']],
  ])('matches "%s" case-insensitively on whole words', (who, owners) => {
    expect(plan(row({ theme: THEME_3, who })).actions[0]!.ownerOrganisationIds).toEqual(owners);
  });

  it.each([['ALL'], ['ALL specified authorities'], ['All specified authorities'], ['Prevent leads in all agencies']])(
    'gives "%s" to every specified authority, not the voluntary sector',
    (who) => {
      expect(plan(row({ theme: THEME_3, who })).actions[0]!.ownerOrganisationIds.sort()).toEqual([...SPECIFIED_AUTHORITIES].sort());
    },
  );

  it('does not read "to survey all specified authorities" as ownership by all of them', () => {
    const result = plan(row({ theme: THEME_3, who: 'Prevent Officer – to survey all specified authorities' }));
    expect(result.actions[0]!.ownerOrganisationIds).toEqual(['wcc']);
  });
});

describe('parseTimescale', () => {
  // Every Timescale cell of seed 002 (Warwickshire Prevent Action Plan 2017-18), plus a few variants.
  const readings: [timescale: string, dueDate: string | undefined, recurring: boolean][] = [
    ['December 2017', '2017-12-31', false],
    ['March 2018', '2018-03-31', false],
    ['January 2018', '2018-01-31', false],
    ['July 2018 (Last reviewed in July 2017)', '2018-07-31', false],
    ['July 2018 (Last report produced July 2017)', '2018-07-31', false],
    ['May 2018 (Last event held in May 2017)', '2018-05-31', false],
    ['By March 2018', '2018-03-31', false],
    ['by end March 2018', '2018-03-31', false],
    ['Launch by end March 2018', '2018-03-31', false],
    ['Audit complete by March 2018', '2018-03-31', false],
    ['2 sessions delivered in Dec 2017', '2017-12-31', false],
    ['Note for headteachers to go out in Sept 2017', '2017-09-30', false],
    ['Pilot session in August 2017 – roll out from September 2017', '2017-09-30', false],
    ['New package available from February 2018', '2018-02-28', false],
    ['Ongoing', undefined, true],
    ['Regular engagement', undefined, true],
    ['Weekly', undefined, true],
    ['Monthly', undefined, true],
    ['Sessions are monthly', undefined, true],
    ['Quarterly newsletter', undefined, true],
    ['Quarterly monitoring to be reported in the Prevent Officer Update to the Prevent Strategy Group', undefined, true],
    ['Annual review alongside the Terms of Reference Quarterly monitoring of meeting attendance', undefined, true],
    ['Monthly data collection Summary reported to Prevent Strategy Group quarterly', undefined, true],
    ['Annually - every spring', undefined, true],
    ['Bi-annual meetings from November 2017', undefined, true],
    ['Termly meetings from October 2017', undefined, true],
    ['Monthly, first review by June 2018', '2018-06-30', true],
    ['31 March 2018', '2018-03-31', false],
    ['2018-03-15', '2018-03-15', false],
    ['15/03/2018', '2018-03-15', false],
    ['', undefined, false],
    ['To be confirmed', undefined, false],
  ];
  it.each(
    readings.map(([timescale, dueDate, recurring]) => ({
      timescale,
      dueDate,
      recurring,
      reading: `${dueDate ? `due ${dueDate}` : 'no due date'}${recurring ? ', recurring' : ''}`,
    })),
  )('reads "$timescale" as $reading', ({ timescale, dueDate, recurring }) => {
    expect(parseTimescale(timescale)).toEqual(dueDate ? { dueDate, recurring } : { recurring });
  });

  it('keeps the timescale text on the action as written', () => {
    const result = plan(row({ theme: THEME_3, timescale: 'July 2018 (Last reviewed in July 2017)' }));
    expect(result.actions[0]).toMatchObject({ timescale: 'July 2018 (Last reviewed in July 2017)', dueDate: '2018-07-31', recurring: false });
  });
});

describe('flags', () => {
  it.each<[string, string[]]>([
    ['CTLP action', ['CTLP']],
    ['OFOF action', ['OFOF']],
    ['OFOF and CTLP action', ['CTLP', 'OFOF']],
    ['OFOF action; also links to hate crime action plan', ['OFOF']],
    ['Report to go to the SWPB, WSCB and WSAB', []],
    ['', []],
  ])('reads the notes "%s" as flags %j', (notes, flags) => {
    expect(flagsIn(notes)).toEqual(flags);
  });

  it('puts the flags on the imported action', () => {
    expect(plan(row({ theme: THEME_3, notes: 'OFOF and CTLP action' })).actions[0]!.flags).toEqual(['CTLP', 'OFOF']);
  });
});

describe('all or nothing', () => {
  it('imports no action at all when any row has a problem', () => {
    const result = plan(row({ id: '3.1', theme: THEME_3 }), row({ id: '3.2', who: 'Nobody we know' }), row({ id: '3.3' }));
    expect(result).toEqual({ actions: [], problems: [{ row: 3, message: 'no owner organisation matches "Nobody we know"' }] });
  });

  it('reports a file with a header and no actions', () => {
    expect(plan()).toEqual({ actions: [], problems: [{ row: 1, message: 'the file has no actions below its header row' }] });
  });

  it('skips empty rows without reporting them', () => {
    expect(plan(row({ id: '3.1', theme: THEME_3 }), ['', '', '', '', '', '', ''], row({ id: '3.2' })).actions).toHaveLength(2);
  });
});

describe('summariseImport', () => {
  it('counts actions and themes after a clean import', () => {
    const result = plan(row({ id: '3.1', theme: THEME_3 }), row({ id: '3.2' }), row({ id: '4.1', theme: '4. Safe Education' }));
    expect(summariseImport(result)).toBe('Imported 3 actions in 2 themes');
  });

  it('uses the singular for one action in one theme', () => {
    expect(summariseImport(plan(row({ theme: THEME_3 })))).toBe('Imported 1 action in 1 theme');
  });

  it('says nothing was imported, counting rows, and lists every problem by row', () => {
    const result = plan(row({ id: '3.1', theme: THEME_3, who: 'Regional FE Prevent Lead' }), row({ id: '3.1', text: '' }));
    expect(summariseImport(result)).toBe(
      [
        'Nothing imported: 2 rows could not be read',
        'row 2: no owner organisation matches "Regional FE Prevent Lead"',
        'row 3: action 3.1 is also in row 2',
        'row 3: action 3.1 has no Key action text',
      ].join('\n'),
    );
  });
});

describe('owners left for the Prevent Officer to set', () => {
  const leaving = (...rows: string[][]) => importPlan(table(HEADER, ...rows), ORGANISATIONS, undefined, { leaveUnmatchedOwners: true });

  it('imports an action whose Who names no organisation with no owner, and lists it with the Who as written', () => {
    const result = leaving(row({ id: '3.1', theme: THEME_3 }), row({ id: '3.2', who: 'ECINS Project Manager' }));
    expect(result.problems).toEqual([]);
    expect(result.actions.map((a) => [a.id, a.ownerOrganisationIds])).toEqual([
      ['3.1', ['wcc']],
      ['3.2', []],
    ]);
    expect(result.ownersToSet).toEqual([{ actionId: '3.2', who: 'ECINS Project Manager' }]);
  });

  it('says in the summary which actions still need an owner', () => {
    const result = leaving(row({ id: '3.1', theme: THEME_3, who: 'Chair of the Prevent Strategy Group' }));
    expect(summariseImport(result)).toBe('Imported 1 action in 1 theme\naction 3.1: owner to be set by the Prevent Officer (the plan says "Chair of the Prevent Strategy Group")');
  });

  it('still refuses an action with an empty Who', () => {
    expect(leaving(row({ id: '3.1', theme: THEME_3, who: '' })).problems).toEqual([{ row: 2, message: 'action 3.1 has no Who: name at least one organisation' }]);
  });

  it('lists nothing when every owner is matched', () => {
    expect(leaving(row({ id: '3.1', theme: THEME_3 })).ownersToSet).toBeUndefined();
  });
});

describe('"ALL specified authorities" and partners that are not one', () => {
  it('leaves out an organisation marked as not a specified authority, whatever its sector', () => {
    const ctpwm: Organisation = { id: 'ctpwm', name: 'Counter-Terrorism Policing West Midlands', sector: 'police', aliases: ['CTPWM'], specifiedAuthority: false };
    const result = importPlan(table(HEADER, row({ theme: THEME_3, who: 'ALL specified authorities' })), [...ORGANISATIONS, ctpwm]);
    expect(result.actions[0]!.ownerOrganisationIds).toEqual(SPECIFIED_AUTHORITIES);
  });
});
