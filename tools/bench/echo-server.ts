import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { Logger } from '../../src/logger';

/**
 * The benchmark's baseline for turn latency and memory (tools/bench): the bot's own adapter (anonymous,
 * local mode) behind a restify server set up like create-server.ts, whose turn only answers. A button press
 * (the Action.Execute invoke Teams sends) is answered with a card in the invoke response, as the real bot
 * answers it; a card submit from an older client (it carries replyToId) by updating that activity;
 * anything else gets a text reply. Same stack, same connector, no storage and no domain work.
 */
export async function startEchoBot(port: number, logger: Logger): Promise<{ server: Server; close(): Promise<void> }> {
  // Built as src/bot/create-bot.ts builds it in local mode (no app id: anonymous), but not through it:
  // importing create-bot loads the whole bot (handlers, domain, cards), and the baseline's memory
  // must hold the stack alone.
  const adapter = new TeamsAdapter({});
  adapter.onTurnError = async (_context, error) => {
    logger.error({ err: error }, 'echo turn failed');
  };
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => echo(context));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function echo(context: TurnContext): Promise<void> {
  const said = context.activity.text ?? JSON.stringify(context.activity.value ?? {}).slice(0, 200);
  if (context.activity.type === ActivityTypes.Invoke) {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `You said: ${said}`, wrap: true }] };
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
    return;
  }
  const reply = MessageFactory.text(`You said: ${said}`);
  if (context.activity.replyToId) {
    reply.id = context.activity.replyToId;
    await context.updateActivity(reply);
  } else {
    await context.sendActivity(reply);
  }
}
