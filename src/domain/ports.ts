import type { FiguresRecord, FiguresRequest, FiguresReturn, ReturnKind } from './figures/figures';
import type { Action, ActionProgress, ActionRecord } from './actions/action';
import type { UpdateRound } from './actions/update-round';
import type { AssessmentRound, OrganisationReturn, RatingChange, RatingHistoryEntry, ReturnRecord } from './assessment/assessment';
import type { AssuranceStatement, StatementChange, StatementRecord, StatementRequest } from './assurance/assurance';
import type { AuditEntry, AuditEvent, AuditHead, StoredAuditEntry } from './audit/audit-entry';
import type { Guidance } from './guidance/guidance';
import type { Meeting } from './meetings/meeting';
import type { DeliveryBatch, OutboxMessage, Versioned } from './outbox/outbox-message';
import type { Member } from './partnership/member';
import type { Organisation } from './partnership/organisation';
import type { PartnershipChannel } from './partnership/partnership-channel';
import type { Partnership } from './partnership/partnership';
import type { PriorityRegister, PriorityRegisterRecord } from './priorities/priority';

/**
 * Ports the domain needs from the outside world. Implementations live in src/storage (Azure Tables
 * for real, memory for unit tests); both must behave the same, and the integration tests hold the
 * Table versions to that.
 */

/** Who changed something and when: every write records it so the board report can show history. */
export interface ChangeAuthor {
  /** AAD object id, or a tool name such as "cli:seed-demo" for scripted changes. */
  readonly id: string;
  readonly name: string;
}

export interface PartnershipRepository {
  get(partnershipId: string): Promise<Partnership | undefined>;
  /** Every partnership this deployment serves (a handful: scheduled jobs run for each). */
  listIds(): Promise<string[]>;
  /** The partnership a Teams tenant belongs to, if one is registered for it. */
  findByTenant(tenantId: string): Promise<Partnership | undefined>;
  /** Create or replace; also (re)indexes the partnership's tenants. */
  save(partnership: Partnership, author: ChangeAuthor): Promise<void>;
}

export interface GuidanceRepository {
  /** The current guidance, validated; undefined when the partnership has not loaded any. */
  get(partnershipId: string): Promise<Guidance | undefined>;
  /** Replace the current guidance, keeping the previous version in history. */
  save(partnershipId: string, guidance: Guidance, author: ChangeAuthor): Promise<void>;
}

/** Reports whether backing storage answers, for /healthz. */
export interface StorageHealth {
  check(): Promise<{ reachable: boolean; latencyMs: number; error?: string }>;
}

export interface OrganisationRepository {
  list(partnershipId: string): Promise<Organisation[]>;
  get(partnershipId: string, organisationId: string): Promise<Organisation | undefined>;
  /** Create or replace, keeping the previous version in history. */
  save(partnershipId: string, organisation: Organisation, author: ChangeAuthor): Promise<void>;
}

export interface MemberRepository {
  list(partnershipId: string): Promise<Member[]>;
  get(partnershipId: string, aadObjectId: string): Promise<Member | undefined>;
  /** Create or replace, keeping the previous version in history. */
  save(partnershipId: string, member: Member, author: ChangeAuthor): Promise<void>;
  /**
   * Remembers how to reach a person proactively in 1:1 chat. The reference is opaque to the domain
   * (a serialised Bot Framework ConversationReference); any Teams user may have one, member or not.
   */
  saveConversationReference(partnershipId: string, aadObjectId: string, reference: string): Promise<void>;
  getConversationReference(partnershipId: string, aadObjectId: string): Promise<string | undefined>;
  /** Forgets the person's 1:1 reference (the bot was removed there); false when there was none. */
  forgetConversationReference(partnershipId: string, aadObjectId: string): Promise<boolean>;
}

export interface ActionRepository {
  list(partnershipId: string): Promise<ActionRecord[]>;
  get(partnershipId: string, actionId: string): Promise<ActionRecord | undefined>;
  /** Adds or replaces action definitions; progress already recorded against an action is kept. */
  savePlan(partnershipId: string, actions: readonly Action[], author: ChangeAuthor): Promise<void>;
  /**
   * Records an update: the current entity and an append-only history row in one transaction,
   * conditional on `etag` (ConflictError when someone else updated first). Idempotent on
   * `progress.nonce`: a repeat returns the record as it is, with `duplicate: true`, writing nothing.
   * `current` is the record as the caller has just read it (the service reads it to check who may
   * update): given, neither the audit nor the repository reads it again, and the record returned is
   * built from it and the write's new ETag.
   */
  recordUpdate(partnershipId: string, actionId: string, progress: ActionProgress, etag: string, current?: ActionRecord): Promise<{ record: ActionRecord; duplicate: boolean }>;
  /** Every update of an action, newest first. */
  history(partnershipId: string, actionId: string): Promise<ActionProgress[]>;
  /**
   * Sets the Situational Assessment priorities an action addresses (its definition's `priorityIds`;
   * progress is kept), conditional on `etag` (ConflictError when the action changed since). Asking
   * for the links it already has writes nothing and returns `duplicate: true`, whatever the ETag: a
   * retried submit is the same change.
   */
  linkPriorities(
    partnershipId: string,
    actionId: string,
    priorityIds: readonly string[],
    etag: string,
    author: ChangeAuthor,
  ): Promise<{ record: ActionRecord; duplicate: boolean }>;
}

/**
 * The Situational Assessment priorities register of each financial year (src/domain/priorities): a
 * current row and an append-only history row per change, written in one transaction.
 */
export interface PriorityRepository {
  /** The register of one financial year ("2026-27"), or undefined before its first save. */
  get(partnershipId: string, financialYear: string): Promise<PriorityRegisterRecord | undefined>;
  /** Every year's register, newest year first. */
  list(partnershipId: string): Promise<PriorityRegisterRecord[]>;
  /**
   * Writes a year's register, conditional on `etag` (undefined: the register must not exist yet;
   * ConflictError when someone else saved first). Idempotent on `register.nonce`: a repeat writes
   * nothing and returns the register as it is, with `duplicate: true`.
   */
  save(partnershipId: string, register: PriorityRegister, etag: string | undefined, author: ChangeAuthor): Promise<{ record: PriorityRegisterRecord; duplicate: boolean }>;
  /** Every saved version of a year's register, newest first. */
  history(partnershipId: string, financialYear: string): Promise<PriorityRegister[]>;
}

export interface UpdateRoundRepository {
  /** The most recently started round, if any. */
  current(partnershipId: string): Promise<UpdateRound | undefined>;
  save(partnershipId: string, round: UpdateRound): Promise<void>;
}

/** Where the partnership's channel is, so the bot can post to it without being spoken to. */
export interface ChannelRepository {
  get(partnershipId: string): Promise<PartnershipChannel | undefined>;
  /** Replaces whatever was stored, fields left out included. */
  save(partnershipId: string, channel: PartnershipChannel): Promise<void>;
  /** Records the channel's new name, keeping everything else (Teams renamed it). */
  rename(partnershipId: string, name: string): Promise<void>;
  /** Forgets the channel (deleted, or the bot removed from its team): posts wait for the next "use this channel". */
  forget(partnershipId: string): Promise<void>;
}

export interface AssessmentRepository {
  /** Every round of the partnership, newest started first. */
  listRounds(partnershipId: string): Promise<AssessmentRound[]>;
  getRound(partnershipId: string, roundId: string): Promise<AssessmentRound | undefined>;
  /** Creates a round; ConflictError if one with the same id exists. */
  createRound(partnershipId: string, round: AssessmentRound): Promise<void>;
  /** Records the channel card of a round (a plain replace of that one field). */
  setRoundChannelCard(partnershipId: string, roundId: string, channelActivityId: string): Promise<void>;

  /** The organisation's return, or undefined before its first save. */
  getReturn(partnershipId: string, roundId: string, organisationId: string): Promise<ReturnRecord | undefined>;
  listReturns(partnershipId: string, roundId: string): Promise<OrganisationReturn[]>;
  /**
   * Writes a return (a saved page, or the submission) with one history row per changed item, in one
   * transaction, conditional on `etag` (undefined = the return must not exist yet). Idempotent on
   * `nonce`: a repeat writes nothing and returns the return as it is, with `duplicate: true`.
   * ConflictError when someone else saved first.
   */
  saveReturn(
    partnershipId: string,
    value: OrganisationReturn,
    changes: readonly RatingChange[],
    nonce: string,
    etag: string | undefined,
    /** The return as the caller has just read it (none yet: `{ record: undefined }`), so nothing reads it again. */
    current?: { readonly record: ReturnRecord | undefined },
  ): Promise<{ record: ReturnRecord; duplicate: boolean }>;
  /** Every rating change of a return, newest first. */
  history(partnershipId: string, roundId: string, organisationId: string): Promise<RatingHistoryEntry[]>;
}

/** Annual assurance statements (SOP 000 §5): a request per financial year, a statement per organisation. */
export interface AssuranceRepository {
  /** Every year's request, newest year first. */
  listRequests(partnershipId: string): Promise<StatementRequest[]>;
  getRequest(partnershipId: string, year: string): Promise<StatementRequest | undefined>;
  /** Records the year's request; ConflictError if that year was requested already. */
  createRequest(partnershipId: string, request: StatementRequest): Promise<void>;
  /** The organisation's statement for the year, or undefined before its first save. */
  getStatement(partnershipId: string, year: string, organisationId: string): Promise<StatementRecord | undefined>;
  listStatements(partnershipId: string, year: string): Promise<AssuranceStatement[]>;
  /**
   * Writes the statement and an append-only history row for the change in one transaction,
   * conditional on `etag` (undefined = the statement must not exist yet; ConflictError when someone
   * else saved first). Idempotent on `nonce`: a repeat writes nothing and returns the statement as it
   * is, with `duplicate: true`. `current` is the statement as the caller has just read it.
   */
  saveStatement(
    partnershipId: string,
    value: AssuranceStatement,
    change: StatementChange,
    nonce: string,
    etag: string | undefined,
    current?: { readonly record: StatementRecord | undefined },
  ): Promise<{ record: StatementRecord; duplicate: boolean }>;
  /** Every save of the statement, newest first. */
  history(partnershipId: string, year: string, organisationId: string): Promise<StatementChange[]>;
}

export interface MeetingRepository {
  /** Every meeting of the partnership, in start order. */
  list(partnershipId: string): Promise<Meeting[]>;
  get(partnershipId: string, meetingId: string): Promise<{ meeting: Meeting; etag: string } | undefined>;
  /** Creates a meeting; ConflictError if one already starts at that time. */
  create(partnershipId: string, meeting: Meeting): Promise<void>;
  /**
   * Replaces a meeting on the ETag read (ConflictError when someone changed it first). `author` is
   * who made the change, for the audit log; changes the bot makes on its own pass none.
   */
  update(partnershipId: string, meeting: Meeting, etag: string, author?: ChangeAuthor): Promise<void>;
}

/**
 * The tamper-evident audit log (src/domain/audit): per partnership, an append-only chain of entries,
 * each holding the hash of the one before. Appends from several instances never fork the chain.
 */
export interface AuditLog {
  /** Appends after the current last entry; numbers, links and hashes the entry. */
  append(partnershipId: string, event: AuditEvent): Promise<AuditEntry>;
  /** Entries in sequence order as stored (unchecked: verifyChain judges them), from `fromSequence` on. */
  list(partnershipId: string, fromSequence?: number): Promise<StoredAuditEntry[]>;
  /** The last entry's sequence and hash as the log recorded it, undefined before the first append. */
  head(partnershipId: string): Promise<AuditHead | undefined>;
}

/**
 * The outbox of proactive messages (see src/domain/outbox). Rows are written once when enqueued;
 * afterwards only their delivery state changes, always conditional on the ETag read, so two sender
 * instances can never both claim, or both record, the same row.
 */
export interface OutboxRepository {
  /**
   * Writes a new batch, then its messages. A message with a once-key is left out, without error,
   * when a message with that key was ever enqueued in the partnership. Returns the messages written.
   */
  enqueue(batch: DeliveryBatch, messages: readonly OutboxMessage[]): Promise<OutboxMessage[]>;
  /** Which of these once-keys have been used in the partnership. */
  usedOnceKeys(partnershipId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Batches not yet completed, oldest first. */
  openBatches(partnershipId: string): Promise<Versioned<DeliveryBatch>[]>;
  getBatch(partnershipId: string, batchId: string): Promise<Versioned<DeliveryBatch> | undefined>;
  /** Every message of a batch, in id order. */
  messages(partnershipId: string, batchId: string): Promise<Versioned<OutboxMessage>[]>;
  /** Writes the message's delivery state on `etag` (ConflictError when it changed since); returns the new ETag. */
  updateDelivery(message: OutboxMessage, etag: string): Promise<string>;
  /** Replaces a batch on `etag` (ConflictError when it changed since); returns the new ETag. */
  updateBatch(batch: DeliveryBatch, etag: string): Promise<string>;
  /**
   * Takes or renews the partnership's sender lease until `until`: true when `owner` now holds it.
   * Only the holder drains the partnership, so one rate limiter sees all of its traffic.
   */
  claimSender(partnershipId: string, owner: string, until: Date, now: Date): Promise<boolean>;
  /** Gives the sender lease up (a clean shutdown), if `owner` still holds it. */
  releaseSender(partnershipId: string, owner: string): Promise<void>;
}

/**
 * How many messages the bot did not understand, per partnership and UK day: a number only. The
 * text is never kept (it may describe a person), so this is all there is to learn from.
 */
export interface UnrecognisedMessageCounter {
  /** Adds one to the day's count. */
  count(partnershipId: string, day: string): Promise<void>;
  /** The count of each day from `from` to `to` (YYYY-MM-DD, inclusive) that had any. */
  countsBetween(partnershipId: string, from: string, to: string): Promise<{ day: string; count: number }[]>;
}

/**
 * The quarterly figures returns (src/domain/figures): per partnership, one current return per
 * quarter, kind and organisation, an append-only history row per write, and the open request.
 */
export interface FiguresRepository {
  get(partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string): Promise<FiguresRecord | undefined>;
  /** Every current return of the partnership, oldest quarter first. */
  list(partnershipId: string): Promise<FiguresRecord[]>;
  /**
   * Records a return: the current entity and a history row in one transaction, conditional on
   * `etag` (undefined = the return must not exist yet; ConflictError when someone saved first).
   * Idempotent on `value.nonce`: a repeat writes nothing and returns the return as it is, with
   * `duplicate: true`. `current` is the return as the caller has just read it, so nothing reads it again.
   */
  record(
    partnershipId: string,
    value: FiguresReturn,
    etag: string | undefined,
    current?: { readonly record: FiguresRecord | undefined },
  ): Promise<{ record: FiguresRecord; duplicate: boolean }>;
  /** Every write of one return, newest first. */
  history(partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string): Promise<FiguresReturn[]>;
  /** The Prevent Officer's latest "request figures", if any. */
  currentRequest(partnershipId: string): Promise<FiguresRequest | undefined>;
  saveRequest(partnershipId: string, request: FiguresRequest): Promise<void>;
}
