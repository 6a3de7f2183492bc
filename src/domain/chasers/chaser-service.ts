import { isReturned } from '../actions/update-request-service';
import { askedOrganisations } from '../assessment/assessment';
import { authorise, isAllowed } from '../authorisation';
import { londonDate, londonHour, ukDate } from '../clock';
import { londonDateOf } from '../meetings/meeting-time';
import { leadsOf } from '../partnership/leads';
import type { Actor, Member } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';
import { isPinned } from '../partnership/partnership-channel';
import type { ActionRepository, AssessmentRepository, ChannelRepository, MeetingRepository, MemberRepository, OrganisationRepository, UpdateRoundRepository } from '../ports';
import { CHASER_HOUR, chaserDates, chaserOnceKey, isChaserDay, type ChaseSubject, type ChaseSubjectSource, type Owing } from './chasers';
import { defaultUpdateDeadline, requestedDeadline, type UpdateDeadline } from './update-deadline';
import type { Outbox } from '../outbox/outbox';

export interface ChaserSettings {
  /** Chasers go out this many working days before a deadline (default 7 and 2). */
  readonly workingDays: readonly number[];
  /** The agenda is posted this many working days before a meeting (the default update deadline is the day before). */
  readonly agendaPostWorkingDays: number;
}

/** One person who could be chased about one subject. */
export interface ChaseTarget {
  readonly subject: ChaseSubject;
  readonly owing: Owing;
  readonly recipient: Member;
  /** Their 1:1 chat, if the bot has one. */
  readonly reference?: string;
  /** The partnership channel, once pinned: where they are @mentioned when they cannot be reached 1:1. */
  readonly channel?: string;
  readonly onceKey: string;
  readonly chasedToday: boolean;
}

/** Who still owes a reply, and what the asker may do about it. */
export interface NotReplied {
  readonly subjects: readonly ChaseSubject[];
  readonly targets: readonly ChaseTarget[];
  readonly chaserWorkingDays: readonly number[];
  readonly canChase: boolean;
}

/**
 * Who has not replied to the open update round, self-assessment round and meeting, and which
 * reminders are due. It decides; the bot renders the chaser cards and puts them in the outbox.
 */
export class ChaserService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly updateRounds: UpdateRoundRepository,
    private readonly assessments: AssessmentRepository,
    private readonly meetings: MeetingRepository,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly outbox: Outbox,
    private readonly settings: ChaserSettings,
    private readonly now: () => Date = () => new Date(),
    /** Where to reach people who cannot be reached 1:1; without it they are only listed as unreached. */
    private readonly channels?: ChannelRepository,
    /** Further subjects chased the same way (annual assurance statements). */
    private readonly sources: readonly ChaseSubjectSource[] = [],
  ) {}

  /** The days chasers go out for a deadline. */
  chaserDates(deadline: string): string[] {
    return chaserDates(deadline, this.settings.workingDays);
  }

  get workingDays(): readonly number[] {
    return this.settings.workingDays;
  }

  /** The update deadline written in the request ("by 12 December"), or the default one. */
  async updateDeadline(partnershipId: string, text: string): Promise<UpdateDeadline> {
    const today = londonDate(this.now());
    const requested = requestedDeadline(text, this.now());
    if (requested) return requested;
    const now = this.now().toISOString();
    const next = (await this.meetings.list(partnershipId)).find((m) => m.startsAt >= now);
    return defaultUpdateDeadline(today, next ? londonDateOf(new Date(next.startsAt)) : undefined, this.settings.agendaPostWorkingDays);
  }

  /** "send chasers" (Prevent Officer): every open subject, and everyone who could be chased about it today. */
  async toChase(partnershipId: string, actor: Actor): Promise<{ subjects: ChaseSubject[]; targets: ChaseTarget[] }> {
    authorise(actor, 'send-chasers');
    const subjects = await this.openSubjects(partnershipId);
    return { subjects, targets: await this.targets(partnershipId, subjects) };
  }

  /** "who hasn't replied" (Prevent Officer, chair): the same, with the schedule and whether this person may chase them. */
  async notReplied(partnershipId: string, actor: Actor): Promise<NotReplied> {
    authorise(actor, 'view-not-replied');
    const subjects = await this.openSubjects(partnershipId);
    return { subjects, targets: await this.targets(partnershipId, subjects), chaserWorkingDays: this.settings.workingDays, canChase: isAllowed(actor, 'send-chasers') };
  }

  /** Every open subject with the organisations that have not replied (those with none owing are left out). */
  async openSubjects(partnershipId: string): Promise<ChaseSubject[]> {
    const [organisations, members] = await Promise.all([this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    const owingOf = (ids: ReadonlyMap<string, string[]>) =>
      organisations.filter((o) => ids.has(o.id)).map((organisation) => ({ organisation, recipients: leadsOf(organisation, members), items: ids.get(organisation.id)! }));
    const subjects = [
      await this.updateRound(partnershipId, owingOf),
      await this.selfAssessment(partnershipId, organisations, owingOf),
      await this.meeting(partnershipId, organisations, owingOf),
      ...(await Promise.all(this.sources.map((source) => source.openSubject(partnershipId, organisations)))).map((open) => {
        if (!open) return undefined;
        const { owed, ...subject } = open;
        return { ...subject, owing: owingOf(owed) };
      }),
    ];
    return subjects.filter((s): s is ChaseSubject => s !== undefined && s.owing.length > 0);
  }

  /** The subjects whose chaser day is today, once it is past 9:00 UK time. */
  async dueToday(partnershipId: string): Promise<ChaseSubject[]> {
    if (londonHour(this.now()) < CHASER_HOUR) return [];
    const today = londonDate(this.now());
    return (await this.openSubjects(partnershipId)).filter((s) => isChaserDay(today, s.deadline, this.settings.workingDays));
  }

  /** Everyone who could be chased about these subjects today, with their chat and whether they were chased already. */
  async targets(partnershipId: string, subjects: readonly ChaseSubject[]): Promise<ChaseTarget[]> {
    const today = londonDate(this.now());
    const people = subjects.flatMap((subject) =>
      subject.owing.flatMap((owing) => owing.recipients.map((recipient) => ({ subject, owing, recipient, onceKey: chaserOnceKey(subject, recipient.aadObjectId, today) }))),
    );
    const [chased, pinned] = await Promise.all([
      this.outbox.usedOnceKeys(
        partnershipId,
        people.map((p) => p.onceKey),
      ),
      this.channels?.get(partnershipId),
    ]);
    const channel = isPinned(pinned) ? pinned.reference : undefined;
    return Promise.all(
      people.map(async (person) => {
        const reference = await this.members.getConversationReference(partnershipId, person.recipient.aadObjectId);
        return { ...person, ...(reference ? { reference } : {}), ...(channel ? { channel } : {}), chasedToday: chased.has(person.onceKey) };
      }),
    );
  }

  private async updateRound(partnershipId: string, owingOf: (ids: Map<string, string[]>) => Owing[]): Promise<ChaseSubject | undefined> {
    const round = await this.updateRounds.current(partnershipId);
    if (!round || (round.dueOn && round.dueOn < londonDate(this.now()))) return undefined;
    const owed = new Map<string, string[]>();
    for (const record of await this.actions.list(partnershipId)) {
      if (isReturned(record, round)) continue;
      for (const organisationId of record.action.ownerOrganisationIds) owed.set(organisationId, [...(owed.get(organisationId) ?? []), record.action.id]);
    }
    return {
      kind: 'update-round',
      id: round.startedAt,
      title: `Action plan updates requested on ${ukDate(londonDateOf(new Date(round.startedAt)))}`,
      ...(round.dueOn ? { deadline: round.dueOn } : {}),
      owing: owingOf(owed),
    };
  }

  private async selfAssessment(partnershipId: string, organisations: readonly Organisation[], owingOf: (ids: Map<string, string[]>) => Owing[]): Promise<ChaseSubject | undefined> {
    const today = londonDate(this.now());
    const round = (await this.assessments.listRounds(partnershipId)).find((r) => r.closesOn >= today);
    if (!round) return undefined;
    const submitted = new Set((await this.assessments.listReturns(partnershipId, round.id)).filter((r) => r.submittedAt).map((r) => r.organisationId));
    // Only the organisations the round asked (those that answer its framework) owe a return.
    const owed = new Map(
      askedOrganisations(round, organisations)
        .filter((o) => !submitted.has(o.id))
        .map((o) => [o.id, [] as string[]]),
    );
    return { kind: 'self-assessment', id: round.id, title: `Self-assessment ${round.name}`, deadline: round.closesOn, owing: owingOf(owed) };
  }

  private async meeting(partnershipId: string, organisations: readonly Organisation[], owingOf: (ids: Map<string, string[]>) => Owing[]): Promise<ChaseSubject | undefined> {
    const now = this.now().toISOString();
    const meeting = (await this.meetings.list(partnershipId)).find((m) => m.startsAt >= now);
    if (!meeting) return undefined;
    const owed = new Map(organisations.filter((o) => !meeting.attendance[o.id]).map((o) => [o.id, [] as string[]]));
    const date = londonDateOf(new Date(meeting.startsAt));
    return { kind: 'meeting', id: meeting.id, title: `Steering Group meeting on ${ukDate(date)}`, deadline: date, owing: owingOf(owed) };
  }
}
