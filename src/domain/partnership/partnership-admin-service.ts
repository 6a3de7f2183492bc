import { authorise, isAllowed } from '../authorisation';
import { InvalidError } from '../errors';
import type { MeetingService } from '../meetings/meeting-service';
import type { ChannelRepository } from '../ports';
import type { Actor, Member, MemberAccess } from './member';
import type { MemberChange, MembershipService, NewOrganisation } from './membership-service';
import type { Organisation } from './organisation';
import { channelStatus, isPinned, type ChannelStatus } from './partnership-channel';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Someone the Prevent Officer can choose from. */
export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
  /** A guest account, or an external member of a shared channel (another organisation's tenant). */
  readonly access?: MemberAccess;
}

/** Reads the partnership team's roster from Teams; only asked once the actor may manage members. */
export type TeamRoster = (teamId: string) => Promise<readonly Person[]>;

/** Everything the partnership card shows. */
export interface PartnershipOverview {
  readonly organisations: Organisation[];
  readonly members: Member[];
  readonly attendance: { meetings: number; byOrganisation: ReadonlyMap<string, { attended: number; apologies: number }> };
  readonly channel: ChannelStatus;
  readonly canEdit: boolean;
}

/** The member form's choices: the team's roster and existing members, and whether the team is known at all. */
export interface MemberChoices {
  readonly people: readonly Person[];
  readonly organisations: readonly Organisation[];
  readonly teamKnown: boolean;
}

export type MemberSaveOutcome =
  | { readonly kind: 'saved'; readonly member: Member; readonly organisation?: Organisation; readonly overview: PartnershipOverview }
  /** Not saved: the form comes back with a line per problem. */
  | { readonly kind: 'not-saved'; readonly problems: readonly string[]; readonly choices: MemberChoices };

function problemLines(error: InvalidError): string[] {
  return [error.message, ...error.details.map((d) => d.replace(/^[^:]+: /, ''))];
}

/**
 * The partnership card and the Prevent Officer's forms for members and organisations: each use case
 * authorises, reads what its card shows and returns it, so the bot only renders.
 */
export class PartnershipAdminService {
  constructor(
    private readonly membership: MembershipService,
    private readonly channels: ChannelRepository,
    private readonly meetings: Pick<MeetingService, 'attendanceSince'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async overview(partnershipId: string, actor: Actor): Promise<PartnershipOverview> {
    const { organisations, members } = await this.membership.overview(partnershipId, actor);
    const [attendance, channel] = await Promise.all([
      this.meetings.attendanceSince(partnershipId, new Date(this.now().getTime() - YEAR_MS).toISOString()),
      this.channels.get(partnershipId),
    ]);
    return { organisations, members, attendance, channel: channelStatus(channel), canEdit: isAllowed(actor, 'manage-members') };
  }

  /** The member form (Prevent Officer only). */
  async memberChoices(partnershipId: string, actor: Actor, roster: TeamRoster): Promise<MemberChoices> {
    authorise(actor, 'manage-members');
    return this.choices(partnershipId, actor, roster);
  }

  /** Saves a member chosen from the form; someone not among the choices is refused, and the form comes back. */
  async saveMember(partnershipId: string, actor: Actor, change: Omit<MemberChange, 'name'>, roster: TeamRoster): Promise<MemberSaveOutcome> {
    // The list is the partnership's to see before it is anyone's to change: the refusal says which.
    authorise(actor, 'view-partnership');
    authorise(actor, 'manage-members');
    const choices = await this.choices(partnershipId, actor, roster);
    const person = choices.people.find((p) => p.aadObjectId === change.aadObjectId);
    try {
      if (!person) throw new InvalidError('That person is not in the partnership team.', ['aadObjectId: choose someone from the list']);
      const saved = await this.membership.saveMember(partnershipId, actor, { ...change, name: person.name, ...(person.access ? { access: person.access } : {}) });
      return { kind: 'saved', ...saved, overview: await this.overview(partnershipId, actor) };
    } catch (error) {
      if (!(error instanceof InvalidError)) throw error;
      return { kind: 'not-saved', problems: problemLines(error), choices };
    }
  }

  /** The organisation form, and the checks before it comes back with problems (Prevent Officer only). */
  mayEditOrganisations(actor: Actor): void {
    authorise(actor, 'manage-members');
  }

  /** The organisations to choose one to change from (Prevent Officer only). */
  async organisationChoices(partnershipId: string, actor: Actor): Promise<Organisation[]> {
    authorise(actor, 'manage-members');
    return (await this.membership.overview(partnershipId, actor)).organisations;
  }

  /** Adds an organisation, or changes the one the form was opened for; then the partnership card to show. */
  async saveOrganisation(
    partnershipId: string,
    actor: Actor,
    input: NewOrganisation & { organisationId?: string },
  ): Promise<{ organisation: Organisation; added: boolean; overview: PartnershipOverview }> {
    const organisation = input.organisationId
      ? await this.membership.changeOrganisation(partnershipId, actor, input.organisationId, input)
      : await this.membership.addOrganisation(partnershipId, actor, input);
    return { organisation, added: !input.organisationId, overview: await this.overview(partnershipId, actor) };
  }

  /** The team's roster (when the bot knows the team) and existing members, by name. */
  private async choices(partnershipId: string, actor: Actor, roster: TeamRoster): Promise<MemberChoices> {
    const [channel, { organisations, members }] = await Promise.all([this.channels.get(partnershipId), this.membership.overview(partnershipId, actor)]);
    const teamId = isPinned(channel) ? channel.teamId : undefined;
    const people = new Map<string, Person>();
    if (teamId) for (const person of await roster(teamId)) people.set(person.aadObjectId, person);
    for (const member of members) {
      if (!people.has(member.aadObjectId))
        people.set(member.aadObjectId, { aadObjectId: member.aadObjectId, name: member.name, ...(member.access ? { access: member.access } : {}) });
    }
    return {
      people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
      organisations,
      teamKnown: Boolean(teamId),
    };
  }
}
