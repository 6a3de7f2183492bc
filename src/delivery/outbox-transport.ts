import type { DeliveryFailure } from '../domain/outbox/retry-policy';

/** One send or replace, as the transport makes it. */
export interface Delivery {
  readonly operation: 'send' | 'replace';
  readonly reference: string;
  readonly card: Readonly<Record<string, unknown>>;
  readonly replaceActivityId?: string;
}

export type DeliveryResult = { readonly ok: true; readonly activityId?: string } | { readonly ok: false; readonly failure: DeliveryFailure };

/** Talks to Teams. Makes exactly one request per call and never throws: a failure is a result. */
export interface OutboxTransport {
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}
