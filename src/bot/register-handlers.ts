import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { ZodType, ZodTypeDef } from 'zod';
import {
  ACTION_OPEN_VERB,
  ACTION_UPDATE_VERB,
  ACTIONS_PAGE_VERB,
  actionOpenSubmitSchema,
  actionsPageSubmitSchema,
  actionUpdateEnvelopeSchema,
  actionUpdateSubmitSchema,
} from '../cards/action-cards';
import { ASK_VERB, askSubmitSchema } from '../cards/ask-action';
import {
  AGENDA_EDIT_VERB,
  AGENDA_VIEW_VERB,
  agendaViewSubmitSchema,
  DECISION_SAVE_VERB,
  decisionSaveSubmitSchema,
  MEETING_REPLY_VERB,
  MEETING_SCHEDULE_VERB,
  agendaEditSubmitSchema,
  meetingReplySubmitSchema,
  meetingScheduleSubmitSchema,
} from '../cards/meeting-cards';
import {
  ASSESSMENT_OPEN_VERB,
  ASSESSMENT_PROGRESS_VIEW_VERB,
  assessmentProgressViewSubmitSchema,
  ASSESSMENT_SAVE_VERB,
  ASSESSMENT_START_VERB,
  assessmentOpenSubmitSchema,
  assessmentSaveSubmitSchema,
  assessmentStartSubmitSchema,
} from '../cards/assessment-cards';
import {
  MEMBER_FORM_VERB,
  ORGANISATION_EDIT_VERB,
  ORGANISATION_PICK_VERB,
  organisationEditSubmitSchema,
  MEMBER_SAVE_VERB,
  ORGANISATION_FORM_VERB,
  ORGANISATION_SAVE_VERB,
  memberSaveSubmitSchema,
  openFormSubmitSchema,
  organisationSaveSubmitSchema,
  PARTNERSHIP_PAGE_VERB,
  partnershipPageSubmitSchema,
} from '../cards/partnership-cards';
import { InvalidError } from '../domain/errors';
import { PersonalDataError } from '../domain/privacy/personal-data-error';
import { screenFreeText } from '../cards/free-text-fields';
import type { IntentId } from '../domain/language/intents';
import { describeZodIssues, safeParseInput } from '../domain/validation';
import { activityFacts, tenantAllowed } from './activity-facts';
import type { BotServices, TurnHandler } from './bot-services';
import { replyWithProblem } from './error-replies';
import { answeredOneToOne } from './one-to-one-answer';
import { turnLogger } from './turn-logger';
import { ADAPTIVE_CARD_ACTION_INVOKE, answeringInvoke, NOT_A_REFRESH, readCardActionInvoke, refuseInvoke, UNKNOWN_CARD_ACTION, UNREADABLE_CARD_ACTION } from './universal-actions';
import { resolveTurn } from './turn-scope';
import { NODE_TURN_TIMERS, typingWhileSlow } from './typing-indicator';
import { answerUpdateAction, openActionUpdate, showActionsPage, showMyActions, submitActionUpdate, returnUpdateCardWithProblems } from './handlers/action-handlers';
import { answerReferral, answerTraining } from './handlers/guidance-handlers';
import {
  openMemberForm,
  editOrganisation,
  openOrganisationForm,
  openOrganisationPick,
  returnMemberFormWithProblems,
  returnOrganisationFormWithProblems,
  saveMember,
  saveOrganisation,
  showPartnership,
  showPartnershipPage,
} from './handlers/partnership-handlers';
import {
  openAssessmentPage,
  openStartSelfAssessment,
  resumeSelfAssessment,
  saveAssessmentPage,
  showAssessmentProgressView,
  startSelfAssessment,
} from './handlers/assessment-handlers';
import {
  editAgenda,
  openAgendaEditor,
  openDecisionForm,
  returnDecisionFormWithProblems,
  saveDecision,
  postAgenda,
  replyToAgenda,
  scheduleMeeting,
  scheduleMeetingFromForm,
  showAgendaView,
  showNextAgenda,
} from './handlers/meeting-handlers';
import { importPlanFile, planFileIn } from './handlers/plan-file-handlers';
import { prepareNewTeamMembers, prepareTeam } from './handlers/roster-handlers';
import { useThisChannel } from './handlers/channel-handlers';
import { channelDeleted, channelRenamed, installationChanged, membersLeft, teamClosed } from './handlers/lifecycle-handlers';
import { requestUpdates, showRoundProgressView } from './handlers/update-request-handlers';
import { ROUND_PROGRESS_VIEW_VERB, roundProgressViewSubmitSchema } from '../cards/update-request-cards';
import { CHANNEL_CARD_VIEW_VERB, channelCardViewSubmitSchema } from '../cards/channel-mention';
import { showChannelCardView } from './handlers/channel-card-handlers';
import { openFromChaser, sendChasers, showNotReplied, showNotRepliedPage } from './handlers/chaser-handlers';
import { NOT_REPLIED_PAGE_VERB, notRepliedPageSubmitSchema } from '../cards/not-replied-card';
import { CHASER_OPEN_VERB, chaserOpenSubmitSchema } from '../cards/chaser-card';
import { offerBoardReport } from './handlers/report-handlers';
import { answerComplianceSummary, showBenchmarkSummary, showRoundSummary } from './handlers/summary-handlers';
import { SUMMARY_BENCHMARK_VERB, SUMMARY_OPEN_VERB, summaryBenchmarkSubmitSchema, summaryOpenSubmitSchema } from '../cards/summary-cards';
import { answerHelp, sendWelcome } from './handlers/help-handlers';
import { ASSURANCE_OPEN_VERB, ASSURANCE_SAVE_VERB, assuranceOpenSubmitSchema, assuranceSaveSubmitSchema } from '../cards/assurance-cards';
import { openAssuranceStatement, requestAssuranceStatements, saveAssuranceStatement, showAssuranceStatements } from './handlers/assurance-handlers';
import { FIGURES_OPEN_VERB, FIGURES_SAVE_VERB, figuresOpenSubmitSchema, figuresSaveSubmitSchema } from '../cards/figures-cards';
import { openFiguresForm, requestFigures, returnFiguresFormWithProblems, saveFigures, showFigures } from './handlers/figures-handlers';
import { answerMessage, answerThanks } from './handlers/message-handlers';
import {
  PRIORITIES_AGREE_VERB,
  PRIORITIES_VIEW_VERB,
  PRIORITY_FORM_VERB,
  PRIORITY_LINK_OPEN_VERB,
  PRIORITY_LINK_SAVE_VERB,
  PRIORITY_SAVE_VERB,
  prioritiesAgreeSubmitSchema,
  prioritiesViewSubmitSchema,
  priorityFormSubmitSchema,
  priorityLinkOpenSubmitSchema,
  priorityLinkSaveSubmitSchema,
  prioritySaveSubmitSchema,
} from '../cards/priority-cards';
import {
  agreePriorities,
  openActionPriorities,
  openAddPriority,
  openPriorityForm,
  returnPriorityFormWithProblems,
  saveActionPriorities,
  savePriority,
  showPriorities,
  showPrioritiesOfYear,
} from './handlers/priority-handlers';

const INTENT_HANDLERS: Record<IntentId, TurnHandler> = {
  referral: answerReferral,
  training: answerTraining,
  'request-updates': requestUpdates,
  'send-chasers': sendChasers,
  'not-replied': showNotReplied,
  'schedule-meeting': scheduleMeeting,
  'post-agenda': postAgenda,
  'edit-agenda': openAgendaEditor,
  'record-decisions': openDecisionForm,
  agenda: showNextAgenda,
  'start-self-assessment': openStartSelfAssessment,
  'self-assessment': resumeSelfAssessment,
  'compliance-summary': answerComplianceSummary,
  report: offerBoardReport,
  partnership: showPartnership,
  'my-actions': showMyActions,
  'update-action': answerUpdateAction,
  help: answerHelp,
  thanks: answerThanks,
  'use-this-channel': useThisChannel,
  'assurance-statements': showAssuranceStatements,
  'request-assurance-statements': requestAssuranceStatements,
  'quarterly-figures': showFigures,
  'request-figures': requestFigures,
  priorities: showPriorities,
  'add-priority': openAddPriority,
};

const answerInOwnWords = answerMessage(INTENT_HANDLERS);

/** The middleware step of every turn: who is asking is resolved once, then the handler runs with it. */
async function run(context: TurnContext, services: BotServices, handler: TurnHandler): Promise<void> {
  let logger = turnLogger(context, services.logger);
  const started = performance.now();
  const stopTyping = typingWhileSlow(context, services.turnTimers ?? NODE_TURN_TIMERS);
  try {
    const scoped = await resolveTurn(context, services);
    logger = scoped.services.logger;
    await handler(context, scoped.turn, scoped.services);
  } catch (error) {
    await replyWithProblem(context, error, logger);
  } finally {
    await stopTyping();
  }
  // What arrived and how long it took; never the text, which may hold anything the user typed.
  logger.info({ activityType: context.activity.type, durationMs: Math.round(performance.now() - started) }, 'turn handled');
}

/**
 * Registers a card action by verb, for both ways a card sends one: `Action.Execute` (the
 * `adaptiveCard/action` invoke, answered through src/bot/universal-actions.ts) and the
 * `Action.Submit` fallback older clients send as a message. The payload is parsed with its zod
 * schema before anything else runs: an invalid one is answered with what to fix, and the handler
 * (and so any write) never runs.
 */
export function registerSubmit<T>(
  app: Application<TurnState>,
  services: BotServices,
  verb: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  handler: (data: T) => TurnHandler,
  /** A better answer than the generic one for a payload that fails its schema (e.g. the form back). */
  onInvalid?: (data: unknown, problems: string[]) => TurnHandler | undefined,
  /** A view (a card's refresh): read-only, so Teams may also ask for it automatically. */
  kind: 'action' | 'view' = 'action',
): void {
  const answer = async (context: TurnContext, data: unknown): Promise<void> => {
    const parsed = safeParseInput(schema, data);
    // Every stored free-text field is screened here, whatever the service does, so none can slip past.
    const personalData = parsed.success ? screenFreeText(verb, parsed.data) : [];
    if (parsed.success && personalData.length > 0) {
      const refuse: TurnHandler = async () => {
        throw new PersonalDataError(personalData, 'What you entered');
      };
      await run(context, services, onInvalid?.(data, personalData) ?? refuse);
      return;
    }
    if (parsed.success) {
      await run(context, services, handler(parsed.data));
      return;
    }
    const problems = describeZodIssues(parsed.error);
    const fallback: TurnHandler = async () => {
      throw new InvalidError('That card could not be read. Nothing was saved.', problems);
    };
    await run(context, services, onInvalid?.(data, problems) ?? fallback);
  };
  app.adaptiveCards.actionSubmit(verb, (context, _state, data) => answer(context, data));
  app.adaptiveCards.actionExecute(verb, async (context) => {
    const invoke = readCardActionInvoke(context.activity.value);
    if (!invoke) await refuseInvoke(context, UNREADABLE_CARD_ACTION);
    // Teams sets off only a card's refresh by itself; anything that could write waits for a person.
    else if (invoke.trigger === 'automatic' && kind !== 'view') await refuseInvoke(context, NOT_A_REFRESH);
    else await answeringInvoke(context, () => answer(context, invoke.action.data ?? {}));
    // The invoke has been answered above; Teams AI sends nothing more once it has.
    return '';
  });
}

/**
 * Registers a view (a card's `refresh` verb, also its "Show my view" button): one person's view of a
 * card posted where others read it. Views only read, so Teams may ask for them by itself.
 */
export function registerView<T>(
  app: Application<TurnState>,
  services: BotServices,
  verb: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  handler: (data: T) => TurnHandler,
): void {
  registerSubmit(app, services, verb, schema, handler, undefined, 'view');
}

/**
 * Answers every `adaptiveCard/action` invoke no verb took: an action the bot does not know, or a
 * value that is not a card action at all. Registered last, so it only sees what nothing else took.
 */
export function registerUnknownCardActions(app: Application<TurnState>): void {
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === ADAPTIVE_CARD_ACTION_INVOKE,
    async (context) => {
      await refuseInvoke(context, readCardActionInvoke(context.activity.value) ? UNKNOWN_CARD_ACTION : UNREADABLE_CARD_ACTION);
    },
    true,
  );
}

/** Plain-language messages and the buttons that stand for them. */
export function registerMessageHandlers(app: Application<TurnState>, services: BotServices): void {
  registerSubmit(app, services, ASK_VERB, askSubmitSchema, (ask) => (context, turn, s) => answerInOwnWords(context, { ...turn, text: ask.question }, s));
  registerSubmit(app, services, ACTION_OPEN_VERB, actionOpenSubmitSchema, (open) => openActionUpdate(open.actionId));
  registerSubmit(app, services, ACTIONS_PAGE_VERB, actionsPageSubmitSchema, showActionsPage);
  registerSubmit(app, services, ACTION_UPDATE_VERB, actionUpdateSubmitSchema, submitActionUpdate, (data, problems) => {
    const envelope = actionUpdateEnvelopeSchema.safeParse(data);
    return envelope.success ? returnUpdateCardWithProblems(envelope.data, problems) : undefined;
  });
  registerSubmit(app, services, MEETING_SCHEDULE_VERB, meetingScheduleSubmitSchema, scheduleMeetingFromForm);
  registerSubmit(app, services, MEETING_REPLY_VERB, meetingReplySubmitSchema, replyToAgenda);
  registerSubmit(app, services, AGENDA_EDIT_VERB, agendaEditSubmitSchema, editAgenda);
  registerView(app, services, AGENDA_VIEW_VERB, agendaViewSubmitSchema, showAgendaView);
  registerView(app, services, ROUND_PROGRESS_VIEW_VERB, roundProgressViewSubmitSchema, showRoundProgressView);
  registerView(app, services, ASSESSMENT_PROGRESS_VIEW_VERB, assessmentProgressViewSubmitSchema, showAssessmentProgressView);
  registerView(app, services, CHANNEL_CARD_VIEW_VERB, channelCardViewSubmitSchema, showChannelCardView);
  registerSubmit(app, services, DECISION_SAVE_VERB, decisionSaveSubmitSchema, saveDecision, (data, problems) => {
    const meetingId = (data as { meetingId?: unknown } | undefined)?.meetingId;
    return typeof meetingId === 'string' && /^\d{4}-\d{2}-\d{2}-\d{4}$/.test(meetingId) ? returnDecisionFormWithProblems(meetingId, problems) : undefined;
  });
  registerSubmit(app, services, ASSESSMENT_START_VERB, assessmentStartSubmitSchema, startSelfAssessment);
  registerSubmit(app, services, ASSESSMENT_OPEN_VERB, assessmentOpenSubmitSchema, openAssessmentPage);
  registerSubmit(app, services, ASSESSMENT_SAVE_VERB, assessmentSaveSubmitSchema, saveAssessmentPage);
  registerSubmit(app, services, CHASER_OPEN_VERB, chaserOpenSubmitSchema, openFromChaser);
  registerSubmit(app, services, ASSURANCE_OPEN_VERB, assuranceOpenSubmitSchema, openAssuranceStatement);
  registerSubmit(app, services, ASSURANCE_SAVE_VERB, assuranceSaveSubmitSchema, saveAssuranceStatement);
  registerSubmit(app, services, NOT_REPLIED_PAGE_VERB, notRepliedPageSubmitSchema, showNotRepliedPage);
  registerSubmit(app, services, SUMMARY_BENCHMARK_VERB, summaryBenchmarkSubmitSchema, (submit) => answeredOneToOne(showBenchmarkSummary(submit)));
  registerSubmit(app, services, SUMMARY_OPEN_VERB, summaryOpenSubmitSchema, (submit) => answeredOneToOne(showRoundSummary(submit)));
  // The Prevent Officer's forms are never shown where others read them: from a card left in a channel, they open in the 1:1 chat.
  registerSubmit(app, services, MEMBER_FORM_VERB, openFormSubmitSchema, () => answeredOneToOne(openMemberForm));
  registerSubmit(app, services, ORGANISATION_FORM_VERB, openFormSubmitSchema, () => answeredOneToOne(openOrganisationForm));
  registerSubmit(app, services, ORGANISATION_PICK_VERB, openFormSubmitSchema, () => answeredOneToOne(openOrganisationPick));
  registerSubmit(app, services, ORGANISATION_EDIT_VERB, organisationEditSubmitSchema, (edit) => answeredOneToOne(editOrganisation(edit.organisationId)));
  registerSubmit(app, services, PARTNERSHIP_PAGE_VERB, partnershipPageSubmitSchema, showPartnershipPage);
  registerSubmit(app, services, MEMBER_SAVE_VERB, memberSaveSubmitSchema, saveMember, (_data, problems) => returnMemberFormWithProblems(problems));
  registerSubmit(app, services, ORGANISATION_SAVE_VERB, organisationSaveSubmitSchema, saveOrganisation, (data, problems) =>
    returnOrganisationFormWithProblems((data ?? {}) as Record<string, unknown>, problems),
  );
  registerSubmit(app, services, FIGURES_OPEN_VERB, figuresOpenSubmitSchema, openFiguresForm);
  registerSubmit(app, services, FIGURES_SAVE_VERB, figuresSaveSubmitSchema, saveFigures, returnFiguresFormWithProblems);
  // The Situational Assessment priorities: the register for members, the forms for the Prevent Officer.
  registerSubmit(app, services, PRIORITIES_VIEW_VERB, prioritiesViewSubmitSchema, showPrioritiesOfYear);
  registerSubmit(app, services, PRIORITY_FORM_VERB, priorityFormSubmitSchema, (open) => answeredOneToOne(openPriorityForm(open)));
  registerSubmit(app, services, PRIORITY_SAVE_VERB, prioritySaveSubmitSchema, savePriority, (data, problems) =>
    returnPriorityFormWithProblems((data ?? {}) as Record<string, unknown>, problems),
  );
  registerSubmit(app, services, PRIORITIES_AGREE_VERB, prioritiesAgreeSubmitSchema, agreePriorities);
  registerSubmit(app, services, PRIORITY_LINK_OPEN_VERB, priorityLinkOpenSubmitSchema, (open) => answeredOneToOne(openActionPriorities(open)));
  registerSubmit(app, services, PRIORITY_LINK_SAVE_VERB, priorityLinkSaveSubmitSchema, saveActionPriorities);
  app.activity(ActivityTypes.Message, async (context) => {
    const planFile = planFileIn(context.activity.attachments);
    await run(context, services, planFile ? importPlanFile(planFile) : answerInOwnWords);
  });
}

function inTeam(context: TurnContext): boolean {
  return Boolean((context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id);
}

/**
 * The bot added to a personal chat or a team: welcome once, and in the partnership team (the team of
 * the pinned channel, no other) get ready to reach its registered members 1:1. People added to that
 * team: get ready to reach those who are registered.
 */
export function registerWelcome(app: Application<TurnState>, services: BotServices): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    const botAdded = added.some((member) => member.id === botId);
    if (botAdded) await run(context, services, sendWelcome);
    if (!inTeam(context)) return;
    await run(context, services, async () => {
      if (botAdded) await prepareTeam(context, services);
      else
        await prepareNewTeamMembers(
          context,
          added.filter((member) => member.id !== botId),
          services,
        );
    });
  });
}

/**
 * Teams' lifecycle events (install and removal, people leaving, channels renamed or deleted, teams
 * deleted or archived), so stored conversation references never wait for a 403 to be found stale.
 * Nobody is waiting for an answer: a failure is logged, never replied to (the conversation may be gone).
 */
export function registerLifecycle(app: Application<TurnState>, services: BotServices): void {
  const quietly =
    (handler: TurnHandler): TurnHandler =>
    async (context, turn, scoped) => {
      try {
        await handler(context, turn, scoped);
      } catch (error) {
        scoped.logger.warn({ err: error, activityType: context.activity.type }, 'a Teams lifecycle event could not be acted on');
      }
    };
  app.activity(ActivityTypes.InstallationUpdate, (context) => run(context, services, quietly(installationChanged)));
  app.conversationUpdate('membersRemoved', (context) => run(context, services, quietly(membersLeft)));
  app.conversationUpdate('channelRenamed', (context) => run(context, services, quietly(channelRenamed)));
  app.conversationUpdate('channelDeleted', (context) => run(context, services, quietly(channelDeleted)));
  app.conversationUpdate('teamDeleted', (context) => run(context, services, quietly(teamClosed('team-deleted'))));
  app.conversationUpdate('teamHardDeleted', (context) => run(context, services, quietly(teamClosed('team-deleted'))));
  app.conversationUpdate('teamArchived', (context) => run(context, services, quietly(teamClosed('team-archived'))));
}

/** The bot is being removed from this conversation: nothing of it is to be stored again. */
function botLeaving(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type === ActivityTypes.InstallationUpdate) return typeof activity.action === 'string' && activity.action.startsWith('remove');
  return (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient?.id);
}

/**
 * Drops activities from tenants outside the allow-list before any handler runs: the conversation must
 * be in an allowed (host) tenant, and a sender from another tenant (an external member of a shared
 * channel) must be from an allowed or partner tenant. Only meaningful when JWT validation is on
 * (production); locally the list is usually empty.
 */
export function registerTenantGuard(app: Application<TurnState>, allowedTenantIds: readonly string[], services: BotServices, partnerTenantIds: readonly string[] = []): void {
  if (allowedTenantIds.length === 0) return;
  app.turn('beforeTurn', async (context) => {
    const facts = activityFacts(context);
    if (tenantAllowed(facts, allowedTenantIds, partnerTenantIds)) return true;
    services.logger.warn(
      { tenantId: facts.tenantId, homeTenantId: facts.homeTenantId, activityType: context.activity.type },
      'activity from a tenant that is not allowed; ignored',
    );
    return false;
  });
}

/**
 * Remembers how to reach registered members in 1:1 chat from whatever they send there, so proactive
 * messages (update requests, chasers) have somewhere to go. Nothing is stored for anyone else, and
 * a channel message never changes where the partnership's posts go ("use this channel" does that).
 * A failure here never stops the turn: the user still gets their answer.
 */
export function registerConversationCapture(app: Application<TurnState>, services: BotServices): void {
  app.turn('beforeTurn', async (context) => {
    const facts = activityFacts(context);
    if (facts.conversationType !== 'personal' || !facts.aadObjectId || botLeaving(context)) return true;
    // A card's automatic refresh is Teams asking, not the person writing: it stays read-only.
    if (readCardActionInvoke(context.activity.value)?.trigger === 'automatic') return true;
    const reference = TurnContext.getConversationReference(context.activity);
    delete reference.activityId;
    try {
      const partnershipId = await services.partnerships.resolveId(facts.tenantId);
      await services.directory.rememberPersonalChat(partnershipId, facts.aadObjectId, JSON.stringify(reference));
    } catch (error) {
      services.logger.warn({ err: error }, 'could not store the conversation reference');
    }
    return true;
  });
}
