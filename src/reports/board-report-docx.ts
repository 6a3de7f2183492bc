import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { KIND_LABELS, RATINGS, RATING_LABELS } from '../domain/assessment/framework';
import type { BoardReportData, ComplianceSummary, GoodPracticeCount, ReportAction } from '../domain/summary/compliance-summary';
import { SOP_4_1, type BoardReportArea, type ReportBlock } from '../domain/summary/board-report-areas';
import type { ChartImage } from './report-charts';
import { RAG_NAMES, RAG_SHADES, RATING_SHADES, type Shade } from './report-style';
import { formatDate, formatDateTime } from '../cards/format';
import { benchmarkLabel, movementText, namesOf, scoreText, statusText } from './report-text';
import { comparisonCaveat, goodPracticeText, provisionalNote } from '../domain/summary/score-wording';

/** A4 with 2.5 cm margins leaves 9,026 twentieths of a point (about 602 pixels) across. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
const FONT = 'Arial';
/** Tables are set a point smaller than the text (half-points), so seven columns fit across A4. */
const TABLE_TEXT_SIZE = 20;

export interface DocxReportOptions {
  readonly partnershipName: string;
  readonly charts: readonly ChartImage[];
}

interface CellOptions {
  readonly shade?: Shade;
  readonly bold?: boolean;
  readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

function cell(text: string, width: number, options: CellOptions = {}): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.shade.fill } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          ...(options.align ? { alignment: options.align } : {}),
          children: [new TextRun({ text: line, size: TABLE_TEXT_SIZE, bold: options.bold ?? false, ...(options.shade ? { color: options.shade.text } : {}) })],
        }),
    ),
  });
}

/** A table whose first row is a header Word repeats on each page and screen readers announce. */
function table(widths: readonly number[], header: readonly (string | TableCell)[], rows: readonly (readonly (string | TableCell)[])[]): Table {
  const toCell = (value: string | TableCell, i: number, bold: boolean) => (typeof value === 'string' ? cell(value, widths[i]!, { bold }) : value);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((value, i) => toCell(value, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => toCell(value, i, false)) })),
    ],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false): Paragraph {
  return new Paragraph({ text, heading: level, pageBreakBefore, keepNext: true });
}

/** `keepNext` holds a line introducing a table on the same page as the table. */
function para(text: string, options: { bold?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, keepNext: options.keepNext ?? false, children: [new TextRun({ text, bold: options.bold ?? false })] });
}

function bullet(text: string): Paragraph {
  return new Paragraph({ text, bullet: { level: 0 } });
}

function titlePage(summary: ComplianceSummary, partnershipName: string): Paragraph[] {
  return [
    new Paragraph({ text: 'Prevent Partnership Board report', heading: HeadingLevel.TITLE, spacing: { after: 360 } }),
    para(`Partnership: ${partnershipName}`),
    para(`Self-assessment round: ${summary.round.name} (closes ${formatDate(summary.round.closesOn)})`),
    para(`Framework: ${summary.framework.title} (${summary.framework.version})`),
    para(`Generated: ${formatDateTime(summary.generatedAt)}`),
    para("Prepared by the Prevent Officer from the Steering Group's records in the Prevent Partnership Bot."),
  ];
}

function overallLine(summary: ComplianceSummary): string {
  const { score, previousScore, movement } = summary.overall;
  if (score === undefined) return 'Overall compliance score: no organisation has submitted a return yet.';
  const against = summary.previousRound && previousScore !== undefined ? comparisonCaveat(summary) || ` in ${summary.previousRound.name}` : '';
  const notes = [provisionalNote(summary.returns), `${movementText(movement, previousScore).toLowerCase()}${against}`].filter((n) => n !== undefined);
  return `Overall compliance score: ${score}% (${notes.join('; ')}).`;
}

function complianceIntro(summary: ComplianceSummary): Paragraph[] {
  const { returns } = summary;
  return [
    para(overallLine(summary), { bold: true }),
    ...(summary.overall.goodPractice ? [para(`${capitalised(goodPracticeText(summary.overall.goodPractice))}.`)] : []),
    para(`Returns: ${returns.returned} of ${returns.total} organisations submitted their self-assessment return; ${returns.quorum} are needed before the score is final.`),
    para(
      'How scores are worked out: the compliance score counts Expectation of Compliance items only. Achieving counts 2, Developing 1 and ' +
        "Not yet started 0, as a percentage of the maximum; an organisation's rating for a benchmark is the lowest rating among the " +
        "benchmark's Expectations of Compliance in its submitted return; only submitted returns count. A benchmark holding only Good " +
        'Practice Activity has no compliance score. Good practice is counted apart: each rating of a Good Practice Activity item in a ' +
        'submitted return, "in place" when it is Achieving. The score is provisional until the quorum set for the round has returned.',
    ),
  ];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "4 of 6", or empty where the benchmark holds no good practice. */
function goodPracticeCell(goodPractice: GoodPracticeCount | undefined): string {
  if (!goodPractice) return '';
  return goodPractice.rated === 0 ? 'none rated' : `${goodPractice.inPlace} of ${goodPractice.rated}`;
}

const RATINGS_WIDTHS = [2126, 880, 1000, 1000, 800, 900, 1000, 1320];

function ratingsTable(summary: ComplianceSummary): Table {
  const [benchmarkWidth, ...rest] = RATINGS_WIDTHS as [number, ...number[]];
  const header = [
    'Benchmark',
    ...RATINGS.map((rating, i) => cell(RATING_LABELS[rating], rest[i]!, { bold: true, shade: RATING_SHADES[rating], align: AlignmentType.CENTER })),
    'Score',
    'Previous',
    'Movement',
    'Good practice in place',
  ];
  const centred = (text: string, i: number, shade?: Shade) => cell(text, RATINGS_WIDTHS[i]!, { align: AlignmentType.CENTER, ...(shade ? { shade } : {}) });
  const rows = summary.benchmarks.map((benchmark) =>
    benchmark.hasCompliance
      ? [
          cell(benchmarkLabel(benchmark), benchmarkWidth),
          ...RATINGS.map((rating, i) => centred(String(benchmark.counts[rating]), i + 1, benchmark.counts[rating] > 0 ? RATING_SHADES[rating] : undefined)),
          centred(scoreText(benchmark.score), 4),
          centred(benchmark.previousScore === undefined ? '' : `${benchmark.previousScore}%`, 5),
          centred(movementText(benchmark.movement, undefined), 6),
          centred(goodPracticeCell(benchmark.goodPractice), 7),
        ]
      : // Good practice only: nothing to comply with, so no ratings, score or movement to show as if it were behind.
        [
          cell(benchmarkLabel(benchmark), benchmarkWidth),
          ...RATINGS.map((_, i) => centred('', i + 1)),
          centred('good practice only', 4),
          centred('', 5),
          centred('', 6),
          centred(goodPracticeCell(benchmark.goodPractice), 7),
        ],
  );
  const { overall } = summary;
  rows.push([
    cell('Overall', benchmarkWidth, { bold: true }),
    ...RATINGS.map((_, i) => centred('', i + 1)),
    cell(scoreText(overall.score), RATINGS_WIDTHS[4]!, { bold: true, align: AlignmentType.CENTER }),
    centred(overall.previousScore === undefined ? '' : `${overall.previousScore}%`, 5),
    centred(movementText(overall.movement, undefined), 6),
    cell(goodPracticeCell(overall.goodPractice), RATINGS_WIDTHS[7]!, { bold: true, align: AlignmentType.CENTER }),
  ]);
  return table(RATINGS_WIDTHS, header, rows);
}

function chartBlock(chart: ChartImage): Paragraph[] {
  const width = Math.min(TEXT_WIDTH_PX, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    heading(chart.title, HeadingLevel.HEADING_3),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width, height },
          altText: { name: chart.title, title: chart.title, description: chart.altText },
        }),
      ],
    }),
  ];
}

function ratingsSection(summary: ComplianceSummary, charts: readonly ChartImage[]): (Paragraph | Table)[] {
  return [
    heading('Ratings by benchmark', HeadingLevel.HEADING_2),
    para(
      `Number of organisations at each compliance rating in ${summary.round.name}, with the benchmark's compliance score, its movement since the previous round${summary.previousRound && !summary.previousRound.sameOrganisations ? ` (${summary.previousRound.name} rests on different organisations' returns: ${summary.previousRound.returned} then, ${summary.returns.returned} now)` : ''}, and how many good-practice ratings are in place of those given.${summary.returns.provisional ? ` Scores are provisional: ${summary.returns.returned} of ${summary.returns.total} organisations have returned and ${summary.returns.quorum} are needed.` : ''}`,
      { keepNext: true },
    ),
    ratingsTable(summary),
    ...charts.flatMap(chartBlock),
  ];
}

function notYetStartedSection(summary: ComplianceSummary): (Paragraph | Table)[] {
  const items = summary.benchmarks.flatMap((b) => b.notYetStarted);
  const widths = [800, 4226, 1800, 2200];
  return [
    heading('Items at Not yet started', HeadingLevel.HEADING_2),
    items.length === 0
      ? para('No organisation rated any item Not yet started.')
      : table(
          widths,
          ['Item', 'Question', 'Kind', 'Organisations'],
          items.map((item) => [item.itemId, item.itemText, KIND_LABELS[item.kind], namesOf(item.organisations)]),
        ),
  ];
}

function latestUpdate(action: ReportAction): string {
  const progress = action.progress;
  if (!progress) return 'No update yet';
  const note = progress.progressNote ? `${progress.progressNote}\n` : '';
  return `${note}${progress.updatedByName}, ${formatDateTime(progress.updatedAt)}`;
}

function ragCounts(summary: ComplianceSummary): Table {
  const widths = [1805, 1805, 1805, 1805, 1806];
  const { byRag, complete, total } = summary.actions;
  const rags = ['red', 'amber', 'green'] as const;
  return table(
    widths,
    [...rags.map((rag, i) => cell(RAG_NAMES[rag], widths[i]!, { bold: true, shade: RAG_SHADES[rag], align: AlignmentType.CENTER })), 'Complete', 'Total'],
    [[...rags.map((rag, i) => cell(String(byRag[rag]), widths[i]!, { align: AlignmentType.CENTER })), String(complete), String(total)]],
  );
}

function actionsSection(data: BoardReportData): (Paragraph | Table)[] {
  const { summary } = data;
  const byId = new Map(data.actions.map((a) => [a.action.id, a]));
  const overdueWidths = [3826, 2400, 1300, 1500];
  const overdue =
    summary.actions.overdue.length === 0
      ? [para('No action is overdue.')]
      : [
          table(
            overdueWidths,
            ['Action', 'Owners', 'Due', 'Status'],
            summary.actions.overdue.map((action) => [
              `${action.id} ${action.text}`,
              namesOf(action.owners),
              formatDate(action.dueOn),
              statusText(byId.get(action.id)?.progress?.status),
            ]),
          ),
        ];
  const slipping = data.actions.filter((a) => a.progress?.status === 'off-track' || a.progress?.status === 'at-risk');
  const slippingWidths = [2826, 1800, 1100, 3300];
  return [
    para(`The action plan has ${summary.actions.total} actions. Red is off track or overdue, amber at risk or not yet reported on, green on track or complete.`, {
      keepNext: true,
    }),
    ragCounts(summary),
    heading('Overdue actions', HeadingLevel.HEADING_2),
    ...overdue,
    heading('Off track and at risk', HeadingLevel.HEADING_2),
    slipping.length === 0
      ? para('No action is reported off track or at risk.')
      : table(
          slippingWidths,
          ['Action', 'Owners', 'Status', 'Latest update'],
          slipping.map((a) => [
            `${a.action.id} ${a.action.text}`,
            namesOf(a.owners),
            cell(statusText(a.progress?.status), slippingWidths[2]!, { shade: RAG_SHADES[a.rag] }),
            latestUpdate(a),
          ]),
        ),
  ];
}

function nonReturnsSection(summary: ComplianceSummary): Paragraph[] {
  const missing = summary.returns.notReturned;
  return [
    heading('Non-returns', HeadingLevel.HEADING_2),
    ...(missing.length === 0
      ? [para(`Every organisation submitted its return for ${summary.round.name}.`)]
      : [para(`${missing.length} of ${summary.returns.total} organisations have not submitted their return for ${summary.round.name}:`), ...missing.map((o) => bullet(o.name))]),
  ];
}

function attendanceSection(summary: ComplianceSummary): (Paragraph | Table)[] {
  const attendance = summary.attendance;
  if (!attendance) return [heading('Attendance at the last meeting', HeadingLevel.HEADING_2), para('No Steering Group meeting has been held yet.')];
  const widths = [2400, 6626];
  const line = (label: string, organisations: readonly { name: string }[]) => [`${label} (${organisations.length})`, namesOf(organisations) || 'None'];
  return [
    heading('Attendance at the last meeting', HeadingLevel.HEADING_2),
    para(`Steering Group meeting of ${formatDateTime(attendance.startsAt)}.`, { keepNext: true }),
    table(
      widths,
      ['Reply', 'Organisations'],
      [line('Attended or sent a deputy', attendance.attended), line('Apologies', attendance.apologies), line('No reply', attendance.noReply)],
    ),
  ];
}

/** A block of an area as Word paragraphs and tables; table columns share the text width evenly. */
function blockContent(block: ReportBlock): (Paragraph | Table)[] {
  if (block.kind === 'paragraph') return block.digest ? [] : [para(block.text)];
  if (block.kind === 'bullets') return block.items.map(bullet);
  const width = Math.floor(TEXT_WIDTH / block.columns.length);
  return [
    table(
      block.columns.map(() => width),
      block.columns,
      block.rows,
    ),
  ];
}

/** What the report has beyond an area's blocks: the detail tables and charts of the areas that have them. */
function areaDetail(area: BoardReportArea, data: BoardReportData, charts: readonly ChartImage[]): (Paragraph | Table)[] {
  const { summary } = data;
  if (area.id === 'action-plan') return actionsSection(data);
  if (area.id === 'compliance') return [...complianceIntro(summary), ...ratingsSection(summary, charts), ...notYetStartedSection(summary), ...nonReturnsSection(summary)];
  if (area.id === 'engagement') return attendanceSection(summary);
  return [];
}

/** SOP §4.1's seven areas, numbered in its order, each saying which passage it answers. */
function areaSections(data: BoardReportData, charts: readonly ChartImage[]): (Paragraph | Table)[] {
  return [
    para(`This report is laid out by the seven areas of ${SOP_4_1}`),
    ...data.areas.flatMap((area, index) => [
      heading(`${index + 1}. ${area.title}`, HeadingLevel.HEADING_1),
      new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `Reported under ${area.sopRef}.`, italics: true })] }),
      ...area.blocks.flatMap(blockContent),
      ...areaDetail(area, data, charts),
    ]),
  ];
}

/** The Word document the Prevent Officer puts in front of the Partnership Board. */
export async function boardReportDocx(data: BoardReportData, options: DocxReportOptions): Promise<Buffer> {
  const { summary } = data;
  const document = new Document({
    creator: 'Prevent Partnership Bot',
    title: `Prevent Partnership Board report: ${summary.round.name}`,
    description: `${options.partnershipName}: the Steering Group's report to the Partnership Board in the seven areas of SOP 4.1`,
    // Outline levels make the headings a navigable structure in Word, LibreOffice and screen readers.
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        title: { run: { font: FONT, size: 48, bold: true, color: '1F4E79' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F4E79' }, paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1F4E79' }, paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: '1F4E79' }, paragraph: { outlineLevel: 2, keepNext: true, spacing: { before: 200, after: 100 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${options.partnershipName}, ${summary.round.name}: page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [...titlePage(summary, options.partnershipName), new Paragraph({ text: '', pageBreakBefore: true }), ...areaSections(data, options.charts)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
