import { randomBytes } from 'node:crypto';
import { deliveryRig, enqueueRound, recipientConversation, waitUntilDelivered } from '../local/delivery-rig';
import { startFakeConnector } from '../local/fake-connector';
import { TEAMS_TENANT_WINDOWS } from '../../src/domain/outbox/rate-limiter';
import { OutboxTableRepository } from '../../src/storage/tables/outbox-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import type { BenchContext } from './context';
import type { PartResult } from './results';
import { round } from './stats';
import { sendingRateTargets } from './targets';

const PARTNERSHIP = 'bench-sending';
const TENANT = 'tenant-bench';
const STATUS_CONVERSATION = 'officer-chat';

/** Part 2: a round to N recipients through the real sender, against the fake connector with 5% injected 429s. */
export async function runSendingRate(context: BenchContext): Promise<PartResult[]> {
  const recipients = context.quick ? 100 : 300;
  const tenantLimit = Math.min(...TEAMS_TENANT_WINDOWS.map((w) => (w.limit * 1000) / w.ms));
  const storage = new TableStorage(context.storage, `bs${randomBytes(4).toString('hex')}`);
  await storage.ensureTables();
  const repository = new OutboxTableRepository(storage.client('outbox'));
  const connector = await startFakeConnector({ faults: { throttleWithRetryAfter: 0.05, retryAfterSeconds: 1 }, seed: 10 });
  try {
    const rig = deliveryRig(repository, [PARTNERSHIP]);
    await enqueueRound(rig.outbox, { partnershipId: PARTNERSHIP, serviceUrl: connector.serviceUrl, tenantId: TENANT, recipients, statusConversation: STATUS_CONVERSATION });
    context.log(`  sending to ${recipients} recipients`);
    const sender = rig.sender({ pollMs: 500 });
    const started = performance.now();
    sender.start();
    let finished = true;
    try {
      await waitUntilDelivered(repository, PARTNERSHIP, context.quick ? 60_000 : 120_000);
    } catch {
      finished = false;
    }
    const wallSeconds = (performance.now() - started) / 1000;
    await sender.stop();

    const counts = Array.from({ length: recipients }, (_, i) => connector.sentTo(recipientConversation(i)));
    const lost = counts.filter((n) => n === 0).length;
    const duplicated = counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const sends = connector.received.filter((r) => r.operation === 'send' && r.conversationId !== STATUS_CONVERSATION);
    const spanSeconds = sends.length > 1 ? (sends.at(-1)!.at - sends[0]!.at) / 1000 : Number.NaN;
    const rate = (sends.length - 1) / spanSeconds;
    // Without the tail of messages that waited out a Retry-After: the pace the sender holds.
    const bulk = Math.floor(sends.length * 0.9);
    const bulkRate = bulk > 1 ? (bulk - 1) / ((sends[bulk - 1]!.at - sends[0]!.at) / 1000) : Number.NaN;
    const injected = connector.injected.throttledWithRetryAfter;
    // Each recipient's first request, accepted or not: after the last of them, all that is left is
    // messages waiting out a Retry-After.
    const firstAttempt = new Map<string, number>();
    for (const r of [...sends, ...connector.refused.filter((x) => x.conversationId !== STATUS_CONVERSATION)]) {
      firstAttempt.set(r.conversationId, Math.min(r.at, firstAttempt.get(r.conversationId) ?? Infinity));
    }
    const lastFirstAttempt = Math.max(...firstAttempt.values());
    const paced = sends.filter((r) => r.at <= lastFirstAttempt).length;
    const pace = paced > 1 ? (paced - 1) / ((lastFirstAttempt - sends[0]!.at) / 1000) : Number.NaN;
    // A message answered 429 near the end must wait Retry-After before its next try, whoever sends it.
    const retryAfterSeconds = 1;
    const bestPossible = recipients / (recipients / tenantLimit + retryAfterSeconds);
    const targets = sendingRateTargets({
      pace,
      firstToLast: rate,
      tailBound: bestPossible,
      tenantLimit,
      breaches: connector.breaches,
      lost,
      duplicated,
      finished,
    });
    const paceMet = pace >= 0.9 * tenantLimit;
    return [
      {
        part: 2,
        title: 'Sending rate',
        targets,
        figures: {
          recipients,
          'achieved rate /s (first to last accepted send)': rate,
          'rate /s over the first 90% of sends': bulkRate,
          'pace /s: accepted sends until every recipient had had a first attempt': pace,
          'pace vs the limit %': (pace / tenantLimit) * 100,
          'best first-to-last rate any sender could reach here /s': bestPossible,
          'tenant limit /s': tenantLimit,
          'wall time s (start to every row recorded)': wallSeconds,
          'rate /s over wall time': recipients / wallSeconds,
          'injected 429s (with Retry-After 1 s)': injected,
          'requests answered by the connector': connector.requests,
          'limit breaches': connector.breaches,
          'status card updates': connector.received.filter((r) => r.conversationId === STATUS_CONVERSATION).length,
        },
        notes: [
          "The real outbox sender (CloudAdapter, CardMessenger, limiter, retry policy) with its Table repository on Azurite, against the fake connector enforcing Teams' per-conversation and per-tenant limits; 5% of requests are answered 429 with Retry-After: 1.",
          "The rate is accepted recipient messages over the time from the first to the last accepted one; the status card's updates share the tenant's budget and are not counted in it.",
          `The pace is accepted recipient messages per second from the first until every recipient had had a first attempt: what the sender holds while it has work. The first-to-last rate also holds the tail: a message answered 429 must wait its Retry-After (${retryAfterSeconds} s) before it may be tried again, and the injected 429s fall anywhere in the round, the last ones near its end; so with ${recipients} recipients (${round(recipients / tenantLimit, 1)} s at the limit) even a sender that never wastes a slot ends about ${retryAfterSeconds} s late, at best ${round(bestPossible, 1)}/s (${round((bestPossible / tenantLimit) * 100, 0)} % of the limit), and a retry answered 429 again adds another second. So the pace carries the target and the first-to-last rate is reported beside that bound.`,
          ...(paceMet
            ? []
            : [
                `The pace, ${round(pace, 1)}/s (${round((pace / tenantLimit) * 100, 0)} %), is below 90 % of the limit. The outbox's rate limiter counts each request from when it is sent until one window after its answer, so however the network delays requests Teams can never see more than 50 in a second: the most it allows is 50 per (1 s + the answer time), and here the answer time includes the fake connector sharing the sender's process and CPU.`,
              ]),
          ...(finished ? [] : ['The round was not fully delivered within the time allowed.']),
          ...(connector.breaches > 0 ? [`The sender went over a limit ${connector.breaches} times: ${connector.breachDetails.slice(0, 3).join('; ')}`] : []),
        ],
      },
    ];
  } finally {
    await connector.close();
  }
}
