import { londonDate, londonHour } from '../../domain/clock';
import { retentionCutoff } from '../../domain/privacy/retention-periods';
import type { Logger } from '../../logger';
import { DailyClaim } from '../tables/daily-claim';
import type { TableStorage } from '../tables/table-storage';
import { UsedReportLinkTable } from '../tables/used-report-link-table';
import { purgeUnregisteredConversationReferences } from './conversation-reference-purge';
import { clearDeliveredCardBodies } from './outbox-body-purge';
import { purgeSubmitNonces } from './submit-nonce-purge';

/** The purge starts from this hour, UK time: after the nightly backup (02:00) has had its turn. */
export const RETENTION_HOUR = 3;

export type RetentionOutcome = 'not-yet' | 'taken' | 'done' | 'failed';

/** What one run removed, by kind; a purge that failed is missing. */
export type RetentionCounts = Partial<Record<'outboxCardsCleared' | 'submitNoncesDeleted' | 'conversationReferencesDeleted' | 'usedReportLinksDeleted', number>>;

export interface ScheduledRetentionOptions {
  readonly storage: TableStorage;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly now?: () => Date;
  readonly intervalMs?: number;
}

/**
 * Once a day, by whichever instance claims the day (daily-claim.ts), removes what the bot no longer
 * needs, each after its period in retention-periods.ts: the cards and references of finished outbox
 * messages, card submit nonces, conversation references of people who are not members and have gone
 * quiet, and the records of used report links that have expired. Each purge runs even if another
 * failed; a failure is logged as an error and the day is given back, so the next check runs them all
 * again (each purge only removes what is still due, so running twice is harmless).
 */
export class ScheduledRetention {
  private timer?: NodeJS.Timeout;
  private readonly now: () => Date;
  private readonly days: DailyClaim;

  constructor(private readonly options: ScheduledRetentionOptions) {
    this.now = options.now ?? (() => new Date());
    this.days = new DailyClaim(options.storage.client('partnerships'), 'retention', options.instanceId);
  }

  start(): void {
    this.timer = setInterval(
      () => void this.runDue().catch((error: unknown) => this.options.logger.error({ err: error }, 'retention purge could not be claimed; it will be tried again')),
      this.options.intervalMs ?? 15 * 60 * 1000,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs today's purge if it is due and nobody else has. */
  async runDue(): Promise<{ outcome: RetentionOutcome; counts: RetentionCounts }> {
    const now = this.now();
    if (londonHour(now) < RETENTION_HOUR) return { outcome: 'not-yet', counts: {} };
    const day = londonDate(now);
    if (!(await this.days.claim(day, now))) return { outcome: 'taken', counts: {} };
    const purges = this.purges(now);
    const counts = await this.runEach(purges);
    if (Object.keys(counts).length < purges.length) {
      await this.days.giveBack(day);
      return { outcome: 'failed', counts };
    }
    try {
      await this.days.finish(day, this.now(), counts as Record<string, number>);
    } catch (error) {
      // The purges are done; an unfinished claim only means a later check may run them again.
      this.options.logger.error({ err: error }, 'retention purge ran but could not be recorded as done');
    }
    this.options.logger.info(counts, 'retention purge done');
    return { outcome: 'done', counts };
  }

  /** Each purge with its cutoff; the periods are in retention-periods.ts. */
  private purges(now: Date): [keyof RetentionCounts, () => Promise<number>][] {
    const { storage } = this.options;
    return [
      ['outboxCardsCleared', () => clearDeliveredCardBodies(storage.client('outbox'), retentionCutoff('outboxCardBodyDays', now), now)],
      [
        'submitNoncesDeleted',
        () =>
          purgeSubmitNonces(
            { actions: storage.client('actions'), assessments: storage.client('assessments'), assurance: storage.client('assurance') },
            retentionCutoff('submitNonceDays', now),
          ),
      ],
      ['conversationReferencesDeleted', () => purgeUnregisteredConversationReferences(storage.client('members'), retentionCutoff('unregisteredConversationReferenceDays', now))],
      ['usedReportLinksDeleted', () => new UsedReportLinkTable(storage.client('reportLinks')).purgeExpired(retentionCutoff('usedReportLinkDaysAfterExpiry', now))],
    ];
  }

  private async runEach(purges: [keyof RetentionCounts, () => Promise<number>][]): Promise<RetentionCounts> {
    const counts: RetentionCounts = {};
    for (const [key, purge] of purges) {
      try {
        counts[key] = await purge();
      } catch (error) {
        this.options.logger.error({ err: error, purge: key }, 'retention purge failed; it will be tried again');
      }
    }
    return counts;
  }
}
