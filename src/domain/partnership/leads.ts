import type { Member } from './member';
import type { Organisation } from './organisation';

/** Who answers for an organisation: its named Prevent lead and its partner leads. */
export function leadsOf(organisation: Organisation, members: readonly Member[]): Member[] {
  return members.filter((m) => m.aadObjectId === organisation.preventLeadId || (m.role === 'partner-lead' && m.organisationId === organisation.id));
}
