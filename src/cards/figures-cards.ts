import { z } from 'zod';
import { formatDateTime } from './format';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';
import { storageEtagSchema } from './storage-etag';
import {
  MAX_CHANNEL_CASES,
  MAX_ISSUES_CHARS,
  MAX_REFERRALS,
  MAX_STAFF,
  OUTCOME_BAND_TITLES,
  OUTCOME_BANDS,
  REFERRAL_SECTOR_TITLES,
  REFERRAL_SECTORS,
  RETURN_KIND_TITLES,
  RETURN_KINDS,
  type Figures,
  type FiguresRecord,
  type ReturnKind,
} from '../domain/figures/figures';
import {
  channelSentences,
  returnSentences,
  referralSentences,
  trainingSentences,
  trendText,
  type FiguresContent,
  type QuarterFiguresShown,
} from '../domain/figures/figures-content';
import type { FiguresForm, FiguresOverview } from '../domain/figures/figures-service';
import { quarterLabel } from '../domain/figures/quarter';

/** Submits a figures card; carries the card's nonce and the version it was made from. */
export const FIGURES_SAVE_VERB = 'figures-save';
/** Opens a figures card ("Edit figures" on a receipt, a button on "quarterly figures", a chaser). */
export const FIGURES_OPEN_VERB = 'figures-open';

const QUARTER = /^\d{4}-\d{2} Q[1-4]$/;
const refSchema = {
  quarter: z.string().regex(QUARTER, 'the card names no quarter: open it again'),
  kind: z.enum(RETURN_KINDS),
  organisationId: z.string().trim().min(1).max(100),
};

export const figuresOpenSubmitSchema = z.object({ verb: z.literal(FIGURES_OPEN_VERB), ...refSchema });
export type FiguresOpenSubmit = z.infer<typeof figuresOpenSubmitSchema>;

/** Each number input of a figures card, by kind, in the order the card shows them. */
export function figureFieldIds(kind: ReturnKind): string[] {
  if (kind === 'referrals') return [...REFERRAL_SECTORS.map((s) => `sector-${s}`), ...OUTCOME_BANDS.map((b) => `outcome-${b}`)];
  if (kind === 'channel') return ['caseload', 'adopted', 'closed', 'reviewsCompleted'];
  return ['staffTrained', 'refreshersDue'];
}

const ALL_FIELDS = [...new Set(RETURN_KINDS.flatMap(figureFieldIds))];
/** A number input as the card sends it: text (or a number from a client that keeps the type); checked properly by the domain. */
const numberInput = z.union([z.string().max(12), z.number()]).optional();

/**
 * The figures card's submit payload. Numbers are read and checked against the domain's rules by
 * the service (whole numbers, ranges, totals that agree), whose messages say what to fix.
 */
export const figuresSaveSubmitSchema = z.object({
  verb: z.literal(FIGURES_SAVE_VERB),
  ...refSchema,
  nonce: z.string().min(8).max(64),
  etag: z.preprocess((v) => (v === '' ? undefined : v), storageEtagSchema.optional()),
  ...(Object.fromEntries(ALL_FIELDS.map((id) => [id, numberInput])) as Record<string, typeof numberInput>),
  issuesOfConcern: z.string().max(MAX_ISSUES_CHARS, `keep the issues of concern under ${MAX_ISSUES_CHARS} characters`).optional(),
});
export type FiguresSaveSubmit = z.infer<typeof figuresSaveSubmitSchema>;

/** The figures as the domain reads them, from the card's flat inputs. */
export function figuresFromSubmit(submit: FiguresSaveSubmit): unknown {
  const read = (id: string) => (submit as Record<string, unknown>)[id];
  if (submit.kind === 'referrals') {
    return {
      kind: 'referrals',
      bySector: Object.fromEntries(REFERRAL_SECTORS.map((s) => [s, read(`sector-${s}`)])),
      byOutcome: Object.fromEntries(OUTCOME_BANDS.map((b) => [b, read(`outcome-${b}`)])),
    };
  }
  if (submit.kind === 'channel') {
    return {
      kind: 'channel',
      caseload: read('caseload'),
      adopted: read('adopted'),
      closed: read('closed'),
      reviewsCompleted: read('reviewsCompleted'),
      issuesOfConcern: submit.issuesOfConcern ?? '',
    };
  }
  return { kind: 'training', staffTrained: read('staffTrained'), refreshersDue: read('refreshersDue') };
}

/** The card's inputs for figures already given (this quarter's, or last quarter's to start from). */
function valuesOf(figures: Figures | undefined): Record<string, string> {
  if (!figures) return {};
  if (figures.kind === 'referrals') {
    return {
      ...Object.fromEntries(REFERRAL_SECTORS.map((s) => [`sector-${s}`, String(figures.bySector[s])])),
      ...Object.fromEntries(OUTCOME_BANDS.map((b) => [`outcome-${b}`, String(figures.byOutcome[b])])),
    };
  }
  if (figures.kind === 'channel') {
    return {
      caseload: String(figures.caseload),
      adopted: String(figures.adopted),
      closed: String(figures.closed),
      reviewsCompleted: String(figures.reviewsCompleted),
      issuesOfConcern: figures.issuesOfConcern,
    };
  }
  return { staffTrained: String(figures.staffTrained), refreshersDue: String(figures.refreshersDue) };
}

const LABELS: Record<string, string> = {
  ...Object.fromEntries(REFERRAL_SECTORS.map((s) => [`sector-${s}`, REFERRAL_SECTOR_TITLES[s]])),
  ...Object.fromEntries(OUTCOME_BANDS.map((b) => [`outcome-${b}`, OUTCOME_BAND_TITLES[b]])),
  caseload: 'Current caseload (open Channel cases at the end of the quarter)',
  adopted: 'Cases adopted this quarter',
  closed: 'Cases closed this quarter',
  reviewsCompleted: 'Reviews completed this quarter',
  staffTrained: 'Staff trained in Prevent this quarter',
  refreshersDue: 'Staff due a refresher next quarter',
};

function groupsOf(kind: ReturnKind, values: Record<string, string>) {
  const field = (id: string, max: number) => ({ id, label: LABELS[id] ?? id, max, value: values[id] ?? '' });
  if (kind === 'referrals') {
    return [
      { heading: 'Referrals by sector of the referrer', fields: REFERRAL_SECTORS.map((s) => field(`sector-${s}`, MAX_REFERRALS)) },
      {
        heading: 'The same referrals by where they had got to at the end of the quarter (the two totals must agree)',
        fields: OUTCOME_BANDS.map((b) => field(`outcome-${b}`, MAX_REFERRALS)),
      },
    ];
  }
  if (kind === 'channel') return [{ heading: 'Channel panel', fields: figureFieldIds('channel').map((id) => field(id, MAX_CHANNEL_CASES)) }];
  return [{ heading: 'Training', fields: figureFieldIds('training').map((id) => field(id, MAX_STAFF)) }];
}

export interface FiguresFormCardData {
  readonly form: FiguresForm;
  readonly nonce: string;
  /** What was typed, when the card comes back with problems. */
  readonly typed?: Record<string, string>;
  readonly notice?: string;
  readonly problems?: readonly string[];
}

/** One organisation's return of one kind for one quarter: pre-filled with what it gave, or last quarter's figures to start from. */
export function figuresFormCard(data: FiguresFormCardData): AdaptiveCardJson {
  const { form } = data;
  const values = data.typed ?? valuesOf(form.current?.value.figures ?? form.previous);
  const status = form.current
    ? `Returned by ${escapeMarkdown(form.current.value.submittedByName)} on ${formatDateTime(form.current.value.submittedAt)}: change any figure and submit again.`
    : form.previous
      ? "Filled in with last quarter's figures to start from: change them to this quarter's."
      : '';
  return renderCard('figures-form', {
    title: `${RETURN_KIND_TITLES[form.kind]} figures for ${quarterLabel(form.quarter)}`,
    subtitle: escapeMarkdown(form.organisation.name),
    status,
    notice: data.notice ?? '',
    problems: (data.problems ?? []).map(escapeMarkdown),
    groups: groupsOf(form.kind, values),
    kind: form.kind,
    issuesOfConcern: values.issuesOfConcern ?? '',
    quarter: form.quarter,
    organisationId: form.organisation.id,
    nonce: data.nonce,
    etag: form.current?.etag ?? '',
  });
}

/** What a typed card held, to give it back when it cannot be saved. */
export function typedValues(submit: Record<string, unknown>): Record<string, string> {
  // Only what a card input can hold: anything else in a hostile payload is dropped, never turned into text.
  return Object.fromEntries(
    [...ALL_FIELDS, 'issuesOfConcern'].flatMap((id) => {
      const value = submit[id];
      return typeof value === 'string' || typeof value === 'number' ? [[id, String(value).slice(0, MAX_ISSUES_CHARS)]] : [];
    }),
  );
}

/** The card after a submit: what was recorded, as others will see it, and a button to change it. */
export function figuresReceiptCard(record: FiguresRecord, organisationName: string, duplicate: boolean): AdaptiveCardJson {
  const { value } = record;
  return renderCard('figures-receipt', {
    title: `${RETURN_KIND_TITLES[value.figures.kind]} figures for ${value.quarter} recorded`,
    line: `${escapeMarkdown(organisationName)}: by ${escapeMarkdown(value.submittedByName)} on ${formatDateTime(value.submittedAt)}. Others see them as below.`,
    duplicate,
    lines: returnSentences(record.value, organisationName).map(escapeMarkdown),
    quarter: value.quarter,
    kind: value.figures.kind,
    organisationId: value.organisationId,
  });
}

/** The sections of one quarter's figures: referrals, Channel panel, training, and what is still to come. */
export function figuresSections(shown: QuarterFiguresShown): { heading: string; lines: string[] }[] {
  const sections = [
    { heading: 'Referrals (SOP 4.4)', lines: shown.referrals ? referralSentences(shown.referrals) : [] },
    { heading: 'Channel panel (SOP 4.5)', lines: shown.channel ? channelSentences(shown.channel) : [] },
    {
      heading: 'Training (SOP 4.6)',
      lines: shown.training
        ? [
            ...trainingSentences(shown.training),
            ...shown.training.rows.slice(0, 20).map((r) => `${r.organisationName}: trained ${trendText(r.staffTrained)}, refreshers due ${trendText(r.refreshersDue)}`),
          ]
        : [],
    },
    { heading: 'Still to come', lines: [...shown.missing] },
  ];
  return sections.filter((s) => s.lines.length > 0).map((s) => ({ heading: s.heading, lines: s.lines.map(escapeMarkdown) }));
}

const RETURN_BUTTONS: Record<ReturnKind, string> = {
  referrals: 'Return referral figures',
  channel: 'Return Channel panel figures',
  training: 'Return training figures',
};

/** The four-quarter trend, one line a quarter. */
export function trendLines(content: FiguresContent): { quarter: string; text: string }[] {
  return content.trend.map((point) => ({
    quarter: point.quarter,
    text: `referrals ${trendText(point.referrals)}; Channel caseload ${trendText(point.channelCaseload)}, adopted ${trendText(point.adopted)}; staff trained ${trendText(point.staffTrained)}`,
  }));
}

/** "quarterly figures": the latest quarter's figures, the trend, and buttons for the returns the asker can give. */
export function figuresOverviewCard(overview: FiguresOverview, forms: readonly { quarter: string; kind: ReturnKind; organisationId: string }[] = []): AdaptiveCardJson {
  const { content, providers } = overview;
  const notes = overview.canRequest
    ? [
        `Referral figures come from ${providers.referrals?.name ?? 'no organisation yet'} (${providers.referrals ? (providers.basis.referrals === 'named' ? 'named on the partnership' : 'worked out from the sectors: the police force') : 'add the police force to the partnership'}); Channel panel figures from ${providers.channel?.name ?? 'no organisation yet'} (${providers.channel ? (providers.basis.channel === 'named' ? 'named on the partnership' : 'worked out from the sectors: the county council') : 'add the council to the partnership'}); training figures from every organisation.`,
        'Say "request figures" to ask everyone for the last quarter\'s figures.',
      ].map(escapeMarkdown)
    : [];
  return renderCard('figures-overview', {
    title: `Quarterly figures: ${quarterLabel(content.latest.quarter)}`,
    sections: figuresSections(content.latest),
    trend: trendLines(content),
    notes,
    forms: forms.slice(0, 3).map((f) => ({ ...f, title: RETURN_BUTTONS[f.kind] })),
  });
}

/** The figures block of the chair's summary: the latest quarter in a few lines and the four-quarter trend. */
export function figuresSummaryBlock(content: FiguresContent | undefined) {
  if (!content) return { shown: false, title: '', lines: [], trend: [] };
  const { latest } = content;
  const lines = [
    ...(latest.referrals ? [referralSentences(latest.referrals)[0]!] : []),
    ...(latest.channel ? [channelSentences(latest.channel)[0]!] : []),
    ...(latest.training ? trainingSentences(latest.training) : []),
    ...latest.missing,
  ];
  return { shown: true, title: `Quarterly figures: ${quarterLabel(latest.quarter)}`, lines: lines.map(escapeMarkdown), trend: trendLines(content) };
}
