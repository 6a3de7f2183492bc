import type { ActionRecord } from '../actions/action';
import type { AssessmentRound, OrganisationReturn } from '../assessment/assessment';
import type { Framework, Rating } from '../assessment/framework';
import type { ActionPlanSummary, OrganisationRef } from './compliance-summary';
import { benchmarkRating, summariseActions } from './summarise';

export type ReturnStatus = 'submitted' | 'in-progress' | 'not-started';

/** One benchmark of the organisation's own return: its rating so far and how much is rated. */
export interface OwnBenchmark {
  readonly number: number;
  readonly title: string;
  /** The lowest rating among the items rated so far; undefined when none is. */
  readonly rating?: Rating;
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
            const rating = ownReturn ? benchmarkRating(section, ownReturn) : undefined;
            return {
              number: section.number,
              title: section.title,
              ...(rating ? { rating } : {}),
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
