import { leadsOf } from '../partnership/leads';
import type { Member } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';
import type { ActionRepository, MemberRepository, OrganisationRepository, UpdateRoundRepository } from '../ports';
import { authorise } from '../authorisation';
import type { Actor } from '../partnership/member';
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

export function isReturned(record: ActionRecord, round: UpdateRound): boolean {
  return record.progress !== undefined && record.progress.updatedAt >= round.startedAt;
}

export class UpdateRequestService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly rounds: UpdateRoundRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Opens a new round (Prevent Officer only), due by `dueOn`, and says who to ask for what. */
  async startRound(partnershipId: string, actor: Actor, dueOn?: string): Promise<{ round: UpdateRound; requests: UpdateRequest[] }> {
    authorise(actor, 'request-updates');
    const round: UpdateRound = { startedAt: this.now().toISOString(), requestedById: actor.aadObjectId, requestedByName: actor.name, ...(dueOn ? { dueOn } : {}) };
    await this.rounds.save(partnershipId, round);
    return { round, requests: await this.requests(partnershipId) };
  }

  async requests(partnershipId: string): Promise<UpdateRequest[]> {
    const [records, organisations, members] = await Promise.all([
      this.actions.list(partnershipId),
      this.organisations.list(partnershipId),
      this.members.list(partnershipId),
    ]);
    return organisations
      .map((organisation) => ({
        organisation,
        records: records.filter((r) => r.action.ownerOrganisationIds.includes(organisation.id)),
        recipients: leadsOf(organisation, members),
      }))
      .filter((request) => request.records.length > 0);
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
    const waiting = new Set(records.filter((r) => !isReturned(r, round)).flatMap((r) => r.action.ownerOrganisationIds));
    return {
      round,
      updated: records.filter((r) => isReturned(r, round)).length,
      total: records.length,
      waitingFor: organisations.filter((o) => waiting.has(o.id)).map((o) => o.name),
    };
  }
}
