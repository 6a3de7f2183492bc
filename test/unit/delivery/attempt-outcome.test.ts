import { attemptOutcome } from '../../../src/delivery/attempt-outcome';
import { claimRow } from '../../../src/delivery/sender-leases';
import { sampleMessage } from '../../support/outbox-repository-contract';

const AT = new Date('2026-11-23T09:00:00.000Z');
const RETRY = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 };
const half = () => 0.5;
const claimed = (overrides = {}) => claimRow(sampleMessage('00001', overrides), 'instance-a', new Date(AT.getTime() - 100), 60_000);

describe('the outcome of one attempt', () => {
  it('records a sent message with its Teams activity id and send time, counts the attempt, drops the claim and the last error', () => {
    const { next, throttledForMs } = attemptOutcome(claimed({ attempts: 1, lastError: 'slow down' }), { ok: true, activityId: 'activity-7' }, AT, RETRY, half);
    expect(next).toMatchObject({ status: 'sent', attempts: 2, activityId: 'activity-7', sentAt: AT.toISOString() });
    expect(next).not.toHaveProperty('lease');
    expect(next).not.toHaveProperty('lastError');
    expect(throttledForMs).toBeUndefined();
  });

  it("keeps the replaced card's activity id when a replace is answered without one", () => {
    const replace = claimed({ operation: 'replace', replaceActivityId: 'activity-3' });
    expect(attemptOutcome(replace, { ok: true }, AT, RETRY, half).next.activityId).toBe('activity-3');
  });

  it("queues a throttled message again after Teams' Retry-After, and says the conversation is throttled that long", () => {
    const { next, throttledForMs } = attemptOutcome(claimed(), { ok: false, failure: { statusCode: 429, retryAfterMs: 5_000, reason: 'slow down' } }, AT, RETRY, half);
    expect(next).toMatchObject({ status: 'queued', attempts: 1, lastError: 'slow down', notBefore: new Date(AT.getTime() + 5_000).toISOString() });
    expect(next).not.toHaveProperty('lease');
    expect(throttledForMs).toBe(5_000);
  });

  it('backs off with jitter after a gateway error without throttling the conversation', () => {
    const { next, throttledForMs } = attemptOutcome(claimed({ attempts: 1 }), { ok: false, failure: { statusCode: 503, reason: 'unavailable' } }, AT, RETRY, half);
    // Second attempt: the cap is 2 s, and a random draw of a half takes half of it.
    expect(next).toMatchObject({ status: 'queued', attempts: 2, notBefore: new Date(AT.getTime() + 1_000).toISOString() });
    expect(throttledForMs).toBeUndefined();
  });

  it('marks a message undeliverable at once when the person has blocked the bot', () => {
    const { next } = attemptOutcome(claimed(), { ok: false, failure: { statusCode: 403, reason: 'has blocked or removed the bot' } }, AT, RETRY, half);
    expect(next).toMatchObject({ status: 'undeliverable', attempts: 1, lastError: 'has blocked or removed the bot' });
  });

  const channel = { reference: '{"conversation":{"id":"19:steering-group@thread.tacv2"}}', conversationId: '19:steering-group@thread.tacv2', tenantId: 'tenant-host' };

  it.each([403, 404])('sends a 1:1 message Teams refuses (%i) to the partnership channel instead, at once, when it has one', (statusCode) => {
    const { next } = attemptOutcome(claimed({ channelFallback: channel }), { ok: false, failure: { statusCode, reason: 'has blocked or removed the bot' } }, AT, RETRY, half);
    expect(next).toMatchObject({ status: 'queued', attempts: 1, via: 'channel', notBefore: AT.toISOString(), lastError: 'could not reach 1:1 (has blocked or removed the bot)' });
    expect(next).not.toHaveProperty('lease');
  });

  it('marks undeliverable a message refused in the channel too, and a replace, which never falls back', () => {
    const inChannel = attemptOutcome(claimed({ channelFallback: channel, via: 'channel' }), { ok: false, failure: { statusCode: 403, reason: 'removed' } }, AT, RETRY, half);
    expect(inChannel.next).toMatchObject({ status: 'undeliverable', via: 'channel' });
    const replace = attemptOutcome(
      claimed({ channelFallback: channel, operation: 'replace', replaceActivityId: 'a-1' }),
      { ok: false, failure: { statusCode: 403, reason: 'removed' } },
      AT,
      RETRY,
      half,
    );
    expect(replace.next).toMatchObject({ status: 'undeliverable' });
  });

  it('keeps a message sent in the channel marked as such', () => {
    const { next } = attemptOutcome(claimed({ channelFallback: channel, via: 'channel', attempts: 1 }), { ok: true, activityId: 'activity-9' }, AT, RETRY, half);
    expect(next).toMatchObject({ status: 'sent', via: 'channel', attempts: 2 });
  });

  it('gives up after the last attempt the retry policy allows', () => {
    const { next } = attemptOutcome(claimed({ attempts: 2 }), { ok: false, failure: { network: true, reason: 'connection reset' } }, AT, RETRY, half);
    expect(next).toMatchObject({ status: 'failed', attempts: 3, lastError: 'connection reset (gave up after 3 attempts)' });
  });
});
