import { z } from 'zod';

/**
 * An update round: the Prevent Officer asked every owner for updates at `startedAt`; an action
 * counts as returned once it has an update made after that moment.
 */
export const updateRoundSchema = z.object({
  startedAt: z.string().datetime(),
  requestedById: z.string().min(1),
  requestedByName: z.string().min(1),
  /** YYYY-MM-DD: updates are due by the end of this day; chasers count back from it. Absent on rounds started before deadlines. */
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The progress card in the partnership channel, refreshed as updates arrive. */
  channelActivityId: z.string().min(1).optional(),
});

export type UpdateRound = z.infer<typeof updateRoundSchema>;
