import type { AuditFailureListener } from '../domain/audit/audit-recorder';
import type { Logger } from '../logger';

/** A write the audit log could not record is an operational fault: it goes to the error log with what was missed. */
export function logAuditFailure(logger: Pick<Logger, 'error'>): AuditFailureListener {
  return (error) =>
    logger.error(
      { err: error.cause, partnershipId: error.partnershipId, verb: error.event.verb, entity: error.event.entity, actorId: error.event.actorId, at: error.event.at },
      'saved, but the audit log did not record it',
    );
}
