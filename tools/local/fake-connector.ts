import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEAMS_REFUSES_UTF16_BYTES, utf16Bytes } from '../../src/cards/render';
import { TEAMS_CONVERSATION_WINDOWS, TEAMS_TENANT_WINDOWS, type RateWindow } from '../../src/domain/outbox/rate-limiter';
import { seededDice as dice } from './seeded-dice';

/** What Teams counts towards a message's size: its text, cards and mentions, in UTF-16. */
function messageUtf16Bytes(activity: Record<string, unknown>): number {
  return utf16Bytes(JSON.stringify({ text: activity['text'], attachments: activity['attachments'], entities: activity['entities'] }));
}

/** What goes wrong on purpose: shares (0-1) of requests, and conversations that refuse the bot. */
export interface ConnectorFaults {
  /** Share answered 429 with a Retry-After header. */
  readonly throttleWithRetryAfter?: number;
  /** Share answered 429 without one. */
  readonly throttleWithoutRetryAfter?: number;
  /** Share answered 503. */
  readonly unavailable?: number;
  /** Conversations whose user blocked or removed the bot: every request to them is answered 403. */
  readonly forbiddenConversations?: Iterable<string>;
  /** Retry-After sent with throttling answers (injected or for going over a limit), in seconds. */
  readonly retryAfterSeconds?: number;
}

export interface FakeConnectorOptions {
  readonly faults?: ConnectorFaults;
  /**
   * The tenants the bot is installed in (the partnership's host organisation). Given, the connector
   * behaves as Teams does for people from any other tenant (external members of a shared channel):
   * a bot cannot have a 1:1 chat with them, so creating one, or sending into a personal conversation
   * of another tenant, is answered 403. Channels and group chats are not affected.
   */
  readonly hostTenantIds?: readonly string[];
  /** People (their Teams ids) who do not have the bot installed: a 1:1 chat with them cannot be created (403). */
  readonly usersWithoutBot?: Iterable<string>;
  readonly conversationWindows?: readonly RateWindow[];
  readonly tenantWindows?: readonly RateWindow[];
  /** Seed for the fault dice, so a run can be repeated. */
  readonly seed?: number;
  /** Milliseconds on a monotonic clock; performance.now() unless a test pins it. */
  readonly clock?: () => number;
}

export interface ReceivedActivity {
  readonly conversationId: string;
  readonly operation: 'send' | 'update';
  /** The id the connector gave the activity (or the one updated). */
  readonly activityId: string;
  readonly activity: Record<string, unknown>;
  /** When it arrived, on the connector's clock (milliseconds). */
  readonly at: number;
}

export interface FakeConnector {
  /** Use as the conversation references' serviceUrl. */
  readonly serviceUrl: string;
  /** Every activity accepted (sends, replies and updates), in arrival order. */
  readonly received: readonly ReceivedActivity[];
  /** Requests that went over one of Teams' limits: each was answered 429 and counted here. */
  readonly breaches: number;
  /** What each breach was, for a failing test to show. */
  readonly breachDetails: readonly string[];
  /** Requests answered, whatever the answer. */
  readonly requests: number;
  /** Activity requests refused (over a limit, an injected fault, or forbidden), in arrival order. */
  readonly refused: readonly { readonly conversationId: string; readonly status: number; readonly at: number }[];
  /** Faults injected, and (crossTenant) 1:1 requests refused because the person is in another tenant. */
  readonly injected: Readonly<{ throttledWithRetryAfter: number; throttledWithoutRetryAfter: number; unavailable: number; forbidden: number; crossTenant: number }>;
  /** Messages accepted per conversation (sends and replies, not updates). */
  sentTo(conversationId: string): number;
  /** Every conversation with at least one message accepted, and how many. */
  sentCounts(): Map<string, number>;
  setFaults(faults: ConnectorFaults): void;
  /** Resolves once at least `count` activities have been accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<readonly ReceivedActivity[]>;
  close(): Promise<void>;
}

/** Arrival times of accepted requests per key, newest last, kept for the longest window. */
class Windows {
  private readonly arrivals = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(0, ...windows.map((w) => w.ms));
  }

  /** The window this arrival would go over, if any. */
  exceeded(key: string, at: number): RateWindow | undefined {
    const times = this.arrivals.get(key) ?? [];
    while (times.length > 0 && times[0]! <= at - this.longest) times.shift();
    return this.windows.find((window) => times.filter((t) => t > at - window.ms).length >= window.limit);
  }

  record(key: string, at: number): void {
    const times = this.arrivals.get(key) ?? [];
    times.push(at);
    this.arrivals.set(key, times);
  }
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;
const CONVERSATIONS = /^\/v3\/conversations\/?(?:\?.*)?$/;

/**
 * A local stand-in for the Bot Connector service, for tests and the benchmark: it implements what
 * the bot calls (create a 1:1 conversation, send, reply, update an activity), enforces Teams' rate
 * limits per conversation (7/1 s, 8/2 s, 60/30 s, 1800/h) and per tenant (50/s) on the arrival of
 * each request, answering 429 and counting a breach when one is exceeded, refuses 1:1 chats across
 * tenants as Teams does (with `hostTenantIds`), and injects faults.
 */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const clock = options.clock ?? (() => performance.now());
  const random = dice(options.seed ?? 7);
  const conversations = new Windows(options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS);
  const tenants = new Windows(options.tenantWindows ?? TEAMS_TENANT_WINDOWS);
  const received: ReceivedActivity[] = [];
  const refusedLog: { conversationId: string; status: number; at: number }[] = [];
  const sent = new Map<string, number>();
  const breachDetails: string[] = [];
  const injected = { throttledWithRetryAfter: 0, throttledWithoutRetryAfter: 0, unavailable: 0, forbidden: 0, crossTenant: 0 };
  const hostTenants = options.hostTenantIds ? new Set(options.hostTenantIds) : undefined;
  const withoutBot = new Set(options.usersWithoutBot ?? []);
  /** A 1:1 chat in a tenant the bot is not installed in, or with someone who does not have it: Teams refuses it. */
  const outsideHost = (tenantId: string) => hostTenants !== undefined && !hostTenants.has(tenantId);
  const waiters: (() => void)[] = [];
  let faults: ConnectorFaults = options.faults ?? {};
  let forbidden = new Set(faults.forbiddenConversations ?? []);
  let requests = 0;
  let nextId = 1;

  const answer = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const retryAfter = () => ({ 'retry-after': String(faults.retryAfterSeconds ?? 1) });

  /** Over a limit, forbidden or an injected fault: the answer, or undefined to accept the request. */
  const refusal = (conversationId: string | undefined, tenantId: string, at: number): { status: number; headers?: Record<string, string> } | undefined => {
    if (conversationId !== undefined && forbidden.has(conversationId)) {
      injected.forbidden += 1;
      return { status: 403 };
    }
    const conversationLimit = conversationId === undefined ? undefined : conversations.exceeded(conversationId, at);
    const tenantLimit = tenants.exceeded(tenantId, at);
    if (conversationLimit || tenantLimit) {
      const which = conversationLimit
        ? `conversation ${conversationId}: ${conversationLimit.limit} in ${conversationLimit.ms} ms`
        : `tenant ${tenantId}: ${tenantLimit!.limit} in ${tenantLimit!.ms} ms`;
      breachDetails.push(`over the limit for ${which}`);
      return { status: 429, headers: retryAfter() };
    }
    const roll = random();
    const withRetryAfter = faults.throttleWithRetryAfter ?? 0;
    const withoutRetryAfter = withRetryAfter + (faults.throttleWithoutRetryAfter ?? 0);
    const unavailable = withoutRetryAfter + (faults.unavailable ?? 0);
    if (roll < withRetryAfter) {
      injected.throttledWithRetryAfter += 1;
      return { status: 429, headers: retryAfter() };
    }
    if (roll < withoutRetryAfter) {
      injected.throttledWithoutRetryAfter += 1;
      return { status: 429 };
    }
    if (roll < unavailable) {
      injected.unavailable += 1;
      return { status: 503 };
    }
    return undefined;
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      // Counted when the whole request is in: handled one at a time, so arrival times only go up.
      const at = clock();
      requests += 1;
      let payload: Record<string, unknown> = {};
      try {
        payload = JSON.parse(body || '{}') as Record<string, unknown>;
      } catch {
        answer(res, 400, { error: { code: 'BadSyntax', message: 'the body is not JSON' } });
        return;
      }
      const tenantId = tenantOf(payload);
      const url = req.url ?? '';
      const activities = ACTIVITIES.exec(url);
      if (activities && (req.method === 'POST' || req.method === 'PUT')) {
        const conversationId = decodeURIComponent(activities[1]!);
        const operation = req.method === 'PUT' ? 'update' : 'send';
        const personal = (payload['conversation'] as { conversationType?: string } | undefined)?.conversationType === 'personal';
        if (personal && outsideHost(tenantId)) {
          injected.crossTenant += 1;
          refusedLog.push({ conversationId, status: 403, at });
          answer(res, 403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
          return;
        }
        if (messageUtf16Bytes(payload) > TEAMS_REFUSES_UTF16_BYTES) {
          refusedLog.push({ conversationId, status: 413, at });
          answer(res, 413, { error: { code: 'MessageSizeTooBig', message: 'The message is over the size Teams accepts' } });
          return;
        }
        const refused = refusal(conversationId, tenantId, at);
        if (refused) {
          refusedLog.push({ conversationId, status: refused.status, at });
          answer(res, refused.status, { error: { code: refused.status === 403 ? 'BotNotInConversationRoster' : 'Throttled', message: `HTTP ${refused.status}` } }, refused.headers);
          return;
        }
        conversations.record(conversationId, at);
        tenants.record(tenantId, at);
        const activityId = operation === 'update' ? decodeURIComponent(activities[2] ?? '') : `activity-${nextId++}`;
        received.push({ conversationId, operation, activityId, activity: payload, at });
        if (operation === 'send') sent.set(conversationId, (sent.get(conversationId) ?? 0) + 1);
        waiters.splice(0).forEach((wake) => wake());
        answer(res, operation === 'send' ? 201 : 200, { id: activityId });
        return;
      }
      if (CONVERSATIONS.test(url) && req.method === 'POST') {
        const invited = ((payload['members'] as { id?: string }[] | undefined) ?? [])[0]?.id;
        if (outsideHost(tenantId) || (invited !== undefined && withoutBot.has(invited))) {
          injected.crossTenant += outsideHost(tenantId) ? 1 : 0;
          answer(res, 403, { error: { code: 'Forbidden', message: 'A 1:1 chat with this user cannot be created by the bot.' } });
          return;
        }
        const refused = refusal(undefined, tenantId, at);
        if (refused) {
          answer(res, refused.status, { error: { code: 'Throttled', message: `HTTP ${refused.status}` } }, refused.headers);
          return;
        }
        tenants.record(tenantId, at);
        const member = ((payload['members'] as { id?: string }[] | undefined) ?? [])[0]?.id ?? 'someone';
        answer(res, 201, { id: `a:personal-${member}` });
        return;
      }
      answer(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url} is not something the fake connector does` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    refused: refusedLog,
    get breaches() {
      return breachDetails.length;
    },
    breachDetails,
    get requests() {
      return requests;
    },
    injected,
    sentTo: (conversationId) => sent.get(conversationId) ?? 0,
    sentCounts: () => new Map(sent),
    setFaults(next) {
      faults = next;
      forbidden = new Set(next.forbiddenConversations ?? []);
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} activities, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The tenant Teams would count a request against: the activity's conversation or channel data. */
function tenantOf(payload: Record<string, unknown>): string {
  const conversation = payload['conversation'] as { tenantId?: string } | undefined;
  const channelData = payload['channelData'] as { tenant?: { id?: string } } | undefined;
  return conversation?.tenantId ?? channelData?.tenant?.id ?? (payload['tenantId'] as string | undefined) ?? 'unknown-tenant';
}
