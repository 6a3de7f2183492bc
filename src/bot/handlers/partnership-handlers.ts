import { TeamsInfo, type TurnContext } from 'botbuilder';
import {
  memberFormCard,
  organisationFormCard,
  organisationPickCard,
  partnershipOverviewCard,
  ROLE_LABELS,
  type MemberSaveSubmit,
  type OrganisationSaveSubmit,
} from '../../cards/partnership-cards';
import { authorise, isAllowed } from '../../domain/authorisation';
import { InvalidError } from '../../domain/errors';
import type { Actor } from '../../domain/partnership/member';
import type { BotServices, TurnHandler } from '../bot-services';
import { replaceCard, sendCard } from '../send-card';

/** Everyone the Prevent Officer can choose from: the partnership team's roster and existing members. */
async function partnershipPeople(context: TurnContext, services: BotServices, partnershipId: string, actor: Actor) {
  const people = new Map<string, string>();
  const teamId = await services.directory.teamId(partnershipId);
  if (teamId) {
    try {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, continuationToken);
        for (const member of page.members) if (member.aadObjectId) people.set(member.aadObjectId, member.name);
        continuationToken = page.continuationToken;
      } while (continuationToken);
    } catch (error) {
      services.logger.warn({ err: error, teamId }, 'could not read the partnership team roster');
    }
  }
  const { members } = await services.membership.overview(partnershipId, actor);
  for (const member of members) if (!people.has(member.aadObjectId)) people.set(member.aadObjectId, member.name);
  return { teamKnown: Boolean(teamId), people: [...people].map(([aadObjectId, name]) => ({ aadObjectId, name })).sort((a, b) => a.name.localeCompare(b.name)) };
}

async function overviewCard(services: BotServices, partnershipId: string, actor: Actor, notice?: string) {
  const { organisations, members } = await services.membership.overview(partnershipId, actor);
  const yearAgo = new Date(services.now().getTime() - 365 * 24 * 3600 * 1000).toISOString();
  const attendance = await services.meetings.attendanceSince(partnershipId, yearAgo);
  const channel = await services.directory.channelStatus(partnershipId);
  return partnershipOverviewCard({ organisations, members, attendance, channel, canEdit: isAllowed(actor, 'manage-members'), ...(notice ? { notice } : {}) });
}

export const showPartnership: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  await sendCard(context, await overviewCard(services, partnershipId, actor));
};

async function memberForm(context: TurnContext, services: BotServices, partnershipId: string, actor: Actor, problems: string[] = []) {
  authorise(actor, 'manage-members');
  const [{ people, teamKnown }, { organisations }] = await Promise.all([
    partnershipPeople(context, services, partnershipId, actor),
    services.membership.overview(partnershipId, actor),
  ]);
  return memberFormCard({
    people,
    organisations,
    problems,
    intro: teamKnown
      ? 'Choose someone from the partnership team and give them a role. Partner leads answer update requests for their organisation.'
      : 'The bot has not been added to the partnership team yet, so only existing members are listed. Add the bot to the team to choose from everyone in it.',
  });
}

export const openMemberForm: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  await sendCard(context, await memberForm(context, services, partnershipId, actor));
};

export const openOrganisationForm: TurnHandler = async (context, turn) => {
  const { actor } = turn;
  authorise(actor, 'manage-members');
  await sendCard(context, organisationFormCard());
};

export function saveMember(submit: MemberSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const { people } = await partnershipPeople(context, services, partnershipId, actor);
    const person = people.find((p) => p.aadObjectId === submit.aadObjectId);
    try {
      if (!person) throw new InvalidError('That person is not in the partnership team.', ['aadObjectId: choose someone from the list']);
      const { member, organisation } = await services.membership.saveMember(partnershipId, actor, { ...submit, name: person.name });
      const notice = `Saved: ${member.name} is ${ROLE_LABELS[member.role]}${organisation ? ` and the named Prevent lead of ${organisation.name}` : ''}.`;
      await replaceCard(context, await overviewCard(services, partnershipId, actor, notice));
    } catch (error) {
      if (!(error instanceof InvalidError)) throw error;
      await replaceCard(context, await memberForm(context, services, partnershipId, actor, [error.message, ...error.details.map((d) => d.replace(/^[^:]+: /, ''))]));
    }
  };
}

export function returnMemberFormWithProblems(problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    await replaceCard(context, await memberForm(context, services, partnershipId, actor, problems.map((p) => p.replace(/^[^:]+: /, ''))));
  };
}

export const openOrganisationPick: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  authorise(actor, 'manage-members');
  const { organisations } = await services.membership.overview(partnershipId, actor);
  await sendCard(context, organisationPickCard(organisations));
};

export function editOrganisation(organisationId: string): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const organisation = await services.membership.organisation(partnershipId, actor, organisationId);
    await replaceCard(
      context,
      organisationFormCard({
        organisationId: organisation.id,
        values: { name: organisation.name, sector: organisation.sector, aliases: organisation.aliases.join(', ') },
      }),
    );
  };
}

export function saveOrganisation(submit: OrganisationSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const organisation = submit.organisationId
      ? await services.membership.changeOrganisation(partnershipId, actor, submit.organisationId, submit)
      : await services.membership.addOrganisation(partnershipId, actor, submit);
    const notice = submit.organisationId ? `Saved ${organisation.name}.` : `Added ${organisation.name}.`;
    await replaceCard(context, await overviewCard(services, partnershipId, actor, notice));
  };
}

export function returnOrganisationFormWithProblems(values: Record<string, unknown>, problems: string[]): TurnHandler {
  return async (context, turn) => {
    const { actor } = turn;
    authorise(actor, 'manage-members');
    const text = (key: string) => (typeof values[key] === 'string' ? String(values[key]).slice(0, 500) : '');
    const organisationId = text('organisationId');
    await replaceCard(
      context,
      organisationFormCard({
        problems: problems.map((p) => p.replace(/^[^:]+: /, '')),
        values: { name: text('name'), sector: text('sector'), aliases: text('aliases') },
        ...(organisationId ? { organisationId } : {}),
      }),
    );
  };
}
