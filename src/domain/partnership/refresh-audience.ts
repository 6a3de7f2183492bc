import { isAllowed, ownOrganisation } from '../authorisation';
import type { Member } from './member';

/**
 * Teams refreshes a card by itself (its `refresh.userIds`) for at most 60 people; everyone else
 * sees the card as posted and presses "Show my view" for their own.
 */
export const TEAMS_AUTOMATIC_REFRESH_LIMIT = 60;

/**
 * Whom a channel card with views per person refreshes for by itself, most needed first: those who
 * run the Steering Group (the forms are theirs), then those who answer for an organisation (their
 * own replies and lines). Nobody else: staff see the card as posted.
 */
export function refreshAudience(members: readonly Member[], limit = TEAMS_AUTOMATIC_REFRESH_LIMIT): string[] {
  const rank = (member: Member) => (isAllowed(member, 'edit-agenda') ? 0 : isAllowed(member, 'reply-to-agenda', ownOrganisation(member)) ? 1 : 2);
  return members
    .filter((member) => rank(member) < 2)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.aadObjectId.localeCompare(b.aadObjectId))
    .slice(0, limit)
    .map((member) => member.aadObjectId);
}
