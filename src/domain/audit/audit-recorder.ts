import type { AuditLog } from '../ports';
import { keyedValueHash, type ValueHasher } from './audit-chain';
import type { AuditEvent, AuditVerb } from './audit-entry';
import type { PendingAudits } from './pending-audit';

/**
 * The write was saved but the audit log could not record it. Raised after the write, never instead
 * of it: the change stands, and whoever made it must hear that the audit trail has a gap.
 */
export class AuditNotRecordedError extends Error {
  constructor(
    readonly partnershipId: string,
    readonly event: AuditEvent,
    override readonly cause: unknown,
  ) {
    super(`saved, but the audit log of "${partnershipId}" could not record ${event.verb} of ${event.entity}`);
    this.name = 'AuditNotRecordedError';
  }
}

export interface AuditedChange {
  readonly actorId: string;
  readonly verb: AuditVerb;
  readonly entity: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Told about every append that failed, so the gap reaches the operator's log as well as the user. */
export type AuditFailureListener = (error: AuditNotRecordedError) => void;

/** Actor id for changes the bot makes on its own (posting a card, claiming a scheduled post). */
export const SYSTEM_ACTOR = 'system:bot';

/** Turns a successful write into an audit entry: hashes the old and new values with the deployment's key, appends, reports failure. */
export class AuditRecorder {
  constructor(
    private readonly log: AuditLog,
    private readonly now: () => Date,
    private readonly onFailure: AuditFailureListener,
    private readonly hasher: ValueHasher,
    private readonly pending?: PendingAudits,
  ) {}

  /**
   * Makes a write and audits it. Where storage can, the audit entry is first written as a pending
   * row in the write's own transaction, then appended to the chain and the row removed; if that last
   * step fails (or never happens), the row stays for the sweep. `wrote` says whether the write changed
   * anything (an idempotent repeat did not, and is not audited). The event is built before the write,
   * from the values the caller gives.
   */
  async around<T>(partnershipId: string, change: AuditedChange, write: () => Promise<T>, wrote: (result: T) => boolean = () => true): Promise<T> {
    const event = this.event(change.actorId, change.verb, change.entity, change.before, change.after);
    const offered = this.pending ? await this.pending.offer({ id: this.pending.newId(this.now()), partnershipId, event }, write) : { result: await write(), settle: undefined };
    if (!wrote(offered.result)) return offered.result;
    try {
      await (offered.settle ? offered.settle() : this.log.append(partnershipId, event));
    } catch (cause) {
      const error = new AuditNotRecordedError(partnershipId, event, cause);
      this.onFailure(error);
      throw error;
    }
    return offered.result;
  }

  /** The event for a change, its values hashed: what `record` appends, and what a pending-audit row holds. */
  event(actorId: string, verb: AuditVerb, entity: string, before: unknown, after: unknown): AuditEvent {
    const beforeHash = keyedValueHash(before, this.hasher);
    const afterHash = keyedValueHash(after, this.hasher);
    return {
      at: this.now().toISOString(),
      actorId,
      verb,
      entity,
      ...(beforeHash ? { beforeHash } : {}),
      ...(afterHash ? { afterHash } : {}),
      ...(beforeHash || afterHash ? { valueHashing: this.hasher.scheme } : {}),
    };
  }

  async record(partnershipId: string, actorId: string, verb: AuditVerb, entity: string, before: unknown, after: unknown): Promise<void> {
    const event = this.event(actorId, verb, entity, before, after);
    try {
      await this.log.append(partnershipId, event);
    } catch (cause) {
      const error = new AuditNotRecordedError(partnershipId, event, cause);
      this.onFailure(error);
      throw error;
    }
  }
}
