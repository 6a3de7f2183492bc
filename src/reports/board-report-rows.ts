import { KIND_LABELS, type Rating } from '../domain/assessment/framework';
import type { BoardReportData, OrganisationRef } from '../domain/summary/compliance-summary';
import { benchmarkLabel } from './report-text';

export interface OrganisationAnswer {
  readonly organisation: OrganisationRef;
  /** False when the organisation has not submitted its return: its draft answers are not reported. */
  readonly returned: boolean;
  readonly rating?: Rating;
  readonly details: string;
}

/** One item of the framework as the Home Office tool lays it out, with every organisation's answer. */
export interface SelfAssessmentRow {
  readonly benchmark: string;
  readonly itemId: string;
  readonly kind: string;
  readonly question: string;
  readonly answers: readonly OrganisationAnswer[];
}

/** Every framework item in order, with one answer per organisation the round asked, in name order. */
export function selfAssessmentRows(data: BoardReportData): SelfAssessmentRow[] {
  const submitted = new Map(data.returns.filter((r) => r.submittedAt).map((r) => [r.organisationId, r]));
  return data.framework.sections.flatMap((section) =>
    section.items.map((item) => ({
      benchmark: benchmarkLabel(section),
      itemId: item.id,
      kind: KIND_LABELS[item.kind],
      question: item.text,
      answers: data.organisations.map((organisation) => {
        const answer = submitted.get(organisation.id)?.ratings[item.id];
        return {
          organisation,
          returned: submitted.has(organisation.id),
          ...(answer ? { rating: answer.rating } : {}),
          details: answer?.details ?? '',
        };
      }),
    })),
  );
}
