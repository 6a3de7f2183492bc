import { z } from 'zod';
import { auditEventSchema, type AuditEvent } from './audit-entry';

/**
 * An audit entry still to be appended, written in the same storage transaction as the change it
 * describes. If the reply to the write is lost, or the process stops between the write and its
 * audit append, the row is still there and a sweep appends it later: a change can no longer land
 * without reaching the audit log.
 */
export interface PendingAudit {
  /** Unique, and in write order when sorted: the sweep appends oldest first. */
  readonly id: string;
  readonly partnershipId: string;
  readonly event: AuditEvent;
}

export const pendingAuditSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/),
  partnershipId: z.string().min(1),
  event: auditEventSchema,
});

/**
 * How a write carries its pending audit row. Storage that cannot write it with the change (memory
 * repositories, writes not yet converted) leaves `settle` undefined, and the recorder appends after
 * the write as before.
 */
export interface PendingAudits {
  newId(at: Date): string;
  /** Runs the write with `pending` offered to it; `settle` appends the stored row to the chain once and removes it. */
  offer<T>(pending: PendingAudit, write: () => Promise<T>): Promise<{ result: T; settle?: () => Promise<void> }>;
}
