import { z } from 'zod';
import { priorityIdSchema } from '../priorities/priority';

export const actionIdSchema = z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'an action id looks like "3.1"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const ACTION_FLAGS = ['CTLP', 'OFOF'] as const;

/** One action of the partnership action plan, as the plan defines it (not its progress). */
export const actionSchema = z.object({
  id: actionIdSchema,
  themeNumber: z.number().int().min(1).max(99),
  themeTitle: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(2000),
  /** The plan's "Who" column as written, kept for the report. */
  who: z.string().trim().max(1000).default(''),
  /**
   * Empty only for an action imported with its owner left for the Prevent Officer to set (the plan's
   * Who names no organisation the partnership knows; see ImportOptions.leaveUnmatchedOwners).
   */
  ownerOrganisationIds: z.array(z.string().min(1)),
  timescale: z.string().trim().max(300).default(''),
  /** Parsed from the timescale where it names a date; absent for "Ongoing", "Quarterly" and the like. */
  dueDate: isoDate.optional(),
  recurring: z.boolean().default(false),
  outcomes: z.string().trim().max(2000).default(''),
  notes: z.string().trim().max(2000).default(''),
  flags: z.array(z.enum(ACTION_FLAGS)).default([]),
  /**
   * The Situational Assessment priorities the action addresses (SOP §4.3), by id ("P1"). Absent on
   * actions stored before priorities existed, and on those linked to none.
   */
  priorityIds: z.array(priorityIdSchema).max(20).optional(),
});

export type Action = z.infer<typeof actionSchema>;

/** Shown where an action's owners would be, while it has none. */
export const OWNER_TO_BE_SET = 'Owner to be set by the Prevent Officer';

export const ACTION_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  complete: 'Complete',
};

export type Rag = 'red' | 'amber' | 'green';

/** Limits shared by the card's own validation and the server's zod check. */
export const PROGRESS_NOTE_MAX = 2000;
export const EVIDENCE_URL_MAX = 500;

/** An update to an action's progress: who said what, when. Stored as current state and in history. */
export const actionProgressSchema = z.object({
  status: z.enum(ACTION_STATUSES),
  progressNote: z.string().trim().max(PROGRESS_NOTE_MAX).default(''),
  evidenceUrl: z.string().url().max(EVIDENCE_URL_MAX).optional(),
  revisedDate: isoDate.optional(),
  updatedById: z.string().min(1),
  updatedByName: z.string().min(1),
  updatedAt: z.string().datetime(),
  /** The server-made nonce of the card that carried this update: the same submit twice is one update. */
  nonce: z.string().min(8).max(64),
});

export type ActionProgress = z.infer<typeof actionProgressSchema>;

/** An action with its latest progress and the version tag a conditional update must carry. */
export interface ActionRecord {
  readonly action: Action;
  readonly progress?: ActionProgress;
  readonly etag: string;
}
