import type { ActionRecord } from '../actions/action';
import type { AssessmentRound, OrganisationReturn } from '../assessment/assessment';
import type { Framework, Rating } from '../assessment/framework';
import type { ActionPlanSummary, GoodPracticeCount, OrganisationRef } from './compliance-summary';
import { benchmarkRating, summariseActions } from './summarise';

export type ReturnStatus = 'submitted' | 'in-progress' | 'not-started';

/** One benchmark of the organisation's own return: its rating so far and how much is rated. */
export interface OwnBenchmark {
  readonly number: number;
  readonly title: string;
  /** False when the benchmark holds only Good Practice Activity: then it has no compliance rating. */
  readonly hasCompliance: boolean;
  /** The lowest rating among the Expectations of Compliance rated so far; undefined when none is. */
  readonly rating?: Rating;
  /** Good Practice Activity rated and Achieving (in place); absent when the benchmark holds none. */
  readonly goodPractice?: GoodPracticeCount;
  readonly rated: number;
  readonly items: number;
}

/**
 * What a partner lead may see instead of the Steering Group's summary: their own organisation's
 * return in the round and their own actions.
 */
export interface OrganisationView {
  readonly organisation: OrganisationRef;
  /** Undefined when no self-assessment round has been started yet. */
  readonly assessment?: {
    readonly round: { readonly id: string; readonly name: string; readonly closesOn: string; readonly open: boolean };
    readonly framework: { readonly id: string; readonly title: string; readonly version: string };
    readonly status: ReturnStatus;
    readonly submittedAt?: string;
    readonly submittedByName?: string;
    readonly benchmarks: readonly OwnBenchmark[];
  };
  readonly actions: ActionPlanSummary;
  readonly generatedAt: string;
}

export interface OrganisationViewInputs {
  readonly organisation: OrganisationRef;
  readonly round?: AssessmentRound;
  readonly framework?: Framework;
  readonly ownReturn?: OrganisationReturn;
  /** The whole plan; only the organisation's own actions are counted. */
  readonly actions: readonly ActionRecord[];
  /** Every organisation, so co-owners of an action are named. */
  readonly organisations: readonly OrganisationRef[];
  readonly today: string;
  readonly generatedAt: string;
}

function statusOf(value: OrganisationReturn | undefined): ReturnStatus {
  if (value?.submittedAt) return 'submitted';
  return value && Object.keys(value.ratings).length > 0 ? 'in-progress' : 'not-started';
}

export function organisationView(inputs: OrganisationViewInputs): OrganisationView {
  const { organisation, round, framework, ownReturn } = inputs;
  const own = inputs.actions.filter((record) => record.action.ownerOrganisationIds.includes(organisation.id));
  const assessment =
    round && framework
      ? {
          round: { id: round.id, name: round.name, closesOn: round.closesOn, open: round.closesOn >= inputs.today },
          framework: { id: framework.id, title: framework.title, version: framework.version },
          status: statusOf(ownReturn),
          ...(ownReturn?.submittedAt ? { submittedAt: ownReturn.submittedAt } : {}),
          ...(ownReturn?.submittedByName ? { submittedByName: ownReturn.submittedByName } : {}),
          benchmarks: framework.sections.map((section) => {
            const rating = ownReturn ? benchmarkRating(section, ownReturn, (item) => item.kind === 'expectation-of-compliance') : undefined;
            const goodPracticeItems = section.items.filter((item) => item.kind === 'good-practice-activity');
            const goodPracticeRatings = goodPracticeItems.flatMap((item) => {
              const given = ownReturn?.ratings[item.id]?.rating;
              return given ? [given] : [];
            });
            return {
              number: section.number,
              title: section.title,
              hasCompliance: section.items.some((item) => item.kind === 'expectation-of-compliance'),
              ...(rating ? { rating } : {}),
              ...(goodPracticeItems.length > 0
                ? { goodPractice: { inPlace: goodPracticeRatings.filter((r) => r === 'achieving').length, rated: goodPracticeRatings.length } }
                : {}),
              rated: section.items.filter((item) => ownReturn?.ratings[item.id]).length,
              items: section.items.length,
            };
          }),
        }
      : undefined;
  return {
    organisation,
    ...(assessment ? { assessment } : {}),
    actions: summariseActions(own, inputs.organisations, inputs.today),
    generatedAt: inputs.generatedAt,
  };
}
