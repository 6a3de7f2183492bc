import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ChannelRepository } from '../../src/domain/ports';

/** The parts of the playground's mock Teams context (.m365agentsplayground.yml) a channel reference needs. */
const playgroundContextSchema = z.object({
  tenantId: z.string().min(1),
  bot: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  currentUser: z.object({ aadObjectId: z.string().min(1), name: z.string().min(1) }),
  team: z.object({ id: z.string().min(1), channels: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })).min(1) }),
});

/**
 * In Teams the Prevent Officer types "use this channel" in the Steering Group's channel. The Agents
 * Playground's channel composer does not deliver a post to the bot, so a newcomer could never set it
 * there: `npm start` sets the playground team's first channel for the demo partnership instead, as
 * its Prevent Officer (the playground's signed-in user). Kept if already set for this playground
 * (same connector address), so an officer's own choice in a kept Azurite survives restarts.
 */
export async function pinPlaygroundChannel(options: {
  readonly channels: ChannelRepository;
  readonly partnershipId: string;
  readonly playgroundConfigFile: string;
  readonly playgroundPort: number;
  readonly now?: Date;
}): Promise<'pinned' | 'kept'> {
  const context = playgroundContextSchema.parse(parse(readFileSync(options.playgroundConfigFile, 'utf8')));
  // The playground's own connector: where replies and proactive posts to its conversations go.
  const serviceUrl = `http://localhost:${options.playgroundPort}/_connector`;
  const existing = await options.channels.get(options.partnershipId);
  if (existing?.pinnedAt && (JSON.parse(existing.reference) as { serviceUrl?: string }).serviceUrl === serviceUrl) return 'kept';
  const channel = context.team.channels[0]!;
  const reference = {
    channelId: 'msteams',
    serviceUrl,
    bot: context.bot,
    conversation: { id: channel.id, conversationType: 'channel', isGroup: true, tenantId: context.tenantId },
  };
  await options.channels.save(options.partnershipId, {
    reference: JSON.stringify(reference),
    teamId: context.team.id,
    name: channel.name,
    pinnedBy: { aadObjectId: context.currentUser.aadObjectId, name: context.currentUser.name },
    pinnedAt: (options.now ?? new Date()).toISOString(),
  });
  return 'pinned';
}
