import type { UpdateRequestService } from '../actions/update-request-service';
import { getFramework, type FrameworkRegistry } from '../assessment/framework-catalogue';
import { londonDate } from '../clock';
import { authorise, isAllowed, ownOrganisation } from '../authorisation';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import type { Actor } from '../partnership/member';
import type { ActionRepository, AssessmentRepository, ChangeAuthor, MeetingRepository, OrganisationRepository } from '../ports';
import { buildAgenda, type AgendaFacts } from './agenda-builder';
import type { FiguresSnapshot } from '../figures/figures-content';
import type { PersonalDataScreen } from '../privacy/personal-data-error';
import { screenKnowingPartners } from '../privacy/known-names';
import { PersonalDataError } from '../privacy/personal-data-error';
import { applyAgendaEdit, type AgendaEdit } from './agenda-edit';
import type { Attendance, Decision, Meeting } from './meeting';
import {
  themesOf,
  type AgendaEditOutcome,
  type AgendaPost,
  type AgendaReply,
  type AgendaView,
  type AgendaViewer,
  type ChannelAgenda,
  type DecisionForm,
  type DecisionOutcome,
} from './meeting-views';

export interface DecisionInput {
  readonly itemId: string;
  readonly text: string;
  readonly newAction?: { readonly text: string; readonly themeNumber: number; readonly ownerOrganisationId: string; readonly dueDate?: string };
}
import { isWorkingDay, workingDaysAfter, workingDaysBefore } from '../calendar/working-days';
import { londonDateOf, meetingIdFor } from './meeting-time';

/** Where partnership posts go: the channel the Prevent Officer pinned (PartnershipDirectory). */
export interface PartnershipChannelLookup {
  channel(partnershipId: string): Promise<string | undefined>;
}

const NO_MEETING_YET = 'No Steering Group meeting is scheduled yet. Say "schedule meeting" first.';

/** Who made a change, as the audit log records it. */
const authorOf = (actor: Actor): ChangeAuthor => ({ id: actor.aadObjectId, name: actor.name });

/** An automatic post claimed this long ago by an instance that then vanished may be claimed again. */
const STALE_CLAIM_MS = 10 * 60 * 1000;
/** Replies race one another on the same meeting; each retry re-reads and re-applies its own reply. */
const WRITE_ATTEMPTS = 4;

/** Schedules the quarterly Steering Group meetings and builds their agendas from the partnership's data. */
export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly assessments: AssessmentRepository,
    private readonly frameworks: FrameworkRegistry,
    private readonly updateRequests: UpdateRequestService,
    private readonly channels: PartnershipChannelLookup,
    private readonly screen: PersonalDataScreen,
    private readonly now: () => Date = () => new Date(),
    /** Generated lines for annual items, by the annual item's id (the outcome of the assurance statements). */
    private readonly annualDetails: (partnershipId: string) => Promise<Readonly<Record<string, readonly string[]>>> = async () => ({}),
    /** The quarterly figures, for the lines under their standing items; without it the items stay as they are. */
    private readonly figures?: { snapshot(partnershipId: string): Promise<FiguresSnapshot> },
  ) {}

  /** Agenda items and decisions name partner schools and venues: known as organisations, not people. */
  private async screenText(partnershipId: string, text: string): Promise<string[]> {
    return screenKnowingPartners(this.screen, text, () => this.organisations.list(partnershipId));
  }

  /** The Prevent Officer or the chair schedules a meeting; its agenda is built at once. */
  async schedule(partnershipId: string, actor: Actor, startsAt: Date, location: string): Promise<Meeting> {
    authorise(actor, 'schedule-meeting');
    if (startsAt.getTime() <= this.now().getTime()) throw new InvalidError('That time has already passed; choose a date in the future.');
    const meeting: Meeting = {
      id: meetingIdFor(startsAt),
      startsAt: startsAt.toISOString(),
      location: location.trim(),
      agenda: buildAgenda({ ...(await this.agendaFacts(partnershipId)), meetingDate: londonDateOf(startsAt) }),
      scheduledById: actor.aadObjectId,
      scheduledByName: actor.name,
      scheduledAt: this.now().toISOString(),
      attendance: {},
      decisions: [],
    };
    await this.meetings.create(partnershipId, meeting);
    return meeting;
  }

  /** The next meeting that has not started yet, if one is scheduled. */
  async next(partnershipId: string): Promise<Meeting | undefined> {
    const now = this.now().toISOString();
    return (await this.meetings.list(partnershipId)).find((m) => m.startsAt >= now);
  }

  /**
   * Records an organisation's reply to the agenda (the replying member's organisation). Replies from
   * different organisations arrive together, so a lost ETag race is retried, never dropped.
   */
  async reply(partnershipId: string, actor: Actor, meetingId: string, status: Attendance): Promise<Meeting> {
    authorise(actor, 'reply-to-agenda', ownOrganisation(actor));
    const organisationId = actor.organisationId!; // authorise refused anyone without one
    return this.change(
      partnershipId,
      meetingId,
      (meeting) => ({
        ...meeting,
        attendance: { ...meeting.attendance, [organisationId]: { status, byId: actor.aadObjectId, byName: actor.name, at: this.now().toISOString() } },
      }),
      authorOf(actor),
    );
  }

  async recordPosted(partnershipId: string, meetingId: string, activityId: string): Promise<Meeting> {
    return this.change(partnershipId, meetingId, (meeting) => ({ ...meeting, posted: { activityId, at: this.now().toISOString() } }));
  }

  /**
   * The next meeting whose agenda should be posted now (it is `workingDays` working days away or
   * less) and that nobody has posted or claimed. Claiming is conditional on the ETag, so when several
   * instances run, exactly one gets it.
   */
  async claimDueAutoPost(partnershipId: string, workingDays: number, instanceId: string): Promise<Meeting | undefined> {
    const meeting = await this.next(partnershipId);
    if (!meeting || meeting.posted) return undefined;
    const now = this.now();
    if (londonDateOf(now) < workingDaysBefore(londonDateOf(new Date(meeting.startsAt)), workingDays)) return undefined;
    if (meeting.autoPostClaim && now.getTime() - Date.parse(meeting.autoPostClaim.at) < STALE_CLAIM_MS) return undefined;
    const current = await this.meetings.get(partnershipId, meeting.id);
    if (!current) return undefined;
    const claimed = { ...current.meeting, autoPostClaim: { by: instanceId, at: now.toISOString() } };
    try {
      await this.meetings.update(partnershipId, claimed, current.etag);
      return claimed;
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Adds, moves, removes or gives an owner to an agenda item (Prevent Officer or chair). */
  async editAgenda(partnershipId: string, actor: Actor, meetingId: string, edit: AgendaEdit): Promise<Meeting> {
    authorise(actor, 'edit-agenda');
    if (edit.op === 'add') {
      if (!edit.title) throw new InvalidError('Write the new item first.', ['title: write the new item']);
      const findings = await this.screenText(partnershipId, edit.title);
      if (findings.length > 0) throw new PersonalDataError(findings, 'The new item');
    } else if (!edit.itemId) {
      throw new InvalidError('Choose an item first.', ['itemId: choose an item']);
    }
    return this.change(partnershipId, meetingId, (meeting) => ({ ...meeting, agenda: applyAgendaEdit(meeting.agenda, edit) }), authorOf(actor));
  }

  /**
   * The date the Group would meet next if it keeps its quarterly rhythm: 13 weeks after the latest
   * meeting (so the weekday stays the same), or 13 weeks from today when none is scheduled.
   */
  async suggestedNextDate(partnershipId: string): Promise<string> {
    const latest = (await this.meetings.list(partnershipId)).at(-1);
    const from = latest ? new Date(latest.startsAt) : this.now();
    const quarterOn = londonDateOf(new Date(from.getTime() + 13 * 7 * 24 * 3600 * 1000));
    // Never suggest a weekend or a bank holiday: the next working day instead.
    return isWorkingDay(quarterOn) ? quarterOn : workingDaysAfter(quarterOn, 1);
  }

  /** The most recent meeting that has started: the one decisions are recorded against. */
  async latestHeld(partnershipId: string): Promise<Meeting | undefined> {
    const now = this.now().toISOString();
    return (await this.meetings.list(partnershipId)).filter((m) => m.startsAt <= now).at(-1);
  }

  /**
   * Records a decision against an agenda item (Prevent Officer or chair). A decision that creates an
   * action adds it to the plan with the next free number in its theme.
   */
  async recordDecision(partnershipId: string, actor: Actor, meetingId: string, input: DecisionInput): Promise<{ meeting: Meeting; newActionId?: string }> {
    authorise(actor, 'record-decisions');
    const findings = [...(await this.screenText(partnershipId, input.text)), ...(input.newAction ? await this.screenText(partnershipId, input.newAction.text) : [])];
    if (findings.length > 0) throw new PersonalDataError(findings, 'The decision');
    const existing = await this.get(partnershipId, meetingId);
    const item = existing.agenda.find((i) => i.id === input.itemId);
    if (!item) throw new InvalidError("That item is not on this meeting's agenda.", ['itemId: choose an agenda item']);

    let newActionId: string | undefined;
    if (input.newAction) {
      const plan = await this.actions.list(partnershipId);
      const theme = plan.filter((r) => r.action.themeNumber === input.newAction!.themeNumber);
      if (theme.length === 0) throw new InvalidError(`Theme ${input.newAction.themeNumber} has no actions in the plan.`, ['themeNumber: choose a theme of the plan']);
      const next = Math.max(...theme.map((r) => Number(r.action.id.split('.')[1]))) + 1;
      newActionId = `${input.newAction.themeNumber}.${next}`;
      await this.actions.savePlan(
        partnershipId,
        [
          {
            id: newActionId,
            themeNumber: input.newAction.themeNumber,
            themeTitle: theme[0]!.action.themeTitle,
            text: input.newAction.text,
            who: '',
            ownerOrganisationIds: [input.newAction.ownerOrganisationId],
            timescale: input.newAction.dueDate ? `By ${input.newAction.dueDate}` : '',
            ...(input.newAction.dueDate ? { dueDate: input.newAction.dueDate } : {}),
            recurring: false,
            outcomes: '',
            notes: `Agreed at the Steering Group meeting of ${meetingId.slice(0, 10)}.`,
            flags: [],
          },
        ],
        { id: actor.aadObjectId, name: actor.name },
      );
    }
    const decision: Decision = {
      itemId: item.id,
      itemTitle: item.title,
      text: input.text,
      ...(newActionId ? { newActionId } : {}),
      byId: actor.aadObjectId,
      byName: actor.name,
      at: this.now().toISOString(),
    };
    const meeting = await this.change(partnershipId, meetingId, (m) => ({ ...m, decisions: [...m.decisions, decision] }), authorOf(actor));
    return { meeting, ...(newActionId ? { newActionId } : {}) };
  }

  /** The date the scheduling form suggests, shown only to those who may schedule. */
  async scheduleFormDate(partnershipId: string, actor: Actor): Promise<string> {
    authorise(actor, 'schedule-meeting');
    return this.suggestedNextDate(partnershipId);
  }

  /** The next meeting's agenda, for the Prevent Officer or the chair to post to the partnership channel. */
  async agendaToPost(partnershipId: string, actor: Actor): Promise<AgendaPost> {
    authorise(actor, 'post-agenda');
    const meeting = await this.next(partnershipId);
    if (!meeting) throw new NotFoundError(NO_MEETING_YET);
    const { organisationNames, channel } = await this.channelPost(partnershipId, meeting);
    if (!channel) throw new NotFoundError("No partnership channel is set yet: the Prevent Officer types 'use this channel' in the Steering Group's channel to set it.");
    return { meeting, organisationNames, channel };
  }

  /** A meeting's agenda as the channel shows it; for the card a chaser's button opens, which anyone replying may see. */
  async channelAgenda(partnershipId: string, meeting: Meeting): Promise<ChannelAgenda> {
    return { meeting, organisationNames: await this.organisationNames(partnershipId) };
  }

  /**
   * The channel's agenda card and the channel (unset until the Prevent Officer pins one). Asked by no
   * person: the automatic post a few working days before the meeting.
   */
  async channelPost(partnershipId: string, meeting: Meeting): Promise<ChannelAgenda & { channel?: string }> {
    const [organisationNames, channel] = await Promise.all([this.organisationNames(partnershipId), this.channels.channel(partnershipId)]);
    return { meeting, organisationNames, ...(channel ? { channel } : {}) };
  }

  /**
   * Records a reply and gives back the channel's agenda card data. With `refreshChannel` (a reply made
   * outside the channel, e.g. from a chaser in 1:1 chat) and an agenda already posted, the channel is
   * looked up too so its card can show the reply. That refresh is a courtesy: a failed lookup must
   * not turn a saved reply into an error, so it only leaves the channel's card as it was.
   */
  async replyAndShow(partnershipId: string, actor: Actor, meetingId: string, status: Attendance, refreshChannel: boolean): Promise<AgendaReply> {
    const meeting = await this.reply(partnershipId, actor, meetingId, status);
    const [organisationNames, channel] = await Promise.all([
      this.organisationNames(partnershipId),
      refreshChannel && meeting.posted ? this.channels.channel(partnershipId).catch(() => undefined) : Promise.resolve(undefined),
    ]);
    return { meeting, organisationNames, viewer: agendaViewer(actor, meeting, organisationNames), ...(channel ? { channel } : {}) };
  }

  /**
   * A meeting's agenda as one person sees it in the channel: their organisation's reply and whether
   * they may reply. Asked for by Teams when the card is shown (its refresh), so it reads and never writes.
   */
  async agendaView(partnershipId: string, actor: Actor, meetingId: string): Promise<AgendaView> {
    const [meeting, organisationNames] = await Promise.all([this.get(partnershipId, meetingId), this.organisationNames(partnershipId)]);
    return { meeting, organisationNames, viewer: agendaViewer(actor, meeting, organisationNames) };
  }

  /** The next meeting, for the Prevent Officer or the chair to edit its agenda. */
  async agendaToEdit(partnershipId: string, actor: Actor): Promise<Meeting> {
    authorise(actor, 'edit-agenda');
    const meeting = await this.next(partnershipId);
    if (!meeting) throw new NotFoundError(NO_MEETING_YET);
    return meeting;
  }

  /** An agenda edit, and the agenda to show in the editor whether or not it was saved. */
  async editAgendaAndShow(partnershipId: string, actor: Actor, meetingId: string, edit: AgendaEdit): Promise<AgendaEditOutcome> {
    try {
      return { kind: 'saved', view: await this.editAgenda(partnershipId, actor, meetingId, edit) };
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof PersonalDataError)) throw error;
      return { kind: 'not-saved', ...refusal(error), view: await this.get(partnershipId, meetingId) };
    }
  }

  /**
   * The decision form (Prevent Officer or chair) for a meeting, or without one for the last meeting
   * held: decisions are recorded against a meeting that has taken place.
   */
  async decisionForm(partnershipId: string, actor: Actor, meetingId?: string): Promise<DecisionForm> {
    authorise(actor, 'record-decisions');
    const meeting = meetingId === undefined ? await this.latestHeld(partnershipId) : await this.get(partnershipId, meetingId);
    if (!meeting) throw new NotFoundError('No Steering Group meeting has taken place yet, so there is nothing to record decisions against.');
    return this.decisionFormOf(partnershipId, meeting);
  }

  /** A decision, and the form to show again whether or not it was saved. */
  async recordDecisionAndShow(partnershipId: string, actor: Actor, meetingId: string, input: DecisionInput): Promise<DecisionOutcome> {
    try {
      const { meeting, newActionId } = await this.recordDecision(partnershipId, actor, meetingId, input);
      return { kind: 'saved', view: await this.decisionFormOf(partnershipId, meeting), ...(newActionId ? { newActionId } : {}) };
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof PersonalDataError)) throw error;
      return { kind: 'not-saved', ...refusal(error), view: await this.decisionFormOf(partnershipId, await this.get(partnershipId, meetingId)) };
    }
  }

  private async decisionFormOf(partnershipId: string, meeting: Meeting): Promise<DecisionForm> {
    const [plan, organisations] = await Promise.all([this.actions.list(partnershipId), this.organisations.list(partnershipId)]);
    return { meeting, themes: themesOf(plan), organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
  }

  private async organisationNames(partnershipId: string): Promise<Map<string, string>> {
    return new Map((await this.organisations.list(partnershipId)).map((o) => [o.id, o.name]));
  }

  /** Each organisation's replies to the agendas of meetings held since a date (seed action 2.1). */
  async attendanceSince(partnershipId: string, since: string): Promise<{ meetings: number; byOrganisation: Map<string, { attended: number; apologies: number }> }> {
    const now = this.now().toISOString();
    const held = (await this.meetings.list(partnershipId)).filter((m) => m.startsAt >= since && m.startsAt <= now);
    const byOrganisation = new Map<string, { attended: number; apologies: number }>();
    for (const meeting of held) {
      for (const [organisationId, reply] of Object.entries(meeting.attendance)) {
        const counts = byOrganisation.get(organisationId) ?? { attended: 0, apologies: 0 };
        if (reply.status === 'apologies') counts.apologies += 1;
        else counts.attended += 1;
        byOrganisation.set(organisationId, counts);
      }
    }
    return { meetings: held.length, byOrganisation };
  }

  async get(partnershipId: string, meetingId: string): Promise<Meeting> {
    const found = await this.meetings.get(partnershipId, meetingId);
    if (!found) throw new NotFoundError('That meeting is no longer scheduled.');
    return found.meeting;
  }

  private async change(partnershipId: string, meetingId: string, apply: (meeting: Meeting) => Meeting, author?: ChangeAuthor): Promise<Meeting> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.meetings.get(partnershipId, meetingId);
      if (!found) throw new NotFoundError('That meeting is no longer scheduled.');
      const changed = apply(found.meeting);
      try {
        await this.meetings.update(partnershipId, changed, found.etag, author);
        return changed;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** What the agenda draws on: the action plan, the latest self-assessment and the open update round. */
  async agendaFacts(partnershipId: string): Promise<Omit<AgendaFacts, 'meetingDate'>> {
    const [actions, organisations, rounds, progress, previous, annualDetails, figures] = await Promise.all([
      this.actions.list(partnershipId),
      this.organisations.list(partnershipId),
      this.assessments.listRounds(partnershipId),
      this.updateRequests.progress(partnershipId),
      this.latestHeld(partnershipId),
      this.annualDetails(partnershipId),
      this.figures?.snapshot(partnershipId),
    ]);
    const latest = rounds[0];
    const assessment = latest
      ? {
          roundName: latest.name,
          framework: getFramework(this.frameworks, latest.frameworkId),
          returns: await this.assessments.listReturns(partnershipId, latest.id),
        }
      : undefined;
    return {
      today: londonDate(this.now()),
      actions,
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
      ...(assessment ? { assessment } : {}),
      ...(progress ? { notReturnedUpdates: progress.waitingFor } : {}),
      ...(previous ? { previousDecisions: previous.decisions } : {}),
      ...(Object.keys(annualDetails).length > 0 ? { annualDetails } : {}),
      ...(figures ? { figures } : {}),
    };
  }
}

function refusal(error: InvalidError | PersonalDataError) {
  return { reason: error instanceof PersonalDataError ? ('personal-data' as const) : ('invalid' as const), message: error.message, details: error.details };
}

function agendaViewer(actor: Actor, meeting: Meeting, organisationNames: ReadonlyMap<string, string>): AgendaViewer {
  const organisationId = actor.organisationId;
  if (!organisationId || !isAllowed(actor, 'reply-to-agenda', ownOrganisation(actor))) return { mayReply: false };
  const reply = meeting.attendance[organisationId]?.status;
  return { mayReply: true, organisationName: organisationNames.get(organisationId) ?? organisationId, ...(reply ? { reply } : {}) };
}
