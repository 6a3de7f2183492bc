import { TeamsInfo, TurnContext, type ChannelAccount } from 'botbuilder';
import type { BotServices } from '../bot-services';
import { activityFacts } from '../activity-facts';

interface RosterMember {
  readonly id: string;
  readonly aadObjectId: string;
}

async function teamRoster(context: TurnContext): Promise<RosterMember[]> {
  const members: RosterMember[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 500, continuationToken);
    for (const member of page.members) if (member.aadObjectId) members.push({ id: member.id, aadObjectId: member.aadObjectId });
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return members;
}

/**
 * Makes sure the bot can reach these team members in 1:1 chat later (update requests, chasers),
 * storing a conversation reference for each one that does not have one yet. Runs after the turn
 * has been answered: one person's failure is logged and the rest carry on.
 */
async function openPersonalChats(partnershipId: string, teamReference: string, tenantId: string | undefined, members: readonly RosterMember[], services: BotServices): Promise<void> {
  let opened = 0;
  for (const member of members) {
    try {
      if (await services.directory.personalChat(partnershipId, member.aadObjectId)) continue;
      const reference = await services.messenger.openPersonalChat(teamReference, member.id, tenantId);
      await services.directory.rememberPersonalChat(partnershipId, member.aadObjectId, reference);
      opened += 1;
    } catch (error) {
      services.logger.warn({ err: error, aadObjectId: member.aadObjectId }, 'could not open a 1:1 chat with a team member');
    }
  }
  services.logger.info({ partnershipId, opened, members: members.length }, 'personal chats ready for team members');
}

function teamReferenceOf(context: TurnContext): string {
  const reference = TurnContext.getConversationReference(context.activity);
  delete reference.activityId;
  return JSON.stringify(reference);
}

/** The bot was added to a team: get ready to reach everyone in it. */
export async function prepareTeam(context: TurnContext, services: BotServices): Promise<void> {
  const facts = activityFacts(context);
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  const members = await teamRoster(context);
  void openPersonalChats(partnershipId, teamReferenceOf(context), facts.tenantId, members, services);
}

/** People joined a team the bot is already in: get ready to reach them. */
export async function prepareNewTeamMembers(context: TurnContext, added: readonly ChannelAccount[], services: BotServices): Promise<void> {
  const facts = activityFacts(context);
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  const members = added.filter((m) => m.aadObjectId).map((m) => ({ id: m.id, aadObjectId: m.aadObjectId! }));
  void openPersonalChats(partnershipId, teamReferenceOf(context), facts.tenantId, members, services);
}
