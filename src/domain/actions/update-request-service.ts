import { leadsOf } from '../partnership/leads';
import type { Member } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';
import type { ActionRepository, ChannelRepository, MemberRepository, OrganisationRepository, UpdateRoundRepository } from '../ports';
import { authorise, isAllowed, ownOrganisation } from '../authorisation';
import { NotFoundError } from '../errors';
import type { UpdateDeadline } from '../chasers/update-deadline';
import { withPersonalChats, type LeadsToAsk } from '../partnership/lead-chats';
import type { Actor } from '../partnership/member';
import { isPinned } from '../partnership/partnership-channel';
import type { ActionRecord } from './action';
import type { UpdateRound } from './update-round';

/** Who should be asked for which actions: one entry per owner organisation. */
export interface UpdateRequest {
  readonly organisation: Organisation;
  readonly records: readonly ActionRecord[];
  /** The organisation's named Prevent lead and its partner leads; empty when nobody is registered. */
  readonly recipients: readonly Member[];
}

export interface RoundProgress {
  readonly round: UpdateRound;
  readonly updated: number;
  readonly total: number;
  /** Organisations with at least one owned action not updated since the round started. */
  readonly waitingFor: readonly string[];
}

/** When updates are due and when reminders go: the chasers' schedule decides both. */
export interface UpdateDeadlines {
  updateDeadline(partnershipId: string, text: string): Promise<UpdateDeadline>;
  chaserDates(deadline: string): string[];
}

/** Everything "request updates" shows and sends once the round is open. */
export interface RoundStarted {
  readonly round: UpdateRound;
  readonly deadline: UpdateDeadline;
  readonly chaserDates: readonly string[];
  /** Per owner organisation: its actions and its leads, each with their 1:1 chat if the bot has one. */
  readonly requests: readonly (Omit<UpdateRequest, 'recipients'> & LeadsToAsk)[];
  readonly organisationNames: ReadonlyMap<string, string>;
  /** The pinned channel and the progress card to post there; absent until the Prevent Officer sets one. */
  readonly channel?: ChannelProgress;
}

/** The partnership channel and the round progress to show in it. */
/** One organisation's part of a round: what its own line on the progress card says. */
export interface OrganisationProgress {
  readonly organisationName: string;
  readonly updated: number;
  readonly total: number;
}

/** The round's progress as one person sees it: with their own organisation's line when they answer for one. */
export interface RoundProgressView {
  readonly progress: RoundProgress;
  readonly own?: OrganisationProgress;
}

export interface ChannelProgress {
  readonly reference: string;
  readonly progress: RoundProgress;
}

export function isReturned(record: ActionRecord, round: UpdateRound): boolean {
  return record.progress !== undefined && record.progress.updatedAt >= round.startedAt;
}

export class UpdateRequestService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly rounds: UpdateRoundRepository,
    private readonly channels: ChannelRepository,
    private readonly deadlines: UpdateDeadlines,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * "request updates" (optionally "by 12 December"), Prevent Officer only: opens a round due by the
   * deadline the text names (or the default one) and says who to ask, how to reach them, and what
   * the channel's progress card shows. The lists are read once and serve every part of the answer.
   */
  async requestUpdates(partnershipId: string, actor: Actor, text: string): Promise<RoundStarted> {
    authorise(actor, 'request-updates');
    const deadline = await this.deadlines.updateDeadline(partnershipId, text);
    const round: UpdateRound = { startedAt: this.now().toISOString(), requestedById: actor.aadObjectId, requestedByName: actor.name, dueOn: deadline.dueOn };
    await this.rounds.save(partnershipId, round);
    const [records, organisations, members, channel] = await Promise.all([
      this.actions.list(partnershipId),
      this.organisations.list(partnershipId),
      this.members.list(partnershipId),
      this.channels.get(partnershipId),
    ]);
    const requests = await withPersonalChats(this.members, partnershipId, requestsOf(records, organisations, members));
    return {
      round,
      deadline,
      chaserDates: this.deadlines.chaserDates(deadline.dueOn),
      requests,
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
      ...(isPinned(channel) ? { channel: { reference: channel.reference, progress: progressOf(round, records, organisations) } } : {}),
    };
  }

  /**
   * The open round's progress and the channel its card was posted in, to refresh that card; undefined
   * when there is no card to refresh (no round, its card not posted yet, or no channel set).
   */
  async channelProgress(partnershipId: string): Promise<ChannelProgress | undefined> {
    const round = await this.rounds.current(partnershipId);
    if (!round?.channelActivityId) return undefined;
    const [records, organisations, channel] = await Promise.all([this.actions.list(partnershipId), this.organisations.list(partnershipId), this.channels.get(partnershipId)]);
    if (!isPinned(channel)) return undefined;
    return { reference: channel.reference, progress: progressOf(round, records, organisations) };
  }

  /**
   * The round's progress card as one person sees it (the channel card's refresh): a partner lead
   * gets their own organisation's line beside the count. Asked for by Teams when the card is shown,
   * so it only reads. `startedAt` names the round the card was posted for; a card from an earlier
   * round has no view.
   */
  async progressView(partnershipId: string, actor: Actor, startedAt: string): Promise<RoundProgressView> {
    const round = await this.rounds.current(partnershipId);
    if (!round || round.startedAt !== startedAt) throw new NotFoundError('This progress card is for an earlier update round: the latest round has its own card.');
    const [records, organisations] = await Promise.all([this.actions.list(partnershipId), this.organisations.list(partnershipId)]);
    const progress = progressOf(round, records, organisations);
    const organisationId = actor.organisationId;
    if (!organisationId || !isAllowed(actor, 'view-organisation', ownOrganisation(actor))) return { progress };
    const owned = records.filter((r) => r.action.ownerOrganisationIds.includes(organisationId));
    const organisationName = organisations.find((o) => o.id === organisationId)?.name ?? organisationId;
    return { progress, own: { organisationName, updated: owned.filter((r) => isReturned(r, round)).length, total: owned.length } };
  }

  /**
   * One organisation's update request, for the chaser's button. The button travels in a card anyone
   * could replay: only the organisation and the Steering Group see its list.
   */
  async requestFor(partnershipId: string, actor: Actor, organisationId: string): Promise<{ request: UpdateRequest; organisationNames: ReadonlyMap<string, string> }> {
    const [records, organisations, members] = await Promise.all([this.actions.list(partnershipId), this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    const request = requestsOf(records, organisations, members).find((r) => r.organisation.id === organisationId);
    if (!request) throw new NotFoundError('That organisation has no actions in the current action plan.');
    authorise(actor, 'view-organisation', { organisationIds: [request.organisation.id], organisationName: request.organisation.name });
    return { request, organisationNames: new Map(organisations.map((o) => [o.id, o.name])) };
  }

  async requests(partnershipId: string): Promise<UpdateRequest[]> {
    const [records, organisations, members] = await Promise.all([this.actions.list(partnershipId), this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    return requestsOf(records, organisations, members);
  }

  /**
   * Remembers the channel's progress card of the round that started at `startedAt`, once it is
   * posted; a round started since keeps its own card.
   */
  async recordChannelCard(partnershipId: string, startedAt: string, channelActivityId: string): Promise<void> {
    const round = await this.rounds.current(partnershipId);
    if (round?.startedAt !== startedAt) return;
    await this.rounds.save(partnershipId, { ...round, channelActivityId });
  }

  /** Progress of the open round, or undefined when no round has been started. */
  async progress(partnershipId: string): Promise<RoundProgress | undefined> {
    const round = await this.rounds.current(partnershipId);
    if (!round) return undefined;
    const [records, organisations] = await Promise.all([this.actions.list(partnershipId), this.organisations.list(partnershipId)]);
    return progressOf(round, records, organisations);
  }
}

function requestsOf(records: readonly ActionRecord[], organisations: readonly Organisation[], members: readonly Member[]): UpdateRequest[] {
  return organisations
    .map((organisation) => ({
      organisation,
      records: records.filter((r) => r.action.ownerOrganisationIds.includes(organisation.id)),
      recipients: leadsOf(organisation, members),
    }))
    .filter((request) => request.records.length > 0);
}

function progressOf(round: UpdateRound, records: readonly ActionRecord[], organisations: readonly Organisation[]): RoundProgress {
  const waiting = new Set(records.filter((r) => !isReturned(r, round)).flatMap((r) => r.action.ownerOrganisationIds));
  return {
    round,
    updated: records.filter((r) => isReturned(r, round)).length,
    total: records.length,
    waitingFor: organisations.filter((o) => waiting.has(o.id)).map((o) => o.name),
  };
}
