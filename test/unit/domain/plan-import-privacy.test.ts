import { PlanImportService } from '../../../src/domain/actions/plan-import-service';
import { importPlan, type PlanTable } from '../../../src/domain/actions/plan-import';
import type { Organisation } from '../../../src/domain/partnership/organisation';
import { screenForPersonalData } from '../../../src/domain/privacy/screen';
import { readCsvText } from '../../../src/plan-files/plan-file-reader';
import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';

const ORGANISATIONS: Organisation[] = [
  { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: ['Prevent Officer'] },
  { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] },
];
const OFFICER = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer' as const };

// Personal data a reviewer put in a plan: each piece must stop the import without being echoed.
const NHS_NUMBER = '943 476 5919';
const MOBILE = '07700 900123';
const POSTCODE = 'CV34 4RL';
const DOB = '12/03/2009';

function csv(...lines: string[]): PlanTable {
  return readCsvText(['Action id,Theme,Key action,Who,Timescale,Outcomes,Notes,Extra', ...lines].join('\n'));
}

const CLEAN_ROW = '1.1,1. Working with communities,Run community roadshows,Warwickshire County Council,March 2027,Communities know how to raise concerns,CTLP action,';

describe('an imported plan passes the personal-data screen, cell by cell', () => {
  it('refuses the whole file when the Notes hold a name and postcode, a date of birth, an NHS number and a mobile number', () => {
    const result = importPlan(
      csv(
        CLEAN_ROW,
        `1.2,,Share tension monitoring,Warwickshire and West Mercia Police,Ongoing,,"Referred Mrs Khan, ${POSTCODE}; DOB ${DOB}; NHS ${NHS_NUMBER}; mobile ${MOBILE}"`,
      ),
      ORGANISATIONS,
    );
    expect(result.actions).toEqual([]);
    const messages = result.problems.map((p) => `row ${p.row}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^row 3: Notes: it looks like it contains an NHS number/),
        expect.stringMatching(/^row 3: Notes: it looks like it contains .*phone number/),
        expect.stringMatching(/^row 3: Notes: it looks like it contains .*date of birth/),
        expect.stringMatching(/^row 3: Notes: it looks like it contains .*postcode/),
      ]),
    );
  });

  it('never repeats the personal data it found, even where other problems would quote the cell', () => {
    // The Who cell matches no organisation, which on its own is reported by quoting the cell.
    const result = importPlan(csv(`1.1,1. Working with communities,Run roadshows,Mrs Khan ${POSTCODE} ${MOBILE},March 2027,,,`), ORGANISATIONS);
    const text = JSON.stringify(result.problems);
    for (const secret of [POSTCODE, MOBILE, 'Khan']) expect(text).not.toContain(secret);
    expect(result.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Who: it looks like it contains/)]));
  });

  it('screens columns the importer does not read, and names a personal header cell by its position', () => {
    const table = readCsvText([`Action id,Theme,Key action,Who,Call ${MOBILE}`, `${CLEAN_ROW.split(',').slice(0, 4).join(',')},email a.person@example.org`].join('\n'));
    const messages = importPlan(table, ORGANISATIONS).problems.map((p) => `row ${p.row}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^row 1: Column 5 heading: it looks like it contains .*phone number/),
      expect.stringMatching(/^row 2: Column 5: it looks like it contains .*email/),
    ]);
  });

  it('screens each distinct text once, so a workbook repeating one long string in every cell costs one screen', () => {
    const screened: string[] = [];
    const counting = (text: string) => (screened.push(text), screenForPersonalData(text));
    const long = 'Deliver WRAP training to staff across the county. '.repeat(60);
    const header = ['Action id', 'Theme', 'Key action', 'Who', ...Array.from({ length: 50 }, (_, i) => `Extra ${i}`)];
    const rows = Array.from({ length: 200 }, (_, i) => ({ row: i + 2, values: Object.fromEntries(header.map((name) => [name, long])) }));
    importPlan({ header, rows }, ORGANISATIONS, counting);
    expect(screened.filter((text) => text === long.trim())).toHaveLength(1);
  });

  it('imports a plan with no personal data as before', () => {
    expect(importPlan(csv(CLEAN_ROW), ORGANISATIONS)).toMatchObject({ problems: [], actions: [expect.objectContaining({ id: '1.1' })] });
  });

  it('writes nothing when the service is given such a file, for the chat and the command line alike', async () => {
    const actions = new MemoryActionRepository();
    const organisations = new MemoryOrganisationRepository();
    for (const organisation of ORGANISATIONS) await organisations.save('p', organisation, { id: 'test', name: 'test' });
    const outcome = await new PlanImportService(actions, organisations).importTable('p', OFFICER, csv(CLEAN_ROW, `1.2,,Share,Warwickshire County Council,,,NHS ${NHS_NUMBER},`));
    expect(outcome.saved).toBe(false);
    expect(outcome.summary).toMatch(/^Nothing imported: 1 row could not be read\nrow 3: Notes: it looks like it contains an NHS number/);
    expect(outcome.summary).not.toContain(NHS_NUMBER);
    expect(await actions.list('p')).toEqual([]);
  });

  it("knows the partnership's own organisations: a partner's premises beside its address is not a person's, a child at a partner school still is", () => {
    const withHospital: Organisation[] = [...ORGANISATIONS, { id: 'geh', name: 'George Eliot Hospital', sector: 'health-social-care', aliases: [] }];
    const venueRow = `${CLEAN_ROW}`.replace(/,$/, ',"Meeting at George Eliot Hospital, Nuneaton CV10 7DJ"');
    expect(importPlan(csv(venueRow), ORGANISATIONS).problems).toHaveLength(1);
    expect(importPlan(csv(venueRow), withHospital).problems).toEqual([]);
    const child = importPlan(csv(`${CLEAN_ROW}`.replace(/,$/, ',the girl in year 8 at George Eliot Hospital school')), withHospital);
    expect(child.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Extra: it looks like it contains a child's school and year group/)]);
  });
});
