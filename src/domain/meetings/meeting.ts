import { z } from 'zod';

export const AGENDA_SOURCES = ['standing', 'generated', 'added'] as const;

export const agendaItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().trim().min(1).max(200),
  /** Lines under the item, e.g. the actions that are off track. */
  details: z.array(z.string().trim().min(1).max(300)).max(40).default([]),
  source: z.enum(AGENDA_SOURCES),
  /** Where a standing item comes from (the SOP section), so the agenda can be traced. */
  basis: z.string().trim().max(200).optional(),
  owner: z.string().trim().max(120).optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** A quarterly Steering Group meeting and its agenda. */
export const meetingSchema = z.object({
  /** From the start time in UK time: "2027-03-12-1000". */
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{4}$/),
  startsAt: z.string().datetime(),
  location: z.string().trim().max(300).default(''),
  agenda: z.array(agendaItemSchema).min(1).max(40),
  scheduledById: z.string().min(1),
  scheduledByName: z.string().min(1),
  scheduledAt: z.string().datetime(),
});
export type Meeting = z.infer<typeof meetingSchema>;
