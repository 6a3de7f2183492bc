import { z } from 'zod';

/** `annual`: an item the SOP asks for once a year, on the agenda of the quarter it belongs to. */
export const AGENDA_SOURCES = ['standing', 'annual', 'generated', 'added'] as const;

export const agendaItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().trim().min(1).max(200),
  /** Lines under the item, e.g. the actions that are off track. */
  details: z.array(z.string().trim().min(1).max(300)).max(40).default([]),
  source: z.enum(AGENDA_SOURCES),
  /** Where a standing or annual item comes from (the SOP section), so the agenda can be traced. */
  basis: z.string().trim().max(200).optional(),
  owner: z.string().trim().max(120).optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const ATTENDANCE = ['attending', 'deputy', 'apologies'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { attending: 'Attending', deputy: 'Sending a deputy', apologies: 'Apologies' };

export const attendanceReplySchema = z.object({
  status: z.enum(ATTENDANCE),
  byId: z.string().min(1),
  byName: z.string().min(1),
  at: z.string().datetime(),
});
export type AttendanceReply = z.infer<typeof attendanceReplySchema>;

/** What the Group decided under an agenda item, and the action it created, if any. */
export const decisionSchema = z.object({
  itemId: z.string().min(1),
  itemTitle: z.string().min(1),
  text: z.string().trim().min(1).max(1000),
  newActionId: z.string().optional(),
  byId: z.string().min(1),
  byName: z.string().min(1),
  at: z.string().datetime(),
});
export type Decision = z.infer<typeof decisionSchema>;

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
  /** Replies to the agenda card, by organisation id (seed action 2.1 monitors attendance). */
  attendance: z.record(z.string(), attendanceReplySchema).default({}),
  /** Recorded after the meeting; the next agenda lists them under matters arising. */
  decisions: z.array(decisionSchema).max(100).default([]),
  /** The agenda card in the partnership channel, once posted. */
  posted: z.object({ activityId: z.string().min(1), at: z.string().datetime() }).optional(),
  /** Set by the instance that claims the automatic post, so several instances never post twice. */
  autoPostClaim: z.object({ by: z.string().min(1), at: z.string().datetime() }).optional(),
});
export type Meeting = z.infer<typeof meetingSchema>;
