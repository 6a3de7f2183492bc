import type { Role } from '../partnership/member';
import { capabilitiesFor } from './capabilities';
import type { IntentId } from './intents';

/**
 * The same words mean different things to different people. "Updates" from the Prevent Officer is
 * a request to every partner; from a partner lead it is the updates they owe. Where a role cannot
 * use what the words most often mean, this is what they mean from that role instead. Commands
 * that simply are not theirs ("board report" from staff) are left alone: the refusal says who can.
 */
const MEANING_FOR_ROLE: Partial<Record<IntentId, Partial<Record<Role, IntentId>>>> = {
  'request-updates': { 'partner-lead': 'my-actions' },
  'start-self-assessment': { 'partner-lead': 'self-assessment' },
  // The chair does not rate; "self-assessment" from the chair is about the results.
  'self-assessment': { chair: 'compliance-summary' },
};

/**
 * Readings the classifier makes that mean something else from this role. Staff have no board
 * report: a guess of "report" from them ("I need to report something") is about a concern. A
 * command typed exactly ("board report") is still answered as itself, with the refusal.
 */
const GUESS_FOR_ROLE: Partial<Record<IntentId, Partial<Record<Role, IntentId>>>> = {
  report: { staff: 'referral' },
};

/** What a guess of the classifier means from this person. */
export function guessedMeaningFor(intent: IntentId, role: Role): IntentId {
  return GUESS_FOR_ROLE[intent]?.[role] ?? meaningFor(intent, role);
}

/** Intents anyone may use that are not offered on the help card. */
const ALWAYS_OPEN: readonly IntentId[] = ['thanks'];

/** What the words mean from this person. */
export function meaningFor(intent: IntentId, role: Role): IntentId {
  return MEANING_FOR_ROLE[intent]?.[role] ?? intent;
}

/** Whether the help card offers this intent to the role (the command itself checks again). */
export function isOpenTo(intent: IntentId, role: Role): boolean {
  return ALWAYS_OPEN.includes(intent) || capabilitiesFor(role).some((capability) => capability.intent === intent);
}
