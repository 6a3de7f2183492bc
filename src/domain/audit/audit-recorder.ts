import type { AuditLog } from '../ports';
import { keyedValueHash, type ValueHasher } from './audit-chain';
import type { AuditEvent, AuditVerb } from './audit-entry';

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
  ) {}

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
