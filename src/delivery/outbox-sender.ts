import { randomBytes } from 'node:crypto';
import { deliveryStatusCard } from '../cards/delivery-status-card';
import type { DispatcherClock, DispatcherHooks, DispatcherOptions } from './dispatcher-options';
import { OutboxDispatcher } from './outbox-dispatcher';
import type { OutboxTransport } from './outbox-transport';
import type { OutboxMessage } from '../domain/outbox/outbox-message';
import type { RateLimiter } from '../domain/outbox/rate-limiter';
import type { OutboxRepository } from '../domain/ports';
import type { Logger } from '../logger';
import type { BotServices } from '../bot/bot-services';

/** Real time: wall clock for rows, performance.now() for the rate windows. */
export const SYSTEM_CLOCK: DispatcherClock = {
  now: () => new Date(),
  monotonic: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What a sent message means for the rest of the bot: the ids of cards that are refreshed later. */
export function afterSend(services: Pick<BotServices, 'meetings' | 'updateRequests' | 'assessments'>): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    if (message.operation !== 'send' || !message.activityId || !message.subjectId) return;
    switch (message.kind) {
      case 'agenda':
        await services.meetings.recordPosted(message.partnershipId, message.subjectId, message.activityId);
        return;
      case 'round-progress':
        await services.updateRequests.recordChannelCard(message.partnershipId, message.subjectId, message.activityId);
        return;
      case 'assessment-progress':
        await services.assessments.recordChannelCard(message.partnershipId, message.subjectId, message.activityId);
        return;
      default:
        return;
    }
  };
}

export interface OutboxSenderParts {
  readonly repository: OutboxRepository;
  readonly transport: OutboxTransport;
  readonly partnerships: () => Promise<string[]>;
  readonly onSent?: DispatcherHooks['onSent'];
  readonly logger: Pick<Logger, 'warn'>;
  readonly clock?: DispatcherClock;
  readonly options?: Partial<DispatcherOptions>;
  readonly limiter?: RateLimiter;
}

/**
 * The outbox dispatcher as the bot runs it: one per process, named after the instance, rendering
 * the Prevent Officer's status card. Exported whole so the benchmark can run one against the fake
 * Bot Connector.
 */
export function createOutboxSender(parts: OutboxSenderParts): OutboxDispatcher {
  const owner = parts.options?.owner ?? `sender-${randomBytes(4).toString('hex')}`;
  return new OutboxDispatcher(
    parts.repository,
    parts.transport,
    parts.partnerships,
    parts.clock ?? SYSTEM_CLOCK,
    { ...parts.options, owner },
    { ...(parts.onSent ? { onSent: parts.onSent } : {}), statusCard: (view) => deliveryStatusCard(view) },
    { warn: (details, message) => parts.logger.warn(details, message) },
    parts.limiter,
  );
}
