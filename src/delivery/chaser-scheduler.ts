import type { BotServices } from '../bot/bot-services';
import { chaserMessages } from '../bot/chaser-messages';
import { PeriodicJob, type JobTimers } from './periodic-job';

/**
 * Sends the scheduled chasers: each hour, for every partnership, reminders to those who have not
 * replied to a subject whose chaser day is today (7 and 2 working days before its deadline by
 * default). It keeps no state: each chaser's once-key in the outbox is its claim, so a restart, a
 * second pass the same day or a second instance never chases anyone twice in a day.
 */
export class ChaserScheduler {
  private readonly job: PeriodicJob;

  constructor(
    private readonly services: BotServices,
    intervalMs = 60 * 60 * 1000,
    timers?: JobTimers,
  ) {
    this.job = new PeriodicJob({
      run: () => this.tick(),
      intervalMs,
      firstRunAfterMs: 30_000,
      onError: (error) => services.logger.warn({ err: error }, 'chaser scheduler failed; will try again next hour'),
      ...(timers ? { timers } : {}),
    });
  }

  start(): void {
    this.job.start();
  }

  stop(): void {
    this.job.stop();
  }

  /** One pass over every partnership; returns how many chasers it put in the outbox. Failures are logged. */
  async tick(): Promise<number> {
    let enqueued = 0;
    try {
      for (const partnershipId of await this.services.partnerships.allIds()) {
        try {
          const subjects = await this.services.chasers.dueToday(partnershipId);
          if (subjects.length === 0) continue;
          const { messages } = chaserMessages(await this.services.chasers.targets(partnershipId, subjects));
          if (messages.length === 0) continue;
          const batch = this.services.outbox.draft({ partnershipId, kind: 'chaser', title: 'Scheduled chasers' });
          const written = await this.services.outbox.enqueue(batch, messages);
          enqueued += written.length;
          this.services.logger.info({ partnershipId, chasers: written.length, subjects: subjects.map((s) => s.kind) }, 'scheduled chasers enqueued');
        } catch (error) {
          this.services.logger.warn({ err: error, partnershipId }, 'scheduled chasers failed; will try again next hour');
        }
      }
    } catch (error) {
      this.services.logger.warn({ err: error }, 'chaser scheduler could not list partnerships');
    }
    return enqueued;
  }
}
