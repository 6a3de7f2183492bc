import type { UpdateRequestService } from '../actions/update-request-service';
import { getFramework, type FrameworkRegistry } from '../assessment/framework-catalogue';
import { londonDate } from '../clock';
import { ForbiddenError, InvalidError } from '../errors';
import type { Actor } from '../partnership/member';
import type { ActionRepository, AssessmentRepository, MeetingRepository, OrganisationRepository } from '../ports';
import { buildAgenda, type AgendaFacts } from './agenda-builder';
import type { Meeting } from './meeting';
import { meetingIdFor } from './meeting-time';

/** Schedules the quarterly Steering Group meetings and builds their agendas from the partnership's data. */
export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly assessments: AssessmentRepository,
    private readonly frameworks: FrameworkRegistry,
    private readonly updateRequests: UpdateRequestService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The Prevent Officer or the chair schedules a meeting; its agenda is built at once. */
  assertMaySchedule(actor: Actor): void {
    if (actor.role !== 'prevent-officer' && actor.role !== 'chair') {
      throw new ForbiddenError('Only the Prevent Officer or the chair can schedule Steering Group meetings.');
    }
  }

  async schedule(partnershipId: string, actor: Actor, startsAt: Date, location: string): Promise<Meeting> {
    this.assertMaySchedule(actor);
    if (startsAt.getTime() <= this.now().getTime()) throw new InvalidError('That time has already passed; choose a date in the future.');
    const meeting: Meeting = {
      id: meetingIdFor(startsAt),
      startsAt: startsAt.toISOString(),
      location: location.trim(),
      agenda: buildAgenda(await this.agendaFacts(partnershipId)),
      scheduledById: actor.aadObjectId,
      scheduledByName: actor.name,
      scheduledAt: this.now().toISOString(),
    };
    await this.meetings.create(partnershipId, meeting);
    return meeting;
  }

  /** The next meeting that has not started yet, if one is scheduled. */
  async next(partnershipId: string): Promise<Meeting | undefined> {
    const now = this.now().toISOString();
    return (await this.meetings.list(partnershipId)).find((m) => m.startsAt >= now);
  }

  /** What the agenda draws on: the action plan, the latest self-assessment and the open update round. */
  async agendaFacts(partnershipId: string): Promise<AgendaFacts> {
    const [actions, organisations, rounds, progress] = await Promise.all([
      this.actions.list(partnershipId),
      this.organisations.list(partnershipId),
      this.assessments.listRounds(partnershipId),
      this.updateRequests.progress(partnershipId),
    ]);
    const latest = rounds[0];
    const assessment = latest
      ? {
          roundName: latest.name,
          framework: getFramework(this.frameworks, latest.frameworkId),
          returns: await this.assessments.listReturns(partnershipId, latest.id),
        }
      : undefined;
    return {
      today: londonDate(this.now()),
      actions,
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
      ...(assessment ? { assessment } : {}),
      ...(progress ? { notReturnedUpdates: progress.waitingFor } : {}),
    };
  }
}
