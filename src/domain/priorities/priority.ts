import { z } from 'zod';
import { financialQuarterOf } from '../meetings/annual-items';

/**
 * The Situational Assessment's priorities for one UK financial year (SOP 000 §4.2-4.3): a short
 * register, agreed by the Steering Group before the year starts, that the action plan's actions
 * address. Governance text only: titles and descriptions name themes and places, never people.
 */

export const priorityIdSchema = z.string().regex(/^P\d{1,2}$/, 'a priority id looks like "P1"');
/** A UK financial year as the partnership writes it: "2026-27" runs 1 April 2026 to 31 March 2027. */
export const financialYearSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'a financial year looks like "2026-27"')
  .refine((year) => (Number(year.slice(0, 4)) + 1) % 100 === Number(year.slice(5)), 'a financial year runs into the next year, like "2026-27"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** Limits shared by the card's own validation and the server's zod check. */
export const PRIORITY_TITLE_MAX = 200;
export const PRIORITY_DESCRIPTION_MAX = 1000;
export const PRIORITY_SOURCE_MAX = 100;
/** "A small list": a register longer than this is no longer a list of priorities. */
export const PRIORITIES_MAX = 20;

export const prioritySchema = z.object({
  id: priorityIdSchema,
  title: z.string().trim().min(1, 'give the priority a title').max(PRIORITY_TITLE_MAX, `keep the title under ${PRIORITY_TITLE_MAX} characters`),
  description: z.string().trim().max(PRIORITY_DESCRIPTION_MAX, `keep the description under ${PRIORITY_DESCRIPTION_MAX} characters`).default(''),
  /** Where it comes from, e.g. "CTLP 2026" or "Situational Assessment 2026-27". */
  source: z.string().trim().max(PRIORITY_SOURCE_MAX, `keep the source under ${PRIORITY_SOURCE_MAX} characters`).optional(),
  /** Retired priorities stay in the register (actions may still name them) but are not counted for coverage. */
  retired: z.boolean().default(false),
});

export type Priority = z.infer<typeof prioritySchema>;

export const REGISTER_STATUSES = ['draft', 'agreed'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

export const priorityRegisterSchema = z
  .object({
    financialYear: financialYearSchema,
    status: z.enum(REGISTER_STATUSES),
    /** The day the Steering Group agreed the register; SOP §4.2 asks for it before the year starts. */
    agreedOn: isoDate.optional(),
    priorities: z.array(prioritySchema).max(PRIORITIES_MAX, `a register holds at most ${PRIORITIES_MAX} priorities`),
    updatedById: z.string().min(1),
    updatedByName: z.string().min(1),
    updatedAt: z.string().datetime(),
    /** The server-made nonce of the card that made this change: the same submit twice is one change. */
    nonce: z.string().min(8).max(64),
  })
  .superRefine((register, ctx) => {
    if (register.status === 'agreed' && !register.agreedOn)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['agreedOn'], message: 'an agreed register needs the date it was agreed' });
    const ids = register.priorities.map((p) => p.id);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['priorities'], message: `priority ${repeated} appears twice` });
  });

export type PriorityRegister = z.infer<typeof priorityRegisterSchema>;

/** A register as stored, with the version tag a conditional change must carry. */
export interface PriorityRegisterRecord {
  readonly register: PriorityRegister;
  readonly etag: string;
}

/** The financial year ("2026-27") a UK date (YYYY-MM-DD) falls in. */
export function financialYearOf(isoDay: string): string {
  return financialQuarterOf(isoDay).year;
}

/** The first day of a financial year: "2026-27" starts on 2026-04-01. */
export function financialYearStart(year: string): string {
  return `${year.slice(0, 4)}-04-01`;
}

/** The year before: "2025-26" for "2026-27". */
export function previousFinancialYear(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The next free id: one more than the highest, so a retired priority's id is never given again. */
export function nextPriorityId(priorities: readonly Priority[]): string {
  const highest = Math.max(0, ...priorities.map((p) => Number(p.id.slice(1))));
  return `P${highest + 1}`;
}

/** True when the register was agreed before its year started, as SOP §4.2 asks. */
export function agreedInTime(register: PriorityRegister): boolean {
  return register.status === 'agreed' && register.agreedOn !== undefined && register.agreedOn < financialYearStart(register.financialYear);
}

/** Reads "P1, P3", "p2; P4", "1 and 3" into ["P1", "P3"]: a plan's Priority cell, or a card's choices. */
export function readPriorityIds(text: string): { ids: string[]; unreadable: string[] } {
  const ids: string[] = [];
  const unreadable: string[] = [];
  for (const part of text.split(/\s*(?:,|;|\/|&|\band\b|\s)\s*/i).filter((p) => p !== '')) {
    const match = /^p?(\d{1,2})$/i.exec(part);
    if (!match) unreadable.push(part);
    else {
      const id = `P${Number(match[1])}`;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return { ids: ids.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))), unreadable };
}
