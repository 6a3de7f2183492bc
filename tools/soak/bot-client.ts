import { randomUUID } from 'node:crypto';
import type { FakeConnector, ReceivedActivity } from '../local/fake-connector';

/** Someone in a 1:1 chat with the bot, as Teams would describe them in an activity. */
export interface ChatUser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
}

export interface TurnResult {
  /** The HTTP status /api/messages answered. */
  readonly status: number;
  /** What the bot sent or changed in this user's chat during the turn. */
  readonly answers: readonly ReceivedActivity[];
  readonly ms: number;
}

/**
 * Drives the bot the way Teams does: activities POSTed to /api/messages (local mode, loopback only),
 * with the bot's answers read back from the fake connector. The adapter answers the POST once the
 * turn has finished, so everything the turn sent is already at the connector by then.
 */
export class BotClient {
  private cursor = 0;
  private readonly byConversation = new Map<string, ReceivedActivity[]>();

  constructor(
    private readonly botUrl: string,
    private readonly connector: FakeConnector,
  ) {}

  conversationOf(user: ChatUser): string {
    return `a:soak-${user.aadObjectId}`;
  }

  async message(user: ChatUser, text: string): Promise<TurnResult> {
    return this.post(user, { type: 'message', text });
  }

  async submit(user: ChatUser, value: Record<string, unknown>, replyToId: string): Promise<TurnResult> {
    return this.post(user, { type: 'message', value, replyToId });
  }

  /** Any other activity in the user's 1:1 chat (an installationUpdate, a conversationUpdate), in Teams' shape. */
  async activity(user: ChatUser, fields: Record<string, unknown>): Promise<TurnResult> {
    return this.post(user, fields);
  }

  private answersFor(conversationId: string): ReceivedActivity[] {
    const received = this.connector.received;
    for (; this.cursor < received.length; this.cursor += 1) {
      const activity = received[this.cursor]!;
      const list = this.byConversation.get(activity.conversationId) ?? [];
      list.push(activity);
      this.byConversation.set(activity.conversationId, list);
    }
    return this.byConversation.get(conversationId) ?? [];
  }

  private async post(user: ChatUser, fields: Record<string, unknown>): Promise<TurnResult> {
    const conversationId = this.conversationOf(user);
    const before = this.answersFor(conversationId).length;
    const started = performance.now();
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Keeps a run bounded in time even if the bot stops answering.
      signal: AbortSignal.timeout(15_000),
      body: JSON.stringify({
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: this.connector.serviceUrl,
        from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
        recipient: { id: '28:soak-bot', name: 'Prevent Partnership Bot' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: user.tenantId },
        channelData: { tenant: { id: user.tenantId } },
        ...fields,
      }),
    });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    return { status: response.status, answers: this.answersFor(conversationId).slice(before), ms };
  }
}

/** The Adaptive Card an answer carried, as text (Markdown escapes removed), or '' for none. */
export function answerText(answer: ReceivedActivity | undefined): string {
  const attachments = (answer?.activity['attachments'] as { content?: unknown }[] | undefined) ?? [];
  return JSON.stringify(attachments[0]?.content ?? '')
    .replace(/\\\\/g, '')
    .replace(/\\"/g, '"');
}

/** The data of the card's first Action.Submit: what pressing its button would send back. */
export function submitDataOf(answer: ReceivedActivity | undefined): Record<string, unknown> | undefined {
  const attachments = (answer?.activity['attachments'] as { content?: { actions?: { data?: Record<string, unknown> }[] } }[] | undefined) ?? [];
  return attachments[0]?.content?.actions?.[0]?.data;
}

/** The data of the card's Action.Submit titled `title` ("Save"), when the card has one. */
export function submitDataTitled(answer: ReceivedActivity | undefined, title: string): Record<string, unknown> | undefined {
  const attachments = (answer?.activity['attachments'] as { content?: { actions?: { title?: string; data?: Record<string, unknown> }[] } }[] | undefined) ?? [];
  return attachments[0]?.content?.actions?.find((action) => action.title === title)?.data;
}

/** The ids of the card's inputs that start with `prefix`, wherever they sit in its body. */
export function inputIdsOf(answer: ReceivedActivity | undefined, prefix: string): string[] {
  const attachments = (answer?.activity['attachments'] as { content?: unknown }[] | undefined) ?? [];
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element['type'] === 'string' && element['type'].startsWith('Input.') && typeof element['id'] === 'string' && element['id'].startsWith(prefix))
      ids.push(element['id']);
    Object.values(element).forEach(walk);
  };
  walk(attachments[0]?.content);
  return ids;
}
