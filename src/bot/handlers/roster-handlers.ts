import { TeamsInfo, TurnContext, type ChannelAccount } from 'botbuilder';
import type { BotServices } from '../bot-services';
import { activityFacts } from '../activity-facts';
import type { MemberAccess } from '../../domain/partnership/member';
import { rosterAccess } from '../roster-access';

interface RosterMember {
  readonly id: string;
  readonly aadObjectId: string;
  readonly access?: MemberAccess;
}

async function teamRoster(context: TurnContext): Promise<RosterMember[]> {
  const members: RosterMember[] = [];
  const hostTenantId = activityFacts(context).tenantId;
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 500, continuationToken);
    for (const member of page.members) {
      if (!member.aadObjectId) continue;
      const access = rosterAccess(member, hostTenantId);
      members.push({ id: member.id, aadObjectId: member.aadObjectId, ...(access ? { access } : {}) });
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return members;
}

/**
 * Makes sure the bot can reach these team members in 1:1 chat later (update requests, chasers),
 * storing a conversation reference for each registered member that does not have one yet. Anyone
 * else in the team gets no chat opened and nothing stored. Runs after the turn has been answered:
 * one person's failure is logged and the rest carry on.
 */
async function openPersonalChats(
  partnershipId: string,
  teamReference: string,
  tenantId: string | undefined,
  members: readonly RosterMember[],
  services: BotServices,
): Promise<void> {
  let opened = 0;
  for (const member of members) {
    try {
      // Teams has no 1:1 chat between a bot and someone in another tenant: they are reached in the channel.
      if (member.access === 'external') continue;
      if (!(await services.directory.isMember(partnershipId, member.aadObjectId))) continue;
      if (await services.directory.personalChat(partnershipId, member.aadObjectId)) continue;
      const reference = await services.messenger.openPersonalChat(teamReference, member.id, tenantId);
      if (await services.directory.rememberPersonalChat(partnershipId, member.aadObjectId, reference)) opened += 1;
    } catch (error) {
      services.logger.warn({ err: error, aadObjectId: member.aadObjectId }, 'could not open a 1:1 chat with a team member');
    }
  }
  services.logger.info({ partnershipId, opened, members: members.length }, 'personal chats ready for registered team members');
}

function teamReferenceOf(context: TurnContext): string {
  const reference = TurnContext.getConversationReference(context.activity);
  delete reference.activityId;
  return JSON.stringify(reference);
}

function teamIdOf(context: TurnContext): string | undefined {
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

/**
 * The partnership this team's activity belongs to, when the team is the one whose channel the
 * Prevent Officer pinned; undefined for any other team the bot is added to, which it leaves alone.
 */
async function partnershipOfPinnedTeam(context: TurnContext, services: BotServices): Promise<string | undefined> {
  const partnershipId = await services.partnerships.resolveId(activityFacts(context).tenantId);
  return (await services.directory.isPartnershipTeam(partnershipId, teamIdOf(context))) ? partnershipId : undefined;
}

/** The bot was added to the partnership team, or its channel was pinned: get ready to reach its registered members. */
export async function prepareTeam(context: TurnContext, services: BotServices): Promise<void> {
  const partnershipId = await partnershipOfPinnedTeam(context, services);
  if (!partnershipId) return;
  const members = await teamRoster(context);
  void openPersonalChats(partnershipId, teamReferenceOf(context), activityFacts(context).tenantId, members, services);
  // Guests and external members marked as the roster shows them, for the Prevent Officer's member view.
  void services.membership.recordAccess(partnershipId, members).catch((error: unknown) => services.logger.warn({ err: error }, 'could not record guest and external members'));
}

/** People joined the partnership team: get ready to reach those who are registered members. */
export async function prepareNewTeamMembers(context: TurnContext, added: readonly ChannelAccount[], services: BotServices): Promise<void> {
  const partnershipId = await partnershipOfPinnedTeam(context, services);
  if (!partnershipId) return;
  const members = added.filter((m) => m.aadObjectId).map((m) => ({ id: m.id, aadObjectId: m.aadObjectId! }));
  void openPersonalChats(partnershipId, teamReferenceOf(context), activityFacts(context).tenantId, members, services);
}
