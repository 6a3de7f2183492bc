import { authorise } from '../authorisation';
import { ConflictError, InvalidError } from '../errors';
import type { ChangeAuthor, MemberRepository, OrganisationRepository } from '../ports';
import { SYSTEM_ACTOR } from '../audit/audit-recorder';
import type { Actor, Member, MemberAccess, Role } from './member';
import type { Organisation, Sector } from './organisation';

export interface MemberChange {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationId?: string;
  /** Make them their organisation's named Prevent lead (seed action 2.1). */
  readonly preventLead: boolean;
  /** A guest or external member, as the team's roster shows them. */
  readonly access?: MemberAccess;
}

/** Someone in the partnership team's roster, as Teams shows them. */
export interface RosterPerson {
  readonly aadObjectId: string;
  readonly access?: MemberAccess;
}

export interface NewOrganisation {
  readonly name: string;
  readonly sector: Sector;
  readonly aliases: readonly string[];
}

/** A lower-case id from a name: "Rugby Borough Council" -> "rugby-borough-council". */
export function organisationIdFor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** The Prevent Officer keeps the list of organisations, their Prevent leads and members' roles. */
export class MembershipService {
  constructor(
    private readonly members: MemberRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  async overview(partnershipId: string, actor: Actor): Promise<{ organisations: Organisation[]; members: Member[] }> {
    authorise(actor, 'view-partnership');
    const [organisations, members] = await Promise.all([this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    return { organisations, members: members.filter((m) => m.role !== 'staff') };
  }

  async saveMember(partnershipId: string, actor: Actor, change: MemberChange): Promise<{ member: Member; organisation?: Organisation }> {
    authorise(actor, 'manage-members');
    const organisations = await this.organisations.list(partnershipId);
    const organisation = change.organisationId ? organisations.find((o) => o.id === change.organisationId) : undefined;
    if (change.organisationId && !organisation) throw new InvalidError('That organisation is not in the partnership.', [`organisationId: ${change.organisationId}`]);
    if (change.role === 'partner-lead' && !organisation)
      throw new InvalidError('A partner lead must belong to an organisation.', ['organisationId: choose the organisation they lead for']);
    if (change.preventLead && !organisation) throw new InvalidError('A Prevent lead must belong to an organisation.', ['organisationId: choose the organisation']);

    const author: ChangeAuthor = { id: actor.aadObjectId, name: actor.name };
    const member: Member = {
      aadObjectId: change.aadObjectId,
      name: change.name,
      role: change.role,
      ...(organisation ? { organisationId: organisation.id } : {}),
      ...(change.access ? { access: change.access } : {}),
    };
    await this.members.save(partnershipId, member, author);

    // Someone is the named lead of at most one organisation, and only while they belong to it.
    let updatedOrganisation: Organisation | undefined;
    for (const candidate of organisations) {
      const shouldLead = change.preventLead && candidate.id === organisation?.id;
      const leads = candidate.preventLeadId === change.aadObjectId;
      if (shouldLead && !leads) {
        updatedOrganisation = { ...candidate, preventLeadId: change.aadObjectId };
        await this.organisations.save(partnershipId, updatedOrganisation, author);
      } else if (!shouldLead && leads) {
        const { preventLeadId: _dropped, ...withoutLead } = candidate;
        await this.organisations.save(partnershipId, withoutLead, author);
      }
    }
    return { member, ...(updatedOrganisation ? { organisation: updatedOrganisation } : {}) };
  }

  /**
   * Keeps registered members' guest or external mark as the team's roster shows it, whenever the bot
   * reads the roster. Teams' fact, not anyone's decision: no permission, saved (and audited) as the bot's.
   * Returns the members whose mark changed.
   */
  async recordAccess(partnershipId: string, roster: readonly RosterPerson[]): Promise<Member[]> {
    const changed: Member[] = [];
    for (const person of roster) {
      const member = await this.members.get(partnershipId, person.aadObjectId);
      if (!member || member.access === person.access) continue;
      const { access: _old, ...rest } = member;
      const updated: Member = { ...rest, ...(person.access ? { access: person.access } : {}) };
      await this.members.save(partnershipId, updated, { id: SYSTEM_ACTOR, name: 'Prevent Partnership Bot' });
      changed.push(updated);
    }
    return changed;
  }

  async addOrganisation(partnershipId: string, actor: Actor, input: NewOrganisation): Promise<Organisation> {
    authorise(actor, 'manage-members');
    const id = organisationIdFor(input.name);
    if (id.length < 2) throw new InvalidError('Give the organisation a name of at least two letters.', ['name']);
    if (await this.organisations.get(partnershipId, id)) throw new ConflictError(`${input.name} is already in the partnership.`);
    const organisation: Organisation = { id, name: input.name, sector: input.sector, aliases: [...input.aliases] };
    await this.organisations.save(partnershipId, organisation, { id: actor.aadObjectId, name: actor.name });
    return organisation;
  }

  /** Renames an organisation or changes its sector or aliases; its id and Prevent lead stay. */
  async changeOrganisation(partnershipId: string, actor: Actor, organisationId: string, input: NewOrganisation): Promise<Organisation> {
    authorise(actor, 'manage-members');
    const existing = await this.organisations.get(partnershipId, organisationId);
    if (!existing) throw new InvalidError('That organisation is not in the partnership.', [`organisationId: ${organisationId}`]);
    const changed: Organisation = { ...existing, name: input.name, sector: input.sector, aliases: [...input.aliases] };
    await this.organisations.save(partnershipId, changed, { id: actor.aadObjectId, name: actor.name });
    return changed;
  }

  async organisation(partnershipId: string, actor: Actor, organisationId: string): Promise<Organisation> {
    authorise(actor, 'manage-members');
    const existing = await this.organisations.get(partnershipId, organisationId);
    if (!existing) throw new InvalidError('That organisation is not in the partnership.', [`organisationId: ${organisationId}`]);
    return existing;
  }
}
