import { randomUUID } from 'node:crypto';
import type { BotServices } from '../bot/bot-services';
import type { CardMessenger } from '../bot/card-messenger';
import type { TurnTimers } from '../bot/typing-indicator';
import { conversationAddress, referenceReader } from '../delivery/messenger-transport';
import { refreshRoundProgress } from '../bot/handlers/update-request-handlers';
import { RoundProgressRefresh } from '../bot/round-progress-refresh';
import { ActionUpdateService } from '../domain/actions/action-update-service';
import { PlanImportService } from '../domain/actions/plan-import-service';
import { UpdateRequestService } from '../domain/actions/update-request-service';
import { AssessmentLaunchService } from '../domain/assessment/assessment-launch-service';
import { AssessmentService } from '../domain/assessment/assessment-service';
import type { Framework } from '../domain/assessment/framework';
import { AssuranceChaseSource } from '../domain/assurance/assurance-chasers';
import { AssuranceService } from '../domain/assurance/assurance-service';
import { assuranceContributor } from '../domain/assurance/assurance-report';
import type { StatementTemplate } from '../domain/assurance/statement-template';
import { loadAssuranceTemplate } from '../storage/files/assurance-template-files';
import { GuidanceService } from '../domain/guidance/guidance-service';
import type { LanguageUnderstanding } from '../domain/language/language-understanding';
import { MeetingService } from '../domain/meetings/meeting-service';
import { ChaserService } from '../domain/chasers/chaser-service';
import { FiguresChaseSource } from '../domain/figures/figures-chasers';
import type { FiguresOwed } from '../domain/figures/figures-service';
import { DEFAULT_CHASER_WORKING_DAYS } from '../domain/chasers/chasers';
import { Outbox } from '../domain/outbox/outbox';
import { ConversationLifecycle } from '../domain/partnership/conversation-lifecycle';
import { PartnershipDirectory } from '../domain/partnership/directory';
import { MembershipService } from '../domain/partnership/membership-service';
import { PartnershipAdminService } from '../domain/partnership/partnership-admin-service';
import { PartnershipResolver } from '../domain/partnership/partnership-resolver';
import { PriorityService } from '../domain/priorities/priority-service';
import type {
  ActionRepository,
  AssessmentRepository,
  AssuranceRepository,
  ChannelRepository,
  FiguresRepository,
  GuidanceRepository,
  MeetingRepository,
  MemberRepository,
  OrganisationRepository,
  OutboxRepository,
  PartnershipRepository,
  PriorityRepository,
  UnrecognisedMessageCounter,
  UpdateRoundRepository,
} from '../domain/ports';
import { screenForPersonalData } from '../domain/privacy/screen';
import type { Logger } from '../logger';
import { BoardReportService } from '../domain/summary/board-report-service';
import { ComplianceSummaryService } from '../domain/summary/summary-service';
import { FiguresService } from '../domain/figures/figures-service';
import { ReportLinks } from '../reports/report-links';

/** The ports the services run on: Table repositories in the bot and tools, in-memory ones in unit tests. */
export interface ServiceRepositories {
  readonly partnerships: PartnershipRepository;
  readonly guidance: GuidanceRepository;
  readonly organisations: OrganisationRepository;
  readonly members: MemberRepository;
  readonly actions: ActionRepository;
  readonly assessments: AssessmentRepository;
  readonly meetings: MeetingRepository;
  readonly updateRounds: UpdateRoundRepository;
  readonly channels: ChannelRepository;
  readonly outbox: OutboxRepository;
  readonly unrecognised: UnrecognisedMessageCounter;
  readonly assurance: AssuranceRepository;
  readonly figures: FiguresRepository;
  readonly priorities: PriorityRepository;
}

export interface ServiceOptions extends DomainServiceOptions {
  readonly language: LanguageUnderstanding;
  readonly messenger: CardMessenger;
  readonly reportLinks: { readonly secret: string; readonly publicBaseUrl: string };
  readonly logger: Logger;
  readonly fetchFile?: typeof fetch;
  /** The typing indicator's timer (tests drive it by hand). */
  readonly turnTimers?: TurnTimers;
}

export interface DomainServiceOptions {
  /** The partnership of a tenant nobody registered (a single-partnership deployment never registers one). */
  readonly defaultPartnershipId: string;
  readonly frameworks: ReadonlyMap<string, Framework>;
  /** The annual assurance statement's items; the shipped SOP 2024 statement unless a test gives another. */
  readonly assuranceTemplate?: StatementTemplate;
  readonly chasers?: { readonly workingDays?: readonly number[]; readonly agendaPostWorkingDays?: number };
  readonly now?: () => Date;
  /** Delivery batch ids; tests make them predictable. */
  readonly newBatchId?: () => string;
}

/**
 * The use-case services over the ports, wired once. The bot adds what only a conversation needs
 * (language, messenger, report links); the command-line tools use these as they are.
 */
export function createDomainServices(repositories: ServiceRepositories, options: DomainServiceOptions) {
  const { partnerships, guidance, organisations, members, actions, assessments, meetings, updateRounds, channels } = repositories;
  const now = options.now ?? (() => new Date());
  const frameworks = options.frameworks as Map<string, Framework>;
  const outbox = new Outbox(repositories.outbox, conversationAddress, options.newBatchId ?? randomUUID, now);
  // The figures service asks the chasers for deadlines; the chasers ask it what is owed: built in two steps.
  const figuresOwed = { owed: (partnershipId: string): Promise<FiguresOwed | undefined> => figures.owed(partnershipId) };
  const chasers = new ChaserService(
    actions,
    updateRounds,
    assessments,
    meetings,
    organisations,
    members,
    outbox,
    { workingDays: options.chasers?.workingDays ?? DEFAULT_CHASER_WORKING_DAYS, agendaPostWorkingDays: options.chasers?.agendaPostWorkingDays ?? 5 },
    now,
    channels,
    [new AssuranceChaseSource(repositories.assurance, now), new FiguresChaseSource(figuresOwed)],
  );
  const figures: FiguresService = new FiguresService(repositories.figures, organisations, members, partnerships, screenForPersonalData, chasers, now);
  const updateRequests = new UpdateRequestService(actions, organisations, members, updateRounds, channels, chasers, now);
  const directory = new PartnershipDirectory(members, organisations, channels, now);
  const partnershipResolver = new PartnershipResolver(partnerships, options.defaultPartnershipId);
  const assessmentService = new AssessmentService(assessments, frameworks, organisations, members, screenForPersonalData, now);
  const membership = new MembershipService(members, organisations);
  const assurance = new AssuranceService(
    repositories.assurance,
    organisations,
    members,
    options.assuranceTemplate ?? loadAssuranceTemplate(),
    screenForPersonalData,
    chasers,
    channels,
    now,
  );
  const meetingService = new MeetingService(
    meetings,
    actions,
    organisations,
    assessments,
    frameworks,
    updateRequests,
    directory,
    screenForPersonalData,
    now,
    (id) => assurance.agendaDetails(id),
    figures,
  );
  return {
    guidance: new GuidanceService(guidance),
    unrecognised: repositories.unrecognised,
    partnerships: partnershipResolver,
    directory,
    conversations: new ConversationLifecycle(members, channels, directory, referenceReader),
    actions: new ActionUpdateService(actions, organisations, screenForPersonalData, now),
    updateRequests,
    membership,
    partnershipAdmin: new PartnershipAdminService(membership, channels, meetingService, now),
    planImports: new PlanImportService(actions, organisations, repositories.priorities, now),
    priorities: new PriorityService(repositories.priorities, actions, organisations, screenForPersonalData, now),
    assessments: assessmentService,
    assessmentLaunch: new AssessmentLaunchService(assessmentService, members, channels, (id) => partnershipResolver.frameworkId(id), chasers),
    meetings: meetingService,
    assurance,
    summaries: new ComplianceSummaryService(assessments, frameworks, organisations, members, actions, meetings, now, {
      priorities: repositories.priorities,
      guidance,
      updateRounds,
      figures,
      contributors: [assuranceContributor(assurance)],
    }),
    outbox,
    chasers,
    figures,
    now,
  };
}

/** Every service the bot's handlers use, wired once: the bot and the test harness build them here. */
export function createServices(repositories: ServiceRepositories, options: ServiceOptions): BotServices {
  const domain = createDomainServices(repositories, options);
  const reportLinks = new ReportLinks({ ...options.reportLinks, now: domain.now });
  const services: Omit<BotServices, 'roundProgress'> = {
    ...domain,
    language: options.language,
    boardReports: new BoardReportService(domain.summaries, domain.partnerships, reportLinks),
    reportLinks,
    messenger: options.messenger,
    logger: options.logger,
    ...(options.fetchFile ? { fetchFile: options.fetchFile } : {}),
    ...(options.turnTimers ? { turnTimers: options.turnTimers } : {}),
  };
  const all: BotServices = { ...services, roundProgress: new RoundProgressRefresh((partnershipId) => refreshRoundProgress(partnershipId, all)) };
  return all;
}
