import { TeamsInfo, type TurnContext } from 'botbuilder';
import {
  memberFormCard,
  organisationFormCard,
  type PartnershipPageSubmit,
  organisationPickCard,
  partnershipOverviewCard,
  ROLE_LABELS,
  type MemberSaveSubmit,
  type OrganisationSaveSubmit,
} from '../../cards/partnership-cards';
import type { MemberChoices, PartnershipOverview, Person, TeamRoster } from '../../domain/partnership/partnership-admin-service';
import type { BotServices, TurnHandler } from '../bot-services';
import { activityFacts } from '../activity-facts';
import { rosterAccess } from '../roster-access';
import { replaceCard, sendCard } from '../send-card';

/** The partnership team's roster, read from Teams; a roster that cannot be read leaves only existing members to choose from. */
function teamRoster(context: TurnContext, services: BotServices): TeamRoster {
  const hostTenantId = activityFacts(context).tenantId;
  return async (teamId) => {
    const people: Person[] = [];
    try {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, continuationToken);
        for (const member of page.members) {
          if (!member.aadObjectId) continue;
          const access = rosterAccess(member, hostTenantId);
          people.push({ aadObjectId: member.aadObjectId, name: member.name, ...(access ? { access } : {}) });
        }
        continuationToken = page.continuationToken;
      } while (continuationToken);
    } catch (error) {
      services.logger.warn({ err: error, teamId }, 'could not read the partnership team roster');
    }
    return people;
  };
}

function overviewCard(overview: PartnershipOverview, notice?: string, page = 1) {
  return partnershipOverviewCard({ ...overview, ...(notice ? { notice } : {}) }, page);
}

function memberForm({ people, organisations, teamKnown }: MemberChoices, problems: readonly string[] = []) {
  return memberFormCard({
    people,
    organisations,
    problems,
    intro: teamKnown
      ? 'Choose someone from the partnership team and give them a role. Partner leads answer update requests for their organisation.'
      : 'The bot has not been added to the partnership team yet, so only existing members are listed. Add the bot to the team to choose from everyone in it.',
  });
}

export const showPartnership: TurnHandler = async (context, turn, services) => {
  await sendCard(context, overviewCard(await services.partnershipAdmin.overview(turn.partnershipId, turn.actor)));
};

/** Next/Previous on the overview: the page asked for, in place of the card. */
export function showPartnershipPage(submit: PartnershipPageSubmit): TurnHandler {
  return async (context, turn, services) => {
    await replaceCard(context, overviewCard(await services.partnershipAdmin.overview(turn.partnershipId, turn.actor), undefined, submit.page));
  };
}

export const openMemberForm: TurnHandler = async (context, turn, services) => {
  await sendCard(context, memberForm(await services.partnershipAdmin.memberChoices(turn.partnershipId, turn.actor, teamRoster(context, services))));
};

export const openOrganisationForm: TurnHandler = async (context, turn, services) => {
  services.partnershipAdmin.mayEditOrganisations(turn.actor);
  await sendCard(context, organisationFormCard());
};

export function saveMember(submit: MemberSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const outcome = await services.partnershipAdmin.saveMember(turn.partnershipId, turn.actor, submit, teamRoster(context, services));
    if (outcome.kind === 'not-saved') {
      await replaceCard(context, memberForm(outcome.choices, outcome.problems));
      return;
    }
    const { member, organisation } = outcome;
    const notice = `Saved: ${member.name} is ${ROLE_LABELS[member.role]}${organisation ? ` and the named Prevent lead of ${organisation.name}` : ''}.`;
    await replaceCard(context, overviewCard(outcome.overview, notice));
  };
}

export function returnMemberFormWithProblems(problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    const choices = await services.partnershipAdmin.memberChoices(turn.partnershipId, turn.actor, teamRoster(context, services));
    await replaceCard(
      context,
      memberForm(
        choices,
        problems.map((p) => p.replace(/^[^:]+: /, '')),
      ),
    );
  };
}

export const openOrganisationPick: TurnHandler = async (context, turn, services) => {
  await sendCard(context, organisationPickCard(await services.partnershipAdmin.organisationChoices(turn.partnershipId, turn.actor)));
};

export function editOrganisation(organisationId: string): TurnHandler {
  return async (context, turn, services) => {
    const organisation = await services.membership.organisation(turn.partnershipId, turn.actor, organisationId);
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
    const { organisation, added, overview } = await services.partnershipAdmin.saveOrganisation(turn.partnershipId, turn.actor, submit);
    await replaceCard(context, overviewCard(overview, added ? `Added ${organisation.name}.` : `Saved ${organisation.name}.`));
  };
}

export function returnOrganisationFormWithProblems(values: Record<string, unknown>, problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    services.partnershipAdmin.mayEditOrganisations(turn.actor);
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
