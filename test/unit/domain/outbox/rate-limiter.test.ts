import { RateLimiter, type Acquisition, type Permit } from '../../../../src/domain/outbox/rate-limiter';

const chat = { conversationId: 'conv-1', tenantId: 'tenant-1' };

function granted(acquisition: Acquisition): Permit {
  if (!acquisition.granted) throw new Error(`expected a grant, was told to wait until ${acquisition.retryAt}`);
  return acquisition.permit;
}

/** Sends `count` requests to a target at `at`, each answered at once. */
function sendAt(limiter: RateLimiter, at: number, count: number, target = chat): void {
  for (let i = 0; i < count; i++) granted(limiter.tryAcquire(target, at)).done(at);
}

describe('the rate limiter', () => {
  it('allows 7 sends to a conversation in a second and asks the 8th to wait until the first has left the window', () => {
    const limiter = new RateLimiter();
    sendAt(limiter, 0, 7);
    expect(limiter.tryAcquire(chat, 10)).toEqual({ granted: false, retryAt: 1000, tenantBlocked: false });
    expect(limiter.tryAcquire(chat, 1000).granted).toBe(true);
  });

  it('allows only 8 sends to a conversation in 2 seconds', () => {
    const limiter = new RateLimiter();
    sendAt(limiter, 0, 7);
    sendAt(limiter, 1000, 1);
    expect(limiter.tryAcquire(chat, 1500)).toMatchObject({ granted: false, retryAt: 2000 });
  });

  it('allows only 60 sends to a conversation in 30 seconds', () => {
    const limiter = new RateLimiter();
    for (let second = 0; second < 15; second++) sendAt(limiter, second * 2000, 4);
    expect(limiter.tryAcquire(chat, 29_000)).toMatchObject({ granted: false, retryAt: 30_000 });
  });

  it('allows only 1800 sends to a conversation in an hour', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 1800; i++) sendAt(limiter, i * 1000, 1);
    expect(limiter.tryAcquire(chat, 1_800_000)).toMatchObject({ granted: false, retryAt: 3_600_000 });
  });

  it('allows 50 requests a second across the conversations of a tenant, and says the tenant is what holds the 51st', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 50; i++) sendAt(limiter, 0, 1, { conversationId: `conv-${i}`, tenantId: 'tenant-1' });
    expect(limiter.tryAcquire({ conversationId: 'conv-50', tenantId: 'tenant-1' }, 500)).toEqual({ granted: false, retryAt: 1000, tenantBlocked: true });
    expect(limiter.tryAcquire({ conversationId: 'conv-50', tenantId: 'tenant-2' }, 500).granted).toBe(true);
  });

  it('counts a request from when it is granted until a window after its answer arrived', () => {
    const limiter = new RateLimiter([{ limit: 7, ms: 1000 }], []);
    const slow = granted(limiter.tryAcquire(chat, 0));
    sendAt(limiter, 0, 6);
    slow.done(400);
    sendAt(limiter, 1000, 6);
    expect(limiter.tryAcquire(chat, 1200)).toMatchObject({ granted: false, retryAt: 1400 });
  });

  it('cannot say when while the requests holding the window back are still in flight', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 7; i++) granted(limiter.tryAcquire(chat, 0));
    expect(limiter.tryAcquire(chat, 5000)).toEqual({ granted: false, tenantBlocked: false });
  });

  it('gives the capacity back when a granted request is never made', () => {
    const limiter = new RateLimiter();
    sendAt(limiter, 0, 6);
    granted(limiter.tryAcquire(chat, 0)).cancel();
    expect(limiter.tryAcquire(chat, 0).granted).toBe(true);
  });

  it('holds a conversation back while Teams has asked it to slow down', () => {
    const limiter = new RateLimiter();
    limiter.pause('conv-1', 3000, 0);
    expect(limiter.tryAcquire(chat, 100)).toMatchObject({ granted: false, retryAt: 3000 });
    expect(limiter.tryAcquire(chat, 3000).granted).toBe(true);
  });
});
