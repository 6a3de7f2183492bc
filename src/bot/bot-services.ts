import type { TurnContext } from 'botbuilder';
import type { ActionUpdateService } from '../domain/actions/action-update-service';
import type { PlanImportService } from '../domain/actions/plan-import-service';
import type { AssessmentLaunchService } from '../domain/assessment/assessment-launch-service';
import type { AssessmentService } from '../domain/assessment/assessment-service';
import type { AssuranceService } from '../domain/assurance/assurance-service';
import type { MeetingService } from '../domain/meetings/meeting-service';
import type { ChaserService } from '../domain/chasers/chaser-service';
import type { Outbox } from '../domain/outbox/outbox';
import type { BoardReportService } from '../domain/summary/board-report-service';
import type { ComplianceSummaryService } from '../domain/summary/summary-service';
import type { UpdateRequestService } from '../domain/actions/update-request-service';
import type { FiguresService } from '../domain/figures/figures-service';
import type { GuidanceService } from '../domain/guidance/guidance-service';
import type { LanguageUnderstanding } from '../domain/language/language-understanding';
import type { UnrecognisedMessageCounter } from '../domain/ports';
import type { ConversationLifecycle } from '../domain/partnership/conversation-lifecycle';
import type { PartnershipDirectory } from '../domain/partnership/directory';
import type { MembershipService } from '../domain/partnership/membership-service';
import type { PartnershipAdminService } from '../domain/partnership/partnership-admin-service';
import type { PartnershipResolver } from '../domain/partnership/partnership-resolver';
import type { PriorityService } from '../domain/priorities/priority-service';
import type { Logger } from '../logger';
import type { ReportLinkOffer, ReportLinks } from '../reports/report-links';
import type { Turn } from './turn-scope';
import type { CardMessenger } from './card-messenger';
import type { RoundProgressRefresh } from './round-progress-refresh';
import type { TurnTimers } from './typing-indicator';

/** What handlers may use: domain services only, never storage clients directly. */
export interface BotServices {
  readonly guidance: GuidanceService;
  /** Reads what a message asks for; trained once per process. */
  readonly language: LanguageUnderstanding;
  /** Messages not understood, counted per day; their text is never kept. */
  readonly unrecognised: UnrecognisedMessageCounter;
  readonly partnerships: PartnershipResolver;
  readonly directory: PartnershipDirectory;
  /** Teams' install, removal, channel and team events: keeps stored conversation references true. */
  readonly conversations: ConversationLifecycle;
  readonly actions: ActionUpdateService;
  readonly updateRequests: UpdateRequestService;
  readonly membership: MembershipService;
  /** The partnership card and the Prevent Officer's member and organisation forms. */
  readonly partnershipAdmin: PartnershipAdminService;
  readonly planImports: PlanImportService;
  /** The Situational Assessment priorities register and the actions' links to it. */
  readonly priorities: PriorityService;
  readonly assessments: AssessmentService;
  /** Starting a self-assessment round: the form's choices, then who to ask and what to post. */
  readonly assessmentLaunch: AssessmentLaunchService;
  readonly meetings: MeetingService;
  /** Annual assurance statements: the request, each organisation's statement, who has returned. */
  readonly assurance: AssuranceService;
  readonly summaries: ComplianceSummaryService;
  /** The board report's headline figures and download links, for those who may download it. */
  readonly boardReports: BoardReportService<ReportLinkOffer>;
  /** Signs and checks the board report's expiring download links. */
  readonly reportLinks: ReportLinks;
  /** Every proactive message goes through the outbox; the sender drains it within Teams' limits. */
  readonly outbox: Outbox;
  readonly chasers: ChaserService;
  /** The quarterly figures returns: requests, cards, and the figures as they may be shown. */
  readonly figures: FiguresService;
  /** Refreshes the channel's progress card after updates, once per few seconds whatever their number. */
  readonly roundProgress: RoundProgressRefresh;
  /** Only for what is not a proactive message (opening 1:1 chats); sends go through the outbox. */
  readonly messenger: CardMessenger;
  readonly logger: Logger;
  /**
   * The network behind file downloads, for tests to serve files from a local server. Production
   * leaves it unset (global fetch); either way only Teams' SharePoint hosts are ever asked.
   */
  readonly fetchFile?: typeof fetch;
  /** Injected so tests can pin "today" (overdue, RAG). */
  readonly now: () => Date;
  /** The typing indicator's timer; Node's unless a test drives it by hand. */
  readonly turnTimers?: TurnTimers;
}

export type TurnHandler = (context: TurnContext, turn: Turn, services: BotServices) => Promise<void>;
