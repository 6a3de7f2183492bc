import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PROJECT_ROOT } from '../project-root';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { RATINGS, RATING_LABELS } from '../domain/assessment/framework';
import type { ComplianceSummary } from '../domain/summary/compliance-summary';
import { RATING_SHADES } from './report-style';
import { benchmarkLabel } from './report-text';

/** A chart as the document embeds it: a PNG, its size in pixels and words for screen readers. */
export interface ChartImage {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly altText: string;
}

const FONT = 'DejaVu Sans';
/** Drawn at twice the size it is shown at, so the image stays sharp when printed. */
const PIXEL_RATIO = 2;
const CHART_WIDTH = 330;
/** Benchmark names are wrapped onto lines of about this many characters, so the bars keep the width. */
const LABEL_LINE = 26;

const CONFIG = {
  background: 'white',
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0 },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom' },
} as const;

/**
 * "9. Community and Civil Society Engagement" -> "9. Community and Civil\nSociety Engagement". Without a
 * canvas, vega estimates text generously wide, so a long one-line label would squeeze the bars.
 */
export function chartLabel(benchmark: { readonly number: number; readonly title: string }): string {
  const lines: string[] = [];
  for (const word of benchmarkLabel(benchmark).split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= LABEL_LINE) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Axis labels split back into lines at the breaks chartLabel made. */
const MULTILINE_LABELS = { labelExpr: "split(datum.label, '\\n')" };

/** Benchmarks of good practice only have no compliance rating or score: the charts leave them out. */
function scored(summary: ComplianceSummary) {
  return summary.benchmarks.filter((b) => b.hasCompliance);
}

/** Stacked bars: how many organisations are at each compliance rating for each benchmark, in the scale's order. */
export function ratingsChartSpec(summary: ComplianceSummary): TopLevelSpec {
  const benchmarks = scored(summary).map(chartLabel);
  const values = scored(summary).flatMap((benchmark) =>
    RATINGS.map((rating, order) => ({ benchmark: chartLabel(benchmark), rating: RATING_LABELS[rating], order, organisations: benchmark.counts[rating] })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: CHART_WIDTH,
    height: { step: 34 },
    config: CONFIG,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'benchmark', type: 'nominal', sort: benchmarks, title: null, axis: MULTILINE_LABELS },
      x: { field: 'organisations', type: 'quantitative', stack: 'zero', title: 'Organisations', axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'rating',
        type: 'nominal',
        title: 'Rating',
        scale: { domain: RATINGS.map((r) => RATING_LABELS[r]), range: RATINGS.map((r) => RATING_SHADES[r].chart) },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

/** Grouped bars: each benchmark's score this round beside the previous round's. */
export function scoreChartSpec(summary: ComplianceSummary): TopLevelSpec {
  const benchmarks = scored(summary).map(chartLabel);
  const thisRound = summary.round.name;
  const previousRound = summary.previousRound?.name;
  const rounds = previousRound ? [previousRound, thisRound] : [thisRound];
  const values = scored(summary).flatMap((benchmark) => [
    ...(benchmark.score === undefined ? [] : [{ benchmark: chartLabel(benchmark), round: thisRound, score: benchmark.score }]),
    ...(previousRound && benchmark.previousScore !== undefined ? [{ benchmark: chartLabel(benchmark), round: previousRound, score: benchmark.previousScore }] : []),
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: CHART_WIDTH,
    height: { step: 14 },
    config: CONFIG,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'benchmark', type: 'nominal', sort: benchmarks, scale: { domain: benchmarks }, title: null, axis: MULTILINE_LABELS },
      yOffset: { field: 'round', type: 'nominal', sort: rounds, scale: { domain: rounds } },
      x: { field: 'score', type: 'quantitative', title: 'Score (%)', scale: { domain: [0, 100] } },
      color: { field: 'round', type: 'nominal', title: 'Round', sort: rounds, scale: { domain: rounds, range: previousRound ? ['#A6A6A6', '#1F4E79'] : ['#1F4E79'] } },
    },
  };
}

/**
 * The chart font ships with the bot (src/data/fonts, DejaVu Sans and its bold), so chart text is the
 * same on a laptop and on App Service, whose image may have no fonts at all.
 */
export const CHART_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(PROJECT_ROOT, 'src', 'data', 'fonts', file));

/** vega-lite -> vega -> SVG (no browser, no canvas) -> PNG with the shipped DejaVu fonts. */
export async function renderChart(spec: TopLevelSpec): Promise<{ png: Buffer; width: number; height: number }> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const rendered = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: CHART_FONT_FILES, defaultFontFamily: FONT },
      fitTo: { mode: 'zoom', value: PIXEL_RATIO },
    }).render();
    return { png: rendered.asPng(), width: rendered.width / PIXEL_RATIO, height: rendered.height / PIXEL_RATIO };
  } finally {
    view.finalize();
  }
}

function ratingsAltText(summary: ComplianceSummary): string {
  return scored(summary)
    .map((b) => `${benchmarkLabel(b)}: ${RATINGS.map((r) => `${b.counts[r]} ${RATING_LABELS[r]}`).join(', ')}`)
    .join('; ');
}

function scoreAltText(summary: ComplianceSummary): string {
  return scored(summary)
    .map((b) => `${benchmarkLabel(b)}: ${b.score === undefined ? 'no returns' : `${b.score}%`}${b.previousScore === undefined ? '' : ` (previously ${b.previousScore}%)`}`)
    .join('; ');
}

/** The two charts of the board report, in the order the document shows them. */
export async function boardReportCharts(summary: ComplianceSummary): Promise<ChartImage[]> {
  const ratings = ratingsChartSpec(summary);
  const scores = scoreChartSpec(summary);
  const { round, previousRound } = summary;
  return [
    { ...(await renderChart(ratings)), title: 'Organisations at each compliance rating, by benchmark', altText: ratingsAltText(summary) },
    {
      ...(await renderChart(scores)),
      title: previousRound
        ? `Compliance score by benchmark: ${round.name} against ${previousRound.name}${previousRound.sameOrganisations ? '' : ' (not the same organisations)'}`
        : `Compliance score by benchmark: ${round.name}`,
      altText: scoreAltText(summary),
    },
  ];
}
