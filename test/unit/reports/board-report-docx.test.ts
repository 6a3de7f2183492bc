import { buildBoardReport } from '../../../src/reports/board-report';
import { readDocx, sectionUnder, tablesIn, textsOf, type DocxContents } from '../../support/docx-reader';
import { boardReportFixture, firstRoundFixture } from '../../support/board-report-fixture';

const GREEN = 'C6EFCE';
const AMBER = 'FFEB9C';
const RED = 'FFC7CE';

async function docxOf(data = boardReportFixture()): Promise<DocxContents> {
  return readDocx((await buildBoardReport(data, 'docx', { partnershipName: 'Warwickshire Prevent Partnership' })).body);
}

const paragraphs = (blocks: readonly { kind: string; text?: string }[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text!] : []));

describe('the board report document', () => {
  let doc: DocxContents;
  beforeAll(async () => {
    doc = await docxOf();
  });

  it('has the sections the board reads, as real Word headings, in order', () => {
    const headings = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.style?.startsWith('Heading') ? [`${b.style}: ${b.text}`] : []));
    // SOP 4.1's seven areas, in its order, with the detail of each under it.
    expect(headings).toEqual([
      'Heading1: 1. Situational assessment',
      'Heading1: 2. Action plan',
      'Heading2: Overdue actions',
      'Heading2: Off track and at risk',
      'Heading1: 3. Referral pathway',
      'Heading1: 4. Channel panel',
      'Heading1: 5. Training',
      'Heading1: 6. Overall compliance',
      'Heading2: Ratings by benchmark',
      'Heading3: Organisations at each compliance rating, by benchmark',
      'Heading3: Compliance score by benchmark: 2026/27 Q3 against 2026/27 Q2',
      'Heading2: Items at Not yet started',
      'Heading2: Non-returns',
      'Heading1: 7. Engagement with key partners',
      'Heading2: Attendance at the last meeting',
    ]);
  });

  it('cites SOP 4.1 under every area', () => {
    for (const area of [
      '1. Situational assessment',
      '2. Action plan',
      '3. Referral pathway',
      '4. Channel panel',
      '5. Training',
      '6. Overall compliance',
      '7. Engagement with key partners',
    ]) {
      expect(paragraphs(sectionUnder(doc, area))[0]).toBe('Reported under SOP 4.1.');
    }
  });

  it("shows the year's priorities with the actions addressing each, and calls out the one with none", () => {
    const section = sectionUnder(doc, '1. Situational assessment');
    expect(textsOf(tablesIn(section)[0]!)).toEqual([
      ['Priority', 'Title', 'Source', 'Actions addressing it'],
      ['P1', 'Local risk picture kept current', 'CTLP 2026', '1: 1.1'],
      ['P2', 'Venues and permissive environments', '', '1: 6.4'],
      ['P3', 'Online radicalisation of young people', 'CTLP 2026', 'None'],
    ]);
    expect(paragraphs(section)).toEqual(
      expect.arrayContaining(['Priority P3 (Online radicalisation of young people) has no actions in the plan.', '3 of 5 actions address no priority of 2026-27: 3.1, 5.2, 6.1.']),
    );
  });

  it('says plainly where no Channel panel or training figures have been returned', () => {
    expect(paragraphs(sectionUnder(doc, '4. Channel panel'))).toContain('No Channel panel figures have been returned for this report yet.');
    expect(paragraphs(sectionUnder(doc, '5. Training'))).toContain('No training figures have been returned for this report yet.');
  });

  it('gives its heading styles outline levels, so LibreOffice and screen readers see the structure', () => {
    expect(doc.stylesXml).toMatch(/w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(doc.stylesXml).toMatch(/w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/);
  });

  it('opens with the title page: partnership, round, framework and when it was generated', () => {
    const start = doc.blocks.slice(0, 6).map((b) => (b.kind === 'paragraph' ? b.text : 'table'));
    expect(start).toEqual([
      'Prevent Partnership Board report',
      'Partnership: Warwickshire Prevent Partnership',
      'Self-assessment round: 2026/27 Q3 (closes 31 Dec 2026)',
      'Framework: Prevent Duty Toolkit (2018): Local Authority Partnership Self-Assessment Tool (2018)',
      'Generated: 22 Nov 2026, 10:00',
      "Prepared by the Prevent Officer from the Steering Group's records in the Prevent Partnership Bot.",
    ]);
  });

  it('summarises the overall compliance score and its movement, good practice, returns and the action plan', () => {
    // Figures worked out in test/support/board-report-fixture.ts: 36 of 48 points = 75%; 26 of 48 good-practice ratings Achieving.
    expect(paragraphs(sectionUnder(doc, '6. Overall compliance')).slice(1, 4)).toEqual([
      'Overall compliance score: 75% (up from 65% in 2026/27 Q2).',
      'Good practice: 26 of 48 in place.',
      'Returns: 3 of 4 organisations submitted their self-assessment return; 3 are needed before the score is final.',
    ]);
    expect(paragraphs(sectionUnder(doc, '2. Action plan'))[1]).toMatch(/^The action plan has 5 actions\./);
  });

  it('marks the score provisional before the quorum and says when the previous round rests on other organisations', async () => {
    const data = boardReportFixture();
    const summary = {
      ...data.summary,
      previousRound: { id: '2026-27-q2', name: '2026/27 Q2', returned: 2, sameOrganisations: false },
      returns: { ...data.summary.returns, quorum: 4, provisional: true },
    };
    const early = await docxOf({ ...data, summary });
    expect(paragraphs(sectionUnder(early, '6. Overall compliance'))[1]).toBe(
      'Overall compliance score: 75% (provisional: from 3 of 4 organisations; 4 needed; up from 65% in 2026/27 Q2, when 2 organisations had returned, not the same ones).',
    );
  });

  describe('ratings by benchmark', () => {
    const table = () => tablesIn(sectionUnder(doc, 'Ratings by benchmark'))[0]!;

    it('has a header, one row per benchmark and the overall row', () => {
      expect(textsOf(table()).map((row) => row[0])).toEqual(['Benchmark', ...boardReportFixture().summary.benchmarks.map((b) => `${b.number}. ${b.title}`), 'Overall']);
    });

    it('gives counts per compliance rating, score, previous score, movement and good practice', () => {
      expect(textsOf(table())[0]).toEqual(['Benchmark', 'Not yet started', 'Developing', 'Achieving', 'Score', 'Previous', 'Movement', 'Good practice in place']);
      // Benchmark 4 holds no good practice; 9 has two items rated by three organisations, four Achieving.
      expect(textsOf(table())[4]).toEqual(['4. Referral Process', '1', '0', '2', '67%', '83%', 'Down', '']);
      expect(textsOf(table())[9]).toEqual(['9. Community and Civil Society Engagement', '0', '1', '2', '83%', '', 'New', '4 of 6']);
      expect(textsOf(table())[11]).toEqual(['Overall', '', '', '', '75%', '65%', 'Up', '26 of 48']);
    });

    it('shows a benchmark of good practice only by its good practice, with no ratings or score', () => {
      expect(textsOf(table())[6]).toEqual(['6. Prevent Problem Solving Process', '', '', '', 'good practice only', '', '', '4 of 6']);
    });

    it("shades each rating's header in its colour: red, amber, green", () => {
      expect(
        table()[0]!
          .slice(1, 4)
          .map((c) => c.fill),
      ).toEqual([RED, AMBER, GREEN]);
    });

    it('shades a count in its rating colour only when an organisation is at that rating', () => {
      expect(
        table()[8]!
          .slice(1, 4)
          .map((c) => c.fill),
      ).toEqual([RED, AMBER, GREEN]);
      expect(
        table()[4]!
          .slice(1, 4)
          .map((c) => c.fill),
      ).toEqual([RED, undefined, GREEN]);
    });

    it('shows both charts as PNG images with alternative text', () => {
      expect(doc.media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
      const descriptions = [...doc.documentXml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
      expect(descriptions).toHaveLength(2);
      expect(descriptions[0]).toContain('8. Venue Hire and IT Policies: 1 Not yet started, 1 Developing, 1 Achieving');
      expect(descriptions[1]).toContain('4. Referral Process: 67% (previously 83%)');
    });
  });

  it('lists every item an organisation rated Not yet started, with who', () => {
    const rows = textsOf(tablesIn(sectionUnder(doc, 'Items at Not yet started'))[0]!);
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Item', 'Kind', 'Organisations'],
      ['4.1', 'Expectation of Compliance', 'Warwickshire and West Mercia Police'],
      ['8.1', 'Expectation of Compliance', 'South Warwickshire NHS Foundation Trust'],
      ['8.2', 'Expectation of Compliance', 'South Warwickshire NHS Foundation Trust'],
      ['8.3', 'Good Practice Activity', 'South Warwickshire NHS Foundation Trust'],
    ]);
  });

  describe('action plan exceptions', () => {
    it('counts actions by RAG in shaded cells, with complete and total', () => {
      const rag = tablesIn(sectionUnder(doc, '2. Action plan'))[0]!;
      expect(textsOf(rag)).toEqual([
        ['Red', 'Amber', 'Green', 'Complete', 'Total'],
        ['2', '1', '2', '1', '5'],
      ]);
      expect(rag[0]!.slice(0, 3).map((c) => c.fill)).toEqual([RED, AMBER, GREEN]);
    });

    it('lists overdue actions with their owners and due dates', () => {
      expect(textsOf(tablesIn(sectionUnder(doc, 'Overdue actions'))[0]!)).toEqual([
        ['Action', 'Owners', 'Due', 'Status'],
        ['6.4 Ensure public venues are not used by extremist groups', 'Warwickshire and West Mercia Police', '31 Mar 2018', 'No update yet'],
      ]);
    });

    it('lists actions reported off track or at risk with their latest update, shaded by RAG', () => {
      const rows = tablesIn(sectionUnder(doc, 'Off track and at risk'))[0]!;
      expect(textsOf(rows)).toEqual([
        ['Action', 'Owners', 'Status', 'Latest update'],
        ['5.2 Keep Channel panel membership complete', 'Warwickshire County Council', 'Off track', '-2 panel members short this quarter\nPat Police, 12 Nov 2026, 14:00'],
        [
          '6.1 Share emerging community tensions with the Prevent Officer or Police Prevent Team',
          'Warwickshire and West Mercia Police, Warwickshire County Council',
          'At risk',
          'Two tension reports were late this quarter\nPat Police, 15 Nov 2026, 10:00',
        ],
      ]);
      expect(rows.slice(1).map((row) => row[2]!.fill)).toEqual([RED, AMBER]);
    });
  });

  it('lists the organisations that have not returned, as a bulleted list', () => {
    const blocks = sectionUnder(doc, 'Non-returns');
    expect(blocks.flatMap((b) => (b.kind === 'paragraph' && b.bullet ? [b.text] : []))).toEqual(['Rugby Borough Council']);
  });

  it('shows who attended the last meeting, who sent apologies and who did not reply', () => {
    const blocks = sectionUnder(doc, 'Attendance at the last meeting');
    expect(paragraphs(blocks)[0]).toBe('Steering Group meeting of 9 Oct 2026, 10:00.');
    expect(textsOf(tablesIn(blocks)[0]!)).toEqual([
      ['Reply', 'Organisations'],
      ['Attended or sent a deputy (2)', 'Warwickshire and West Mercia Police, Warwickshire County Council'],
      ['Apologies (1)', 'South Warwickshire NHS Foundation Trust'],
      ['No reply (1)', 'Rugby Borough Council'],
    ]);
  });
});

describe('the board report document for a first round', () => {
  let doc: DocxContents;
  beforeAll(async () => {
    doc = await docxOf(firstRoundFixture());
  });

  it('says the overall score is new rather than comparing it with nothing', () => {
    expect(paragraphs(sectionUnder(doc, '6. Overall compliance'))[1]).toBe('Overall compliance score: 75% (new).');
  });

  it('titles the score chart with this round only', () => {
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === 'Compliance score by benchmark: 2026/27 Q3')).toBe(true);
  });

  it('says no meeting has been held yet', () => {
    expect(paragraphs(sectionUnder(doc, 'Attendance at the last meeting'))).toEqual(['No Steering Group meeting has been held yet.']);
  });
});
