import { figuresContributions, figuresReport } from '../figures/figures-report';
import { askedOrganisations, type AssessmentRound } from '../assessment/assessment';
import { answeredByLabel } from '../assessment/answered-by';
import { findFramework, getFramework, sameFramework, type FrameworkRegistry } from '../assessment/framework-catalogue';
import type { FiguresContent } from '../figures/figures-content';
import type { Framework } from '../assessment/framework';
import { londonDate } from '../clock';
import { authorise, isAllowed, ownOrganisation } from '../authorisation';
import { NotFoundError } from '../errors';
import type { Actor } from '../partnership/member';
import type {
  ActionRepository,
  AssessmentRepository,
  GuidanceRepository,
  MeetingRepository,
  MemberRepository,
  OrganisationRepository,
  PriorityRepository,
  UpdateRoundRepository,
} from '../ports';
import { financialYearOf } from '../priorities/priority';
import { priorityCoverage } from '../priorities/priority-coverage';
import { boardReportAreas, type BoardReportContributor } from './board-report-areas';
import type { BoardReportData, ComplianceSummary, OrganisationRef } from './compliance-summary';
import { mentionedOrganisation } from '../language/entities';
import { organisationView, type OrganisationView } from './organisation-view';
import { reportActions, summarise } from './summarise';
import { mentionedBenchmark, mentionedRoundName } from './summary-question';

export interface SummaryRequest {
  /** A round's name as people write it ("2026/27 Q2"); the most recently started round when absent. */
  readonly roundName?: string;
  /** One benchmark (section number); every benchmark when absent. */
  readonly benchmark?: number;
  /** One organisation the question names ("how is the police doing?"): its own view instead of the summary. */
  readonly organisationId?: string;
}

/** Who a member of staff should ask about their organisation's Prevent work. */
export interface WhoToAsk {
  readonly organisationName?: string;
  /** The organisation's named Prevent lead, when it has one. */
  readonly preventLeadName?: string;
  readonly preventOfficerNames: readonly string[];
}

/**
 * What "compliance summary" (or a question like it) gets, by who asks: the Steering Group the summary,
 * one benchmark's drill-down or a named organisation's view; a partner lead their own organisation's
 * view instead; anyone else who to ask.
 */
export type SummaryAnswer =
  | { readonly kind: 'summary' | 'benchmark'; readonly summary: ComplianceSummary }
  | { readonly kind: 'organisation' | 'own-organisation'; readonly view: OrganisationView }
  | { readonly kind: 'who-to-ask'; readonly whoToAsk: WhoToAsk };

/** What the priorities coverage and the board report's seven areas are read from, beside the summary's own. */
export interface SummarySources {
  readonly priorities?: PriorityRepository;
  readonly guidance?: GuidanceRepository;
  readonly updateRounds?: UpdateRoundRepository;
  /** The quarterly figures, for the summary's figures block and the board report's areas; without it they are left out. */
  readonly figures?: { content(partnershipId: string): Promise<FiguresContent | undefined> };
  /** Modules that supply blocks for areas of the board report (quarterly figures, annual assurance). */
  readonly contributors?: readonly BoardReportContributor[];
}

/**
 * The chair's compliance summary, the board report's data and a partner lead's view of their own
 * organisation. Everything is read from the current entities of one round (and the round before it),
 * the action plan as it stands and the meetings: never from history rows.
 */
export class ComplianceSummaryService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly frameworks: FrameworkRegistry,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly actions: ActionRepository,
    private readonly meetings: MeetingRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly sources: SummarySources = {},
  ) {}

  /** The summary is the Steering Group's: the chair's and the Prevent Officer's (src/domain/authorisation.ts). */
  maySeeSummary(actor: Actor): boolean {
    return isAllowed(actor, 'view-compliance-summary');
  }

  async summary(partnershipId: string, actor: Actor, request: SummaryRequest = {}): Promise<ComplianceSummary> {
    authorise(actor, 'view-compliance-summary');
    const [{ summary }, figures] = await Promise.all([this.read(partnershipId, request), this.sources.figures?.content(partnershipId)]);
    return figures ? { ...summary, figures } : summary;
  }

  async answer(partnershipId: string, actor: Actor, question: string): Promise<SummaryAnswer> {
    if (isAllowed(actor, 'view-compliance-summary')) {
      const request = await this.readQuestion(partnershipId, question);
      if (request.organisationId !== undefined) return { kind: 'organisation', view: await this.organisationView(partnershipId, actor, request) };
      return { kind: request.benchmark === undefined ? 'summary' : 'benchmark', summary: await this.summary(partnershipId, actor, request) };
    }
    if (isAllowed(actor, 'view-organisation', ownOrganisation(actor))) {
      const { roundName } = await this.readQuestion(partnershipId, question);
      return { kind: 'own-organisation', view: await this.organisationView(partnershipId, actor, roundName === undefined ? {} : { roundName }) };
    }
    return { kind: 'who-to-ask', whoToAsk: await this.whoToAsk(partnershipId, actor) };
  }

  /** The round and benchmark a question names, matched against the partnership's rounds and that round's framework. */
  async readQuestion(partnershipId: string, question: string): Promise<SummaryRequest> {
    const rounds = await this.assessments.listRounds(partnershipId);
    const roundName = mentionedRoundName(
      question,
      rounds.map((r) => r.name),
    );
    const round = roundName === undefined ? rounds[0] : findRound(rounds, roundName);
    const framework = round ? findFramework(this.frameworks, round.frameworkId) : undefined;
    const benchmark = framework ? mentionedBenchmark(question, framework) : undefined;
    const organisationId = benchmark === undefined ? mentionedOrganisation(question, await this.organisations.list(partnershipId)) : undefined;
    return {
      ...(roundName !== undefined ? { roundName } : {}),
      ...(benchmark !== undefined ? { benchmark } : {}),
      ...(organisationId !== undefined ? { organisationId } : {}),
    };
  }

  async reportData(partnershipId: string, actor: Actor, roundName?: string): Promise<BoardReportData> {
    authorise(actor, 'view-compliance-summary');
    const read = await this.read(partnershipId, roundName === undefined ? {} : { roundName });
    const actions = reportActions(read.actions, read.organisations, read.today);
    const yearAgo = new Date(this.now().getTime() - 365 * 24 * 60 * 60 * 1000).toISOString();
    const [guidance, updateRound, figures, contributions] = await Promise.all([
      this.sources.guidance?.get(partnershipId),
      this.sources.updateRounds?.current(partnershipId),
      this.sources.figures?.content(partnershipId),
      Promise.all((this.sources.contributors ?? []).map((contribute) => contribute(partnershipId, read.today))),
    ]);
    // The tool's answer columns are of the organisations the round asked, as its counts are.
    const organisations = askedOrganisations(read.round, read.organisations);
    const areas = boardReportAreas({
      summary: read.summary,
      actions,
      // Engagement is every partner's, asked by the round or not.
      organisations: read.organisations,
      financialYear: read.financialYear,
      ...(read.register && read.summary.priorities ? { priorities: { register: read.register, coverage: read.summary.priorities } } : {}),
      ...(guidance ? { guidance } : {}),
      meetingsHeld: read.meetings.filter((m) => m.startsAt <= this.now().toISOString() && m.startsAt >= yearAgo),
      ...(updateRound ? { updateRound } : {}),
      returns: read.returns,
      contributions: [...contributions.flat(), ...(figures ? figuresContributions(figuresReport(figures)) : [])],
    });
    return { summary: figures ? { ...read.summary, figures } : read.summary, framework: read.framework, organisations, returns: read.returns, actions, areas };
  }

  /**
   * An organisation's own return in the round and its own actions. Partner leads see their own
   * organisation; the chair and the Prevent Officer may look at any.
   */
  async organisationView(partnershipId: string, actor: Actor, request: { roundName?: string; organisationId?: string } = {}): Promise<OrganisationView> {
    const target = request.organisationId ?? actor.organisationId;
    authorise(actor, 'view-organisation', { organisationIds: target ? [target] : [] });
    const organisationId = target!; // authorise refused a view of no organisation
    const [organisations, rounds, actions] = await Promise.all([
      this.organisationRefs(partnershipId),
      this.assessments.listRounds(partnershipId),
      this.actions.list(partnershipId),
    ]);
    const organisation = organisations.find((o) => o.id === organisationId);
    if (!organisation) throw new NotFoundError('That organisation is not in the partnership.');
    // Unless a round is named, the latest that asks this organisation: the OPCC's own round is no other partner's.
    const round = request.roundName === undefined ? rounds.find((r) => askedOrganisations(r, [organisation]).length > 0) : findRound(rounds, request.roundName);
    const framework = round ? getFramework(this.frameworks, round.frameworkId) : undefined;
    const ownReturn = round ? (await this.assessments.getReturn(partnershipId, round.id, organisationId))?.value : undefined;
    return organisationView({
      organisation,
      ...(round ? { round } : {}),
      ...(framework ? { framework } : {}),
      ...(ownReturn ? { ownReturn } : {}),
      actions,
      organisations,
      today: londonDate(this.now()),
      generatedAt: this.now().toISOString(),
    });
  }

  /** For staff who ask: their organisation's Prevent lead, if they belong to one, and the Prevent Officer. */
  async whoToAsk(partnershipId: string, actor: Actor): Promise<WhoToAsk> {
    const [members, organisation] = await Promise.all([
      this.members.list(partnershipId),
      actor.organisationId ? this.organisations.get(partnershipId, actor.organisationId) : Promise.resolve(undefined),
    ]);
    const lead = organisation?.preventLeadId ? members.find((m) => m.aadObjectId === organisation.preventLeadId) : undefined;
    return {
      ...(organisation ? { organisationName: organisation.name } : {}),
      ...(lead ? { preventLeadName: lead.name } : {}),
      preventOfficerNames: members.filter((m) => m.role === 'prevent-officer').map((m) => m.name),
    };
  }

  private async read(partnershipId: string, request: SummaryRequest) {
    const rounds = await this.assessments.listRounds(partnershipId);
    if (rounds.length === 0) {
      throw new NotFoundError('No self-assessment round has been started yet, so there is nothing to summarise. The Prevent Officer starts one with "start self-assessment".');
    }
    const round = request.roundName === undefined ? rounds[0]! : findRound(rounds, request.roundName);
    const framework = getFramework(this.frameworks, round.frameworkId);
    if (request.benchmark !== undefined) assertBenchmark(framework, request.benchmark);
    // The latest round started before this one with the same framework: movement compares like with like.
    const previousRound = rounds.find((r) => sameFramework(this.frameworks, r.frameworkId, round.frameworkId) && r.startedAt < round.startedAt);
    const now = this.now();
    const today = londonDate(now);
    const financialYear = financialYearOf(today);
    const [returns, previousReturns, organisations, actions, meetings, registerRecord] = await Promise.all([
      this.assessments.listReturns(partnershipId, round.id),
      previousRound ? this.assessments.listReturns(partnershipId, previousRound.id) : Promise.resolve(undefined),
      this.organisationRefs(partnershipId),
      this.actions.list(partnershipId),
      this.meetings.list(partnershipId),
      this.sources.priorities?.get(partnershipId, financialYear),
    ]);
    const lastMeeting = meetings.filter((m) => m.startsAt <= now.toISOString()).at(-1);
    const register = registerRecord?.register;
    const coverage = register?.priorities.some((p) => !p.retired)
      ? priorityCoverage(
          register,
          actions.map((r) => r.action),
        )
      : undefined;
    const summary = summarise({
      partnershipId,
      framework,
      answeredBy: answeredByLabel(framework),
      round,
      returns,
      ...(previousRound && previousReturns ? { previous: { round: previousRound, returns: previousReturns } } : {}),
      organisations,
      actions,
      today,
      ...(lastMeeting ? { lastMeeting } : {}),
      generatedAt: now.toISOString(),
      ...(request.benchmark !== undefined ? { benchmark: request.benchmark } : {}),
    });
    return { summary: coverage ? { ...summary, priorities: coverage } : summary, round, framework, organisations, returns, actions, today, financialYear, register, meetings };
  }

  private async organisationRefs(partnershipId: string): Promise<OrganisationRef[]> {
    return (await this.organisations.list(partnershipId)).map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}

/** A round by its name as people write it: case, spacing and punctuation do not matter ("2026-27 q2"). */
function findRound(rounds: readonly AssessmentRound[], name: string): AssessmentRound {
  const wanted = comparable(name);
  const round = rounds.find((r) => comparable(r.name) === wanted || comparable(r.id) === wanted);
  if (!round) {
    const names = rounds.map((r) => r.name);
    throw new NotFoundError(
      names.length === 0
        ? `There is no self-assessment round "${name}": no round has been started yet. The Prevent Officer starts one with "start self-assessment".`
        : `There is no self-assessment round "${name}". The rounds are: ${names.join(', ')}.`,
    );
  }
  return round;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function assertBenchmark(framework: Framework, number: number): void {
  if (!framework.sections.some((s) => s.number === number)) {
    const numbers = framework.sections.map((s) => s.number);
    throw new NotFoundError(`There is no benchmark ${number} in ${framework.title}; its benchmarks are ${numbers[0]} to ${numbers.at(-1)}.`);
  }
}
