import type { Action } from '../../../../src/domain/actions/action';
import type { Actor, Member } from '../../../../src/domain/partnership/member';
import type { Organisation } from '../../../../src/domain/partnership/organisation';
import { MemoryActionRepository } from '../../../../src/storage/memory/memory-action-repository';
import { MemoryMemberRepository } from '../../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { MemoryChannelRepository, MemoryUpdateRoundRepository } from '../../../../src/storage/memory/memory-round-and-channel-repositories';

/**
 * A small partnership for the services' own tests: the police's lead has a 1:1 chat with the bot,
 * health's lead has not, and the schools have no lead at all.
 */
export const P = 'warwickshire';
export const NOW = new Date('2026-12-03T10:00:00Z');
const author = { id: 'test', name: 'test' };

export const officer: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' };
export const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
export const policeLead: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };
export const healthLead: Actor = { aadObjectId: 'aad-health', name: 'Hana Health', role: 'partner-lead', organisationId: 'health' };
export const staff: Actor = { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' };

export const ORGANISATIONS: Organisation[] = [
  { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: [] },
  { id: 'police', name: 'Warwickshire Police', sector: 'police', aliases: [], preventLeadId: 'aad-police' },
  { id: 'health', name: 'South Warwickshire NHS', sector: 'health-social-care', aliases: [] },
  { id: 'schools', name: 'Rugby Schools', sector: 'education-childcare', aliases: [] },
];

export const POLICE_CHAT = JSON.stringify({ conversation: { id: 'chat-police' } });
export const CHANNEL = JSON.stringify({ conversation: { id: 'channel-steering' } });

function action(id: string, ownerOrganisationIds: string[]): Action {
  return {
    id,
    themeNumber: Number(id.split('.')[0]),
    themeTitle: 'Leadership',
    text: `Action ${id}`,
    who: '',
    ownerOrganisationIds,
    timescale: '',
    recurring: false,
    outcomes: '',
    notes: '',
    flags: [],
  };
}

export async function world() {
  const organisations = new MemoryOrganisationRepository();
  for (const organisation of ORGANISATIONS) await organisations.save(P, organisation, author);
  const members = new MemoryMemberRepository();
  for (const actor of [officer, chair, policeLead, healthLead]) await members.save(P, actor as Member, author);
  await members.saveConversationReference(P, policeLead.aadObjectId, POLICE_CHAT);
  const actions = new MemoryActionRepository();
  await actions.savePlan(P, [action('1.1', ['police']), action('1.2', ['health']), action('2.1', ['schools', 'police'])], author);
  const channels = new MemoryChannelRepository();
  const pinChannel = () =>
    channels.save(P, {
      reference: CHANNEL,
      teamId: 'team-1',
      name: 'Steering Group',
      pinnedBy: { aadObjectId: officer.aadObjectId, name: officer.name },
      pinnedAt: NOW.toISOString(),
    });
  return { organisations, members, actions, channels, rounds: new MemoryUpdateRoundRepository(), pinChannel };
}
