import { actionSchema, type Action, type ActionProgress, type ActionRecord } from '../actions/action';
import type { UpdateRound } from '../actions/update-round';
import type { AssuranceStatement, StatementChange, StatementRecord, StatementRequest } from '../assurance/assurance';
import type { AssessmentRound, OrganisationReturn, RatingChange, RatingHistoryEntry, ReturnRecord } from '../assessment/assessment';
import type { FiguresRecord, FiguresRequest, FiguresReturn, ReturnKind } from '../figures/figures';
import type { Guidance } from '../guidance/guidance';
import type { Meeting } from '../meetings/meeting';
import type { Member } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';
import type { Partnership } from '../partnership/partnership';
import type { PartnershipChannel } from '../partnership/partnership-channel';
import type {
  ActionRepository,
  AssessmentRepository,
  AssuranceRepository,
  ChangeAuthor,
  ChannelRepository,
  FiguresRepository,
  GuidanceRepository,
  MeetingRepository,
  MemberRepository,
  OrganisationRepository,
  PartnershipRepository,
  PriorityRepository,
  UpdateRoundRepository,
} from '../ports';
import type { PriorityRegister } from '../priorities/priority';
import { linkedAction } from '../priorities/priority-links';
import { canonicalJson } from './audit-chain';
import { SYSTEM_ACTOR, type AuditRecorder } from './audit-recorder';

/**
 * Decorators that audit each successful write of the repository they wrap (AuditRecorder.around:
 * a pending audit row in the write's own transaction where storage supports it, then the append).
 * Reads pass straight through. The old value is read just before the write so its hash can be kept;
 * idempotent repeats (duplicate: true) wrote nothing and are not recorded again. A plan import is
 * one write of many actions and is still appended after the write, one entry per changed action.
 */

export class AuditedPartnershipRepository implements PartnershipRepository {
  constructor(
    private readonly inner: PartnershipRepository,
    private readonly audit: AuditRecorder,
  ) {}
  get = (partnershipId: string) => this.inner.get(partnershipId);
  listIds = () => this.inner.listIds();
  findByTenant = (tenantId: string) => this.inner.findByTenant(tenantId);
  async save(partnership: Partnership, author: ChangeAuthor): Promise<void> {
    const before = await this.inner.get(partnership.id);
    const change = { actorId: author.id, verb: 'partnership-save', entity: `partnership:${partnership.id}`, before, after: partnership } as const;
    await this.audit.around(partnership.id, change, () => this.inner.save(partnership, author));
  }
}

export class AuditedGuidanceRepository implements GuidanceRepository {
  constructor(
    private readonly inner: GuidanceRepository,
    private readonly audit: AuditRecorder,
  ) {}
  get = (partnershipId: string) => this.inner.get(partnershipId);
  async save(partnershipId: string, guidance: Guidance, author: ChangeAuthor): Promise<void> {
    const before = await this.inner.get(partnershipId);
    await this.audit.around(partnershipId, { actorId: author.id, verb: 'guidance-save', entity: 'guidance', before, after: guidance }, () =>
      this.inner.save(partnershipId, guidance, author),
    );
  }
}

export class AuditedOrganisationRepository implements OrganisationRepository {
  constructor(
    private readonly inner: OrganisationRepository,
    private readonly audit: AuditRecorder,
  ) {}
  list = (partnershipId: string) => this.inner.list(partnershipId);
  get = (partnershipId: string, organisationId: string) => this.inner.get(partnershipId, organisationId);
  async save(partnershipId: string, organisation: Organisation, author: ChangeAuthor): Promise<void> {
    const before = await this.inner.get(partnershipId, organisation.id);
    const change = { actorId: author.id, verb: 'organisation-save', entity: `organisation:${organisation.id}`, before, after: organisation } as const;
    await this.audit.around(partnershipId, change, () => this.inner.save(partnershipId, organisation, author));
  }
}

/**
 * Conversation references are delivery plumbing Teams hands the bot, not a governance change: storing
 * one is not audited. Forgetting one is (the bot decided that a registered member can no longer be
 * reached 1:1), with only hashes of the reference, as for any other value.
 */
export class AuditedMemberRepository implements MemberRepository {
  constructor(
    private readonly inner: MemberRepository,
    private readonly audit: AuditRecorder,
  ) {}
  list = (partnershipId: string) => this.inner.list(partnershipId);
  get = (partnershipId: string, aadObjectId: string) => this.inner.get(partnershipId, aadObjectId);
  saveConversationReference = (partnershipId: string, aadObjectId: string, reference: string) => this.inner.saveConversationReference(partnershipId, aadObjectId, reference);
  getConversationReference = (partnershipId: string, aadObjectId: string) => this.inner.getConversationReference(partnershipId, aadObjectId);
  async forgetConversationReference(partnershipId: string, aadObjectId: string): Promise<boolean> {
    const before = await this.inner.getConversationReference(partnershipId, aadObjectId);
    if (before === undefined) return false;
    const change = { actorId: SYSTEM_ACTOR, verb: 'personal-chat-forget', entity: `personal-chat:${aadObjectId}`, before, after: undefined } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.forgetConversationReference(partnershipId, aadObjectId),
      (forgotten) => forgotten,
    );
  }
  async save(partnershipId: string, member: Member, author: ChangeAuthor): Promise<void> {
    const before = await this.inner.get(partnershipId, member.aadObjectId);
    const change = { actorId: author.id, verb: 'member-save', entity: `member:${member.aadObjectId}`, before, after: member } as const;
    await this.audit.around(partnershipId, change, () => this.inner.save(partnershipId, member, author));
  }
}

export class AuditedActionRepository implements ActionRepository {
  constructor(
    private readonly inner: ActionRepository,
    private readonly audit: AuditRecorder,
  ) {}
  list = (partnershipId: string) => this.inner.list(partnershipId);
  get = (partnershipId: string, actionId: string) => this.inner.get(partnershipId, actionId);
  history = (partnershipId: string, actionId: string) => this.inner.history(partnershipId, actionId);

  /** One entry per action whose definition the import adds or changes; unchanged actions are not written anew in substance. */
  async savePlan(partnershipId: string, actions: readonly Action[], author: ChangeAuthor): Promise<void> {
    const before = new Map((await this.inner.list(partnershipId)).map((record) => [record.action.id, record.action]));
    await this.inner.savePlan(partnershipId, actions, author);
    for (const action of actions) {
      const parsed = actionSchema.safeParse(action);
      const after = parsed.success ? parsed.data : action;
      const previous = before.get(action.id);
      if (previous && canonicalJson(previous) === canonicalJson(after)) continue;
      await this.audit.record(partnershipId, author.id, 'plan-import', `action:${action.id}`, previous, after);
    }
  }

  async recordUpdate(
    partnershipId: string,
    actionId: string,
    progress: ActionProgress,
    etag: string,
    current?: ActionRecord,
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    // The caller's own read is the value before, when it gives one: the write is conditional on that read's ETag anyway.
    const before = current ?? (await this.inner.get(partnershipId, actionId));
    const change = { actorId: progress.updatedById, verb: 'action-update', entity: `action:${actionId}`, before: before?.progress, after: progress } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.recordUpdate(partnershipId, actionId, progress, etag, current),
      (result) => !result.duplicate,
    );
  }

  async linkPriorities(
    partnershipId: string,
    actionId: string,
    priorityIds: readonly string[],
    etag: string,
    author: ChangeAuthor,
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const before = (await this.inner.get(partnershipId, actionId))?.action;
    // The value after is the action as it will be stored (no links: no field), so its hash matches storage's.
    const change = {
      actorId: author.id,
      verb: 'action-priorities',
      entity: `action:${actionId}`,
      before,
      after: before ? linkedAction(before, priorityIds) : undefined,
    } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.linkPriorities(partnershipId, actionId, priorityIds, etag, author),
      (result) => !result.duplicate,
    );
  }
}

/** Each change of a year's priorities register; idempotent repeats wrote nothing and are not recorded again. */
export class AuditedPriorityRepository implements PriorityRepository {
  constructor(
    private readonly inner: PriorityRepository,
    private readonly audit: AuditRecorder,
  ) {}
  get = (partnershipId: string, financialYear: string) => this.inner.get(partnershipId, financialYear);
  list = (partnershipId: string) => this.inner.list(partnershipId);
  history = (partnershipId: string, financialYear: string) => this.inner.history(partnershipId, financialYear);
  async save(partnershipId: string, register: PriorityRegister, etag: string | undefined, author: ChangeAuthor) {
    const before = (await this.inner.get(partnershipId, register.financialYear))?.register;
    const change = { actorId: author.id, verb: 'priorities-save', entity: `priorities:${register.financialYear}`, before, after: register } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.save(partnershipId, register, etag, author),
      (result) => !result.duplicate,
    );
  }
}

export class AuditedUpdateRoundRepository implements UpdateRoundRepository {
  constructor(
    private readonly inner: UpdateRoundRepository,
    private readonly audit: AuditRecorder,
  ) {}
  current = (partnershipId: string) => this.inner.current(partnershipId);
  /** A new start time is a new round (its requester started it); the same one is the bot noting its channel card. */
  async save(partnershipId: string, round: UpdateRound): Promise<void> {
    const before = await this.inner.current(partnershipId);
    const started = before?.startedAt !== round.startedAt;
    const change = {
      actorId: started ? round.requestedById : SYSTEM_ACTOR,
      verb: started ? 'update-round-start' : 'update-round-save',
      entity: `update-round:${round.startedAt}`,
      before: started ? undefined : before,
      after: round,
    } as const;
    await this.audit.around(partnershipId, change, () => this.inner.save(partnershipId, round));
  }
}

export class AuditedAssessmentRepository implements AssessmentRepository {
  constructor(
    private readonly inner: AssessmentRepository,
    private readonly audit: AuditRecorder,
  ) {}
  listRounds = (partnershipId: string) => this.inner.listRounds(partnershipId);
  getRound = (partnershipId: string, roundId: string) => this.inner.getRound(partnershipId, roundId);
  getReturn = (partnershipId: string, roundId: string, organisationId: string) => this.inner.getReturn(partnershipId, roundId, organisationId);
  listReturns = (partnershipId: string, roundId: string) => this.inner.listReturns(partnershipId, roundId);
  history = (partnershipId: string, roundId: string, organisationId: string): Promise<RatingHistoryEntry[]> => this.inner.history(partnershipId, roundId, organisationId);

  async createRound(partnershipId: string, round: AssessmentRound): Promise<void> {
    const change = { actorId: round.startedById, verb: 'assessment-round-start', entity: `assessment-round:${round.id}`, before: undefined, after: round } as const;
    await this.audit.around(partnershipId, change, () => this.inner.createRound(partnershipId, round));
  }

  async setRoundChannelCard(partnershipId: string, roundId: string, channelActivityId: string): Promise<void> {
    const before = await this.inner.getRound(partnershipId, roundId);
    const change = {
      actorId: SYSTEM_ACTOR,
      verb: 'assessment-round-card',
      entity: `assessment-round:${roundId}`,
      before,
      after: before ? { ...before, channelActivityId } : undefined,
    } as const;
    await this.audit.around(partnershipId, change, () => this.inner.setRoundChannelCard(partnershipId, roundId, channelActivityId));
  }

  async saveReturn(
    partnershipId: string,
    value: OrganisationReturn,
    changes: readonly RatingChange[],
    nonce: string,
    etag: string | undefined,
    current?: { readonly record: ReturnRecord | undefined },
  ): Promise<{ record: ReturnRecord; duplicate: boolean }> {
    const before = current ? current.record : await this.inner.getReturn(partnershipId, value.roundId, value.organisationId);
    const submitted = value.submittedAt !== undefined && before?.value.submittedAt === undefined;
    const change = {
      actorId: submitted ? (value.submittedById ?? SYSTEM_ACTOR) : ratingActor(value, changes),
      verb: submitted ? 'return-submit' : 'rating-save',
      entity: `return:${value.roundId}/${value.organisationId}`,
      before: before?.etag === undefined ? undefined : before.value,
      after: value,
    } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.saveReturn(partnershipId, value, changes, nonce, etag, current),
      (result) => !result.duplicate,
    );
  }
}

/** Whoever made the ratings this save changed (a save carries one person's page). */
function ratingActor(value: OrganisationReturn, changes: readonly RatingChange[]): string {
  const changed = changes[0]?.after.updatedById;
  if (changed) return changed;
  const latest = Object.values(value.ratings).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return latest?.updatedById ?? SYSTEM_ACTOR;
}

export class AuditedMeetingRepository implements MeetingRepository {
  constructor(
    private readonly inner: MeetingRepository,
    private readonly audit: AuditRecorder,
  ) {}
  list = (partnershipId: string) => this.inner.list(partnershipId);
  get = (partnershipId: string, meetingId: string) => this.inner.get(partnershipId, meetingId);

  async create(partnershipId: string, meeting: Meeting): Promise<void> {
    const change = { actorId: meeting.scheduledById, verb: 'meeting-create', entity: `meeting:${meeting.id}`, before: undefined, after: meeting } as const;
    await this.audit.around(partnershipId, change, () => this.inner.create(partnershipId, meeting));
  }

  async update(partnershipId: string, meeting: Meeting, etag: string, author?: ChangeAuthor): Promise<void> {
    const before = (await this.inner.get(partnershipId, meeting.id))?.meeting;
    const change = { actorId: author?.id ?? meetingChangeActor(before, meeting), verb: 'meeting-update', entity: `meeting:${meeting.id}`, before, after: meeting } as const;
    await this.audit.around(partnershipId, change, () => this.inner.update(partnershipId, meeting, etag, author));
  }
}

/** Without an author, the change itself says who made it: a new reply or decision, or the bot's own claim or post. */
function meetingChangeActor(before: Meeting | undefined, after: Meeting): string {
  for (const [organisationId, reply] of Object.entries(after.attendance)) {
    if (canonicalJson(before?.attendance[organisationId]) !== canonicalJson(reply)) return reply.byId;
  }
  const decision = after.decisions[before?.decisions.length ?? 0];
  if (decision) return decision.byId;
  return SYSTEM_ACTOR;
}

/**
 * Where the partnership's posts go is the Prevent Officer's decision ("use this channel"), so
 * setting it is recorded as theirs. The conversation reference is only ever hashed.
 */
export class AuditedChannelRepository implements ChannelRepository {
  constructor(
    private readonly inner: ChannelRepository,
    private readonly audit: AuditRecorder,
  ) {}
  get = (partnershipId: string) => this.inner.get(partnershipId);
  async save(partnershipId: string, channel: PartnershipChannel): Promise<void> {
    const before = await this.inner.get(partnershipId);
    const change = { actorId: channel.pinnedBy?.aadObjectId ?? SYSTEM_ACTOR, verb: 'channel-pin', entity: 'partnership-channel', before, after: channel } as const;
    await this.audit.around(partnershipId, change, () => this.inner.save(partnershipId, channel));
  }
  /** Teams' events, not anyone's decision: recorded as the bot's. */
  async rename(partnershipId: string, name: string): Promise<void> {
    const before = await this.inner.get(partnershipId);
    if (!before) return;
    const change = { actorId: SYSTEM_ACTOR, verb: 'channel-rename', entity: 'partnership-channel', before, after: { ...before, name } } as const;
    await this.audit.around(partnershipId, change, () => this.inner.rename(partnershipId, name));
  }
  async forget(partnershipId: string): Promise<void> {
    const before = await this.inner.get(partnershipId);
    if (!before) return;
    const change = { actorId: SYSTEM_ACTOR, verb: 'channel-forget', entity: 'partnership-channel', before, after: undefined } as const;
    await this.audit.around(partnershipId, change, () => this.inner.forget(partnershipId));
  }
}

/** A year's request is the Prevent Officer's; each save is its author's, a confirmation recorded as such. */
export class AuditedAssuranceRepository implements AssuranceRepository {
  constructor(
    private readonly inner: AssuranceRepository,
    private readonly audit: AuditRecorder,
  ) {}
  listRequests = (partnershipId: string) => this.inner.listRequests(partnershipId);
  getRequest = (partnershipId: string, year: string) => this.inner.getRequest(partnershipId, year);
  getStatement = (partnershipId: string, year: string, organisationId: string) => this.inner.getStatement(partnershipId, year, organisationId);
  listStatements = (partnershipId: string, year: string) => this.inner.listStatements(partnershipId, year);
  history = (partnershipId: string, year: string, organisationId: string) => this.inner.history(partnershipId, year, organisationId);

  async createRequest(partnershipId: string, request: StatementRequest): Promise<void> {
    const change = { actorId: request.requestedById, verb: 'assurance-request', entity: `assurance-year:${request.year}`, before: undefined, after: request } as const;
    await this.audit.around(partnershipId, change, () => this.inner.createRequest(partnershipId, request));
  }

  async saveStatement(
    partnershipId: string,
    value: AssuranceStatement,
    statementChange: StatementChange,
    nonce: string,
    etag: string | undefined,
    current?: { readonly record: StatementRecord | undefined },
  ): Promise<{ record: StatementRecord; duplicate: boolean }> {
    const before = current ? current.record : await this.inner.getStatement(partnershipId, value.year, value.organisationId);
    const change = {
      actorId: statementChange.byId,
      verb: statementChange.confirmed ? 'assurance-confirm' : 'assurance-save',
      entity: `assurance-statement:${value.year}/${value.organisationId}`,
      before: before?.etag === undefined ? undefined : before.value,
      after: value,
    } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.saveStatement(partnershipId, value, statementChange, nonce, etag, current),
      (result) => !result.duplicate,
    );
  }
}

/** A figures return is audited like an action update: who returned which numbers, before and after. */
export class AuditedFiguresRepository implements FiguresRepository {
  constructor(
    private readonly inner: FiguresRepository,
    private readonly audit: AuditRecorder,
  ) {}
  get = (partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string) => this.inner.get(partnershipId, quarter, kind, organisationId);
  list = (partnershipId: string) => this.inner.list(partnershipId);
  history = (partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string) => this.inner.history(partnershipId, quarter, kind, organisationId);
  currentRequest = (partnershipId: string) => this.inner.currentRequest(partnershipId);

  async record(
    partnershipId: string,
    value: FiguresReturn,
    etag: string | undefined,
    current?: { readonly record: FiguresRecord | undefined },
  ): Promise<{ record: FiguresRecord; duplicate: boolean }> {
    const before = current ? current.record : await this.inner.get(partnershipId, value.quarter, value.figures.kind, value.organisationId);
    const change = {
      actorId: value.submittedById,
      verb: 'figures-return',
      entity: `figures:${value.quarter}/${value.figures.kind}/${value.organisationId}`,
      before: before?.value,
      after: value,
    } as const;
    return this.audit.around(
      partnershipId,
      change,
      () => this.inner.record(partnershipId, value, etag, current),
      (result) => !result.duplicate,
    );
  }

  async saveRequest(partnershipId: string, request: FiguresRequest): Promise<void> {
    const before = await this.inner.currentRequest(partnershipId);
    const change = { actorId: request.requestedById, verb: 'figures-request', entity: `figures-request:${request.quarter}`, before, after: request } as const;
    await this.audit.around(partnershipId, change, () => this.inner.saveRequest(partnershipId, request));
  }
}

export interface AuditablePorts {
  readonly partnerships: PartnershipRepository;
  readonly guidance: GuidanceRepository;
  readonly organisations: OrganisationRepository;
  readonly members: MemberRepository;
  readonly actions: ActionRepository;
  readonly updateRounds: UpdateRoundRepository;
  readonly assessments: AssessmentRepository;
  readonly meetings: MeetingRepository;
  readonly channels: ChannelRepository;
  readonly assurance: AssuranceRepository;
  readonly figures: FiguresRepository;
  readonly priorities: PriorityRepository;
}

/** The wrapped repositories are seen through their ports; anything else given passes through as it is. */
export type Audited<T> = { [K in keyof T]: K extends keyof AuditablePorts ? AuditablePorts[K] : T[K] };

/** Wraps whichever of the repositories are given; the result has the same shape. */
export function auditRepositories<T extends Partial<AuditablePorts>>(ports: T, audit: AuditRecorder): Audited<T> {
  const wrap = {
    partnerships: (r: PartnershipRepository) => new AuditedPartnershipRepository(r, audit),
    guidance: (r: GuidanceRepository) => new AuditedGuidanceRepository(r, audit),
    organisations: (r: OrganisationRepository) => new AuditedOrganisationRepository(r, audit),
    members: (r: MemberRepository) => new AuditedMemberRepository(r, audit),
    actions: (r: ActionRepository) => new AuditedActionRepository(r, audit),
    updateRounds: (r: UpdateRoundRepository) => new AuditedUpdateRoundRepository(r, audit),
    assessments: (r: AssessmentRepository) => new AuditedAssessmentRepository(r, audit),
    meetings: (r: MeetingRepository) => new AuditedMeetingRepository(r, audit),
    channels: (r: ChannelRepository) => new AuditedChannelRepository(r, audit),
    assurance: (r: AssuranceRepository) => new AuditedAssuranceRepository(r, audit),
    figures: (r: FiguresRepository) => new AuditedFiguresRepository(r, audit),
    priorities: (r: PriorityRepository) => new AuditedPriorityRepository(r, audit),
  } as const;
  const result: Record<string, unknown> = { ...ports };
  for (const key of Object.keys(wrap) as (keyof AuditablePorts)[]) {
    const port = ports[key];
    if (port) result[key] = (wrap[key] as (r: unknown) => unknown)(port);
  }
  return result as Audited<T>;
}
