import { z } from 'zod';

/** What was done. A closed list, so a report can group by it and a typo cannot invent a new kind. */
export const AUDIT_VERBS = [
  'action-update',
  'plan-import',
  'update-round-start',
  'update-round-save',
  'assessment-round-start',
  'assessment-round-card',
  'rating-save',
  'return-submit',
  'member-save',
  /** A person's name erased from storage (the entry holds only their object id). */
  'member-erase',
  'organisation-save',
  'guidance-save',
  'partnership-save',
  'meeting-create',
  'meeting-update',
  /** The Prevent Officer set the partnership channel ("use this channel"). */
  'channel-pin',
  /** Teams renamed the partnership channel; the bot recorded the new name. */
  'channel-rename',
  /** The partnership channel was deleted or the bot removed from its team: the bot forgot it. */
  'channel-forget',
  /** The bot was removed from someone's 1:1 chat, or they left the partnership team: their 1:1 reference was forgotten. */
  'personal-chat-forget',
  /** The Prevent Officer asked every organisation for the year's annual assurance statement. */
  'assurance-request',
  'assurance-save',
  /** An organisation's annual assurance statement confirmed: final. */
  'assurance-confirm',
  /** A quarterly figures return (referrals, Channel panel or training) written. */
  'figures-return',
  /** The Prevent Officer asked for a quarter's figures. */
  'figures-request',
  /** A financial year's Situational Assessment priorities were added to, changed or agreed. */
  'priorities-save',
  /** The Prevent Officer linked an action to the priorities it addresses. */
  'action-priorities',
] as const;
export type AuditVerb = (typeof AUDIT_VERBS)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest');

/** How beforeHash and afterHash were made. Absent (entry format 1): plain SHA-256 of the value. */
export const VALUE_HASH_SCHEMES = ['hmac-sha256'] as const;
export type ValueHashScheme = (typeof VALUE_HASH_SCHEMES)[number];

/**
 * What a caller asks the log to record. Only ids and hashes: a value's hash shows that it changed
 * (and, given the value, what it was) without the log ever holding names or free text.
 */
export const auditEventSchema = z.object({
  at: z.string().datetime(),
  /** An AAD object id, or a tool or system id such as "cli:import-plan"; never a name. */
  actorId: z.string().min(1).max(200),
  verb: z.enum(AUDIT_VERBS),
  /** The entity's type and key, e.g. "action:3.1". */
  entity: z.string().min(1).max(300),
  beforeHash: sha256Hex.optional(),
  afterHash: sha256Hex.optional(),
  valueHashing: z.enum(VALUE_HASH_SCHEMES).optional(),
  /**
   * The pending-audit row this entry was made from (written with the change itself), so the sweeper
   * that turns pending rows into entries can see one was already appended and never appends it twice.
   */
  pendingId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'a pending audit id')
    .optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** One row of a partnership's chain. `hash` covers every other field, `previousHash` links the rows. */
export const auditEntrySchema = auditEventSchema.extend({
  partnershipId: z.string().min(1),
  sequence: z.number().int().min(1),
  previousHash: sha256Hex,
  hash: sha256Hex,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * An entry as read back from storage. The verb is not checked against the list here, so a row
 * someone edited by hand is still read and reported by verification instead of failing the read.
 */
export const storedAuditEntrySchema = auditEntrySchema.extend({ verb: z.string().min(1) });
export type StoredAuditEntry = z.infer<typeof storedAuditEntrySchema>;

/** The last entry of a chain, kept in its own row so concurrent appends cannot fork the chain. */
export interface AuditHead {
  readonly sequence: number;
  readonly hash: string;
}
