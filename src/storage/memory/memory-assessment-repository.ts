import {
  checkReturnSave,
  assessmentRoundSchema,
  type AssessmentRound,
  type OrganisationReturn,
  type RatingChange,
  type RatingHistoryEntry,
  type ReturnRecord,
} from '../../domain/assessment/assessment';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import type { AssessmentRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

/** Same limit as the Table repository: one transaction holds at most 100 operations. */

interface StoredReturn {
  value: OrganisationReturn;
  /** The ETag, as a counter. */
  version: number;
  /** Newest first. */
  history: RatingHistoryEntry[];
}

interface Partition {
  rounds: Map<string, AssessmentRound>;
  returns: Map<string, StoredReturn>;
  /** nonce -> key of the return it saved. */
  nonces: Map<string, string>;
}

/** Same contract as the Table repository (ETags, nonce idempotency, newest-first history), for unit tests. */
export class MemoryAssessmentRepository implements AssessmentRepository {
  private readonly partitions = new Map<string, Partition>();
  /** One counter for every return, so an ETag read from one return never matches another. */
  private versions = 0;

  async listRounds(partnershipId: string): Promise<AssessmentRound[]> {
    return [...(this.partitions.get(partnershipId)?.rounds.values() ?? [])]
      .map((round) => structuredClone(round))
      .sort((a, b) => (a.startedAt === b.startedAt ? a.id.localeCompare(b.id) : a.startedAt < b.startedAt ? 1 : -1));
  }

  async getRound(partnershipId: string, roundId: string): Promise<AssessmentRound | undefined> {
    const round = this.partitions.get(partnershipId)?.rounds.get(roundId);
    return round ? structuredClone(round) : undefined;
  }

  async createRound(partnershipId: string, round: AssessmentRound): Promise<void> {
    const valid = parseOrThrow(assessmentRoundSchema, round, 'assessment round');
    const partition = this.partition(partnershipId);
    if (partition.rounds.has(valid.id)) throw new ConflictError(`a round called "${valid.name}" already exists`);
    partition.rounds.set(valid.id, structuredClone(valid));
  }

  async setRoundChannelCard(partnershipId: string, roundId: string, channelActivityId: string): Promise<void> {
    if (channelActivityId.length === 0) throw new InvalidError('the channel card id is empty');
    const round = this.partitions.get(partnershipId)?.rounds.get(roundId);
    if (!round) throw new NotFoundError(`there is no assessment round ${roundId}`);
    round.channelActivityId = channelActivityId;
  }

  async getReturn(partnershipId: string, roundId: string, organisationId: string): Promise<ReturnRecord | undefined> {
    const stored = this.partitions.get(partnershipId)?.returns.get(returnKey(roundId, organisationId));
    return stored ? record(stored) : undefined;
  }

  async listReturns(partnershipId: string, roundId: string): Promise<OrganisationReturn[]> {
    return [...(this.partitions.get(partnershipId)?.returns.values() ?? [])]
      .filter((stored) => stored.value.roundId === roundId)
      .map((stored) => structuredClone(stored.value))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId));
  }

  async saveReturn(
    partnershipId: string,
    value: OrganisationReturn,
    changes: readonly RatingChange[],
    nonce: string,
    etag: string | undefined,
    _current?: { readonly record: ReturnRecord | undefined },
  ): Promise<{ record: ReturnRecord; duplicate: boolean }> {
    const { valid, entries } = checkReturnSave(value, changes, nonce);
    const partition = this.partition(partnershipId);
    const key = returnKey(valid.roundId, valid.organisationId);
    const what = `return of ${valid.organisationId} in round ${valid.roundId}`;
    const stored = partition.returns.get(key);

    const spentOn = partition.nonces.get(nonce);
    if (spentOn !== undefined) {
      if (spentOn !== key || !stored) throw new ConflictError(`this card (nonce ${nonce}) was already used to save another return`);
      return { record: record(stored), duplicate: true };
    }
    if (etag === undefined && stored) throw new ConflictError(`the ${what} was started by someone else a moment ago`);
    if (etag !== undefined && !stored) throw new NotFoundError(`there is no ${what} to update`);
    if (stored && etag !== etagOf(stored)) throw new ConflictError(`the ${what} was saved by someone else since it was read`);

    const next: StoredReturn = {
      value: structuredClone(valid),
      version: ++this.versions,
      history: [...structuredClone(entries), ...(stored?.history ?? [])],
    };
    partition.returns.set(key, next);
    partition.nonces.set(nonce, key);
    return { record: record(next), duplicate: false };
  }

  async history(partnershipId: string, roundId: string, organisationId: string): Promise<RatingHistoryEntry[]> {
    return structuredClone(this.partitions.get(partnershipId)?.returns.get(returnKey(roundId, organisationId))?.history ?? []);
  }

  private partition(partnershipId: string): Partition {
    let partition = this.partitions.get(partnershipId);
    if (!partition) {
      partition = { rounds: new Map(), returns: new Map(), nonces: new Map() };
      this.partitions.set(partnershipId, partition);
    }
    return partition;
  }
}

function returnKey(roundId: string, organisationId: string): string {
  return JSON.stringify([roundId, organisationId]);
}

function etagOf(stored: StoredReturn): string {
  return `W/"${stored.version}"`;
}

function record(stored: StoredReturn): ReturnRecord {
  return { value: structuredClone(stored.value), etag: etagOf(stored) };
}
