import { ConflictError, NotFoundError } from '../../domain/errors';
import { meetingSchema, type Meeting } from '../../domain/meetings/meeting';
import type { MeetingRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

interface Stored {
  meeting: Meeting;
  version: number;
  /** Every version written, newest first, as the Table repository keeps history rows. */
  history: Meeting[];
}

/** Same contract as the Table repository (ETags as version counters), for unit tests. */
export class MemoryMeetingRepository implements MeetingRepository {
  private readonly meetings = new Map<string, Map<string, Stored>>();

  async list(partnershipId: string): Promise<Meeting[]> {
    return [...(this.meetings.get(partnershipId)?.values() ?? [])].map((stored) => structuredClone(stored.meeting)).sort(compareMeetings);
  }

  async get(partnershipId: string, meetingId: string): Promise<{ meeting: Meeting; etag: string } | undefined> {
    const stored = this.meetings.get(partnershipId)?.get(meetingId);
    return stored ? { meeting: structuredClone(stored.meeting), etag: etagOf(stored) } : undefined;
  }

  async create(partnershipId: string, meeting: Meeting): Promise<void> {
    const valid = parseOrThrow(meetingSchema, meeting, 'meeting');
    const byId = this.meetings.get(partnershipId) ?? new Map<string, Stored>();
    if (byId.has(valid.id)) throw new ConflictError('a meeting is already scheduled at that time');
    byId.set(valid.id, { meeting: structuredClone(valid), version: 1, history: [structuredClone(valid)] });
    this.meetings.set(partnershipId, byId);
  }

  async update(partnershipId: string, meeting: Meeting, etag: string): Promise<void> {
    const valid = parseOrThrow(meetingSchema, meeting, 'meeting');
    const stored = this.meetings.get(partnershipId)?.get(valid.id);
    if (!stored) throw new NotFoundError(`meeting ${valid.id} is not scheduled`);
    if (etag !== etagOf(stored)) throw new ConflictError(`meeting ${valid.id} was changed by someone else since it was read`);
    stored.meeting = structuredClone(valid);
    stored.history.unshift(structuredClone(valid));
    stored.version += 1;
  }
}

/** Start order, ties broken by id, as the Table repository lists them. */
function compareMeetings(a: Meeting, b: Meeting): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id);
}

function etagOf(stored: Stored): string {
  return `W/"${stored.version}"`;
}
