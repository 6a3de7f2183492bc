import { z } from 'zod';
import { financialQuarterOf } from '../meetings/annual-items';
import { InvalidError } from '../errors';
import { parseOrThrow } from '../validation';
import { ASSURANCE_ANSWERS } from './statement-template';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** A UK financial year as the partnership writes it: "2026-27" runs from April 2026 to March 2027. */
export const statementYearIdSchema = z.string().regex(/^\d{4}-\d{2}$/, 'a statement year is written 2026-27');

/** The financial year holding a UK date: the year whose statements are asked for then. */
export function statementYearOf(londonDay: string): string {
  return financialQuarterOf(londonDay).year;
}

/** The year before "2026-27": "2025-26". */
export function previousStatementYear(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Notes are governance evidence, kept well under a Table property's 64 KiB. */
export const ASSURANCE_NOTE_MAX = 1000;

/** The Prevent Officer's request for one year's statements: which template, and by when. */
export const statementRequestSchema = z.object({
  year: statementYearIdSchema,
  templateId: z.string().min(1),
  dueOn: isoDate,
  requestedAt: z.string().datetime(),
  requestedById: z.string().min(1),
  requestedByName: z.string().min(1),
});
export type StatementRequest = z.infer<typeof statementRequestSchema>;

export const itemAnswerSchema = z.object({
  answer: z.enum(ASSURANCE_ANSWERS),
  note: z.string().trim().max(ASSURANCE_NOTE_MAX).default(''),
  updatedById: z.string().min(1),
  updatedByName: z.string().min(1),
  updatedAt: z.string().datetime(),
});
export type ItemAnswer = z.infer<typeof itemAnswerSchema>;

/** One organisation's statement for one year: saved as it is filled in, confirmed once, finally. */
export const assuranceStatementSchema = z.object({
  year: statementYearIdSchema,
  organisationId: z.string().min(1),
  /** By template item id. */
  answers: z.record(z.string(), itemAnswerSchema).default({}),
  confirmedAt: z.string().datetime().optional(),
  confirmedById: z.string().min(1).optional(),
  confirmedByName: z.string().min(1).optional(),
  /** The nonce of the confirming submit: its retry is recognised even though a confirmed statement takes no more saves. */
  confirmedNonce: z.string().min(8).max(64).optional(),
});
export type AssuranceStatement = z.infer<typeof assuranceStatementSchema>;

export interface StatementRecord {
  readonly value: AssuranceStatement;
  /** Absent until the first save creates the statement. */
  readonly etag?: string;
}

/** One save of a statement, as kept in history: who, when, which answers changed, and whether it confirmed the statement. */
export const statementChangeSchema = z.object({
  nonce: z.string().min(8).max(64),
  byId: z.string().min(1),
  byName: z.string().min(1),
  at: z.string().datetime(),
  confirmed: z.boolean(),
  changes: z.array(z.object({ itemId: z.string().min(1), before: itemAnswerSchema.optional(), after: itemAnswerSchema })).max(40),
});
export type StatementChange = z.infer<typeof statementChangeSchema>;

/**
 * Checks a statement save before any repository writes it, so the memory and Table repositories
 * refuse exactly the same things: an invalid statement or change, or a change whose nonce is not the save's.
 */
export function checkStatementSave(value: AssuranceStatement, change: StatementChange, nonce: string): { valid: AssuranceStatement; entry: StatementChange } {
  const valid = parseOrThrow(assuranceStatementSchema, value, 'assurance statement');
  const entry = parseOrThrow(statementChangeSchema, change, 'assurance statement change');
  if (entry.nonce !== nonce) throw new InvalidError('the change does not carry the save nonce');
  return { valid, entry };
}
