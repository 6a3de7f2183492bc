import { workingDaysBefore } from '../calendar/working-days';
import type { Member } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';

/** What people can owe a reply to. */
export const CHASE_KINDS = ['update-round', 'self-assessment', 'meeting', 'assurance-statement', 'figures'] as const;
export type ChaseKind = (typeof CHASE_KINDS)[number];

/** An organisation that has not replied, who answers for it, and what it still owes. */
export interface Owing {
  readonly organisation: Organisation;
  readonly recipients: readonly Member[];
  /** e.g. the action ids not yet updated; empty when the whole reply is owed. */
  readonly items: readonly string[];
}

/** An open update round, self-assessment round or meeting, and who has not replied to it. */
export interface ChaseSubject {
  readonly kind: ChaseKind;
  /** The round's start, the self-assessment round's id or the meeting's id. */
  readonly id: string;
  readonly title: string;
  /** YYYY-MM-DD: replies are due by the end of this day (UK). Absent for an old round with none. */
  readonly deadline?: string;
  readonly owing: readonly Owing[];
}

/**
 * Another kind of reply the chaser service chases (e.g. annual assurance statements), kept in its
 * own module: the open subject, with the organisations that owe it mapped to what they owe.
 */
export interface ChaseSubjectSource {
  openSubject(partnershipId: string, organisations: readonly Organisation[]): Promise<(Omit<ChaseSubject, 'owing'> & { readonly owed: ReadonlyMap<string, string[]> }) | undefined>;
}

/** Chasers go out from 9:00 UK time on a chaser day, not at midnight. */
export const CHASER_HOUR = 9;

/** The default schedule: 7 and 2 working days before the deadline. */
export const DEFAULT_CHASER_WORKING_DAYS: readonly number[] = [7, 2];

/** The days chasers go out for a deadline, earliest first. */
export function chaserDates(deadline: string, workingDays: readonly number[]): string[] {
  return [...new Set(workingDays.map((n) => workingDaysBefore(deadline, n)))].sort();
}

/** Whether `today` is one of the subject's chaser days (and the deadline is still ahead). */
export function isChaserDay(today: string, deadline: string | undefined, workingDays: readonly number[]): boolean {
  return deadline !== undefined && deadline >= today && chaserDates(deadline, workingDays).includes(today);
}

/**
 * The outbox once-key of a chaser: one per subject, person and UK day, so nobody is chased twice
 * on the same day, whether by the schedule, by "send chasers", or by two instances at once.
 */
export function chaserOnceKey(subject: Pick<ChaseSubject, 'kind' | 'id'>, aadObjectId: string, today: string): string {
  return `chaser|${subject.kind}|${subject.id}|${aadObjectId}|${today}`;
}
