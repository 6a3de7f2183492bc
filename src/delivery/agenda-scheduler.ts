import { randomBytes } from 'node:crypto';
import type { BotServices } from '../bot/bot-services';
import { postAgendaToChannel } from '../bot/handlers/meeting-handlers';
import { PeriodicJob, type JobTimers } from './periodic-job';

/**
 * Posts each partnership's next agenda to its channel a set number of working days before the
 * meeting. It keeps no state of its own: the meeting row says whether the agenda is posted or
 * claimed, so a restart picks up where it was and several instances never post twice.
 */
export class AgendaScheduler {
  private readonly instanceId = `instance-${randomBytes(4).toString('hex')}`;
  private readonly job: PeriodicJob;

  constructor(
    private readonly services: BotServices,
    private readonly workingDays: number,
    intervalMs = 10 * 60 * 1000,
    timers?: JobTimers,
  ) {
    this.job = new PeriodicJob({
      run: () => this.tick(),
      intervalMs,
      firstRunAfterMs: 5_000,
      onError: (error) => services.logger.warn({ err: error }, 'agenda scheduler failed; will try again'),
      ...(timers ? { timers } : {}),
    });
  }

  start(): void {
    this.job.start();
  }

  stop(): void {
    this.job.stop();
  }

  /** One pass over every partnership; returns how many agendas it posted. Failures are logged. */
  async tick(): Promise<number> {
    let posted = 0;
    try {
      for (const partnershipId of await this.services.partnerships.allIds()) {
        try {
          const meeting = await this.services.meetings.claimDueAutoPost(partnershipId, this.workingDays, this.instanceId);
          if (meeting && (await postAgendaToChannel(partnershipId, meeting, this.services))) {
            posted += 1;
            this.services.logger.info({ partnershipId, meetingId: meeting.id }, 'agenda posted automatically');
          }
        } catch (error) {
          this.services.logger.warn({ err: error, partnershipId }, 'automatic agenda post failed; will try again');
        }
      }
    } catch (error) {
      this.services.logger.warn({ err: error }, 'agenda scheduler could not list partnerships');
    }
    return posted;
  }
}
