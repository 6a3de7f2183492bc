import { backoffDelay, decideRetry } from '../../../../src/domain/outbox/retry-policy';

const options = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 60_000 };
const half = () => 0.5;

describe('what happens after a failed send', () => {
  it('marks a 403 undeliverable at once: the person blocked or removed the bot', () => {
    expect(decideRetry({ statusCode: 403, reason: 'has blocked or removed the bot' }, 1, options, half)).toEqual({
      outcome: 'undeliverable',
      reason: 'has blocked or removed the bot',
    });
  });

  it('waits exactly as long as Retry-After says on a 429', () => {
    expect(decideRetry({ statusCode: 429, retryAfterMs: 3000, reason: 'slow down' }, 1, options, half)).toEqual({
      outcome: 'retry',
      delayMs: 3000,
      reason: 'slow down',
      throttled: true,
    });
  });

  it('backs off exponentially with full jitter on a 429 without Retry-After', () => {
    expect(decideRetry({ statusCode: 429, reason: 'slow down' }, 3, options, half)).toMatchObject({ outcome: 'retry', delayMs: 2000, throttled: true });
  });

  it.each([412, 502, 503, 504])('retries a %i', (statusCode) => {
    expect(decideRetry({ statusCode, reason: 'try again' }, 1, options, half)).toMatchObject({ outcome: 'retry', throttled: false });
  });

  it('retries a network error', () => {
    expect(decideRetry({ network: true, reason: 'connection reset' }, 1, options, half)).toMatchObject({ outcome: 'retry' });
  });

  it('fails, with the reason, once the attempts are used up', () => {
    expect(decideRetry({ statusCode: 503, reason: 'Teams did not accept the message' }, 8, options, half)).toEqual({
      outcome: 'failed',
      reason: 'Teams did not accept the message (gave up after 8 attempts)',
    });
  });

  it.each([400, 401, 404])('fails a %i at once: trying again cannot help', (statusCode) => {
    expect(decideRetry({ statusCode, reason: 'no' }, 1, options, half)).toEqual({ outcome: 'failed', reason: 'no' });
  });

  it('never waits longer than the cap, and anywhere from nothing up to it', () => {
    expect(backoffDelay(20, options, () => 0.999999)).toBeLessThan(60_000);
    expect(backoffDelay(20, options, () => 0)).toBe(0);
    expect(backoffDelay(1, options, () => 0.999999)).toBeLessThan(1000);
  });
});
