import { boardReportCharts, ratingsChartSpec, scoreChartSpec } from '../../../src/reports/report-charts';
import { boardReportFixture, firstRoundFixture } from '../../support/board-report-fixture';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk, as an image viewer would read them. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

type Encoding = Record<string, { scale?: { domain?: unknown; range?: unknown }; sort?: unknown }>;
const encodingOf = (spec: object) => (spec as { encoding: Encoding }).encoding;

describe('board report charts', () => {
  let charts: Awaited<ReturnType<typeof boardReportCharts>>;
  beforeAll(async () => {
    charts = await boardReportCharts(boardReportFixture().summary);
  });

  it('draws two charts: ratings by benchmark, then scores against the previous round', () => {
    expect(charts.map((c) => c.title)).toEqual(['Organisations at each compliance rating, by benchmark', 'Compliance score by benchmark: 2026/27 Q3 against 2026/27 Q2']);
  });

  it.each([0, 1])('makes chart %i a real PNG', (i) => {
    expect(charts[i]!.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(charts[i]!.png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  });

  it.each([0, 1])('draws chart %i at a size a page can hold, at twice the size it is shown', (i) => {
    const { width, height } = pngSize(charts[i]!.png);
    expect({ width, height }).toEqual({ width: Math.round(charts[i]!.width * 2), height: Math.round(charts[i]!.height * 2) });
    expect(charts[i]!.width).toBeGreaterThan(300);
    expect(charts[i]!.width).toBeLessThan(1200);
    expect(charts[i]!.height).toBeGreaterThan(150);
    expect(charts[i]!.height).toBeLessThan(1200);
  });

  it('describes every benchmark with a compliance rating in the ratings chart for screen readers', () => {
    expect(charts[0]!.altText).toContain('4. Referral Process: 1 Not yet started, 0 Developing, 2 Achieving');
    // Benchmarks 6 and 10 hold only good practice: they have no compliance ratings to chart.
    expect(charts[0]!.altText.split('; ')).toHaveLength(8);
    expect(charts[0]!.altText).not.toContain('6. Prevent Problem Solving');
  });

  it('describes this round and the previous score in the score chart for screen readers', () => {
    expect(charts[1]!.altText).toContain('4. Referral Process: 67% (previously 83%)');
    // Benchmark 9 has no previous score; it ends the list, since benchmark 10 has no compliance score.
    expect(charts[1]!.altText.endsWith('9. Community and Civil Society Engagement: 83%')).toBe(true);
  });
});

describe('the ratings chart', () => {
  it('stacks the ratings in the scale order in their own colours', () => {
    const color = encodingOf(ratingsChartSpec(boardReportFixture().summary))['color']!;
    expect(color.scale).toEqual({ domain: ['Not yet started', 'Developing', 'Achieving'], range: ['#C0392B', '#F0A30A', '#2E8B57'] });
  });

  it('lists the benchmarks in the framework order', () => {
    const y = encodingOf(ratingsChartSpec(boardReportFixture().summary))['y']!;
    expect((y.sort as string[]).slice(0, 2)).toEqual(['1. Local Risk Assessment\nProcess', '2. Multi-Agency\nPartnership Board']);
  });

  it('wraps long benchmark names onto lines the axis splits again', () => {
    const y = encodingOf(ratingsChartSpec(boardReportFixture().summary))['y'] as { axis?: { labelExpr?: string } };
    expect(y.axis?.labelExpr).toBe("split(datum.label, '\\n')");
  });
});

describe('the score chart', () => {
  it('shows only this round when there is no previous round', () => {
    const color = encodingOf(scoreChartSpec(firstRoundFixture().summary))['color']!;
    expect(color.scale?.domain).toEqual(['2026/27 Q3']);
  });

  it('puts the previous round first and this round second', () => {
    const color = encodingOf(scoreChartSpec(boardReportFixture().summary))['color']!;
    expect(color.scale?.domain).toEqual(['2026/27 Q2', '2026/27 Q3']);
  });
});
