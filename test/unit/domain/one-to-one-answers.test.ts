import { CAPABILITIES, capabilitiesFor, conversationOf, isAnsweredOneToOne } from '../../../src/domain/language/capabilities';
import type { IntentId } from '../../../src/domain/language/intents';

/** Answers everyone in a channel may see: guidance for any member of staff, the agenda, and how to ask. */
const ANSWERED_WHERE_ASKED: readonly IntentId[] = ['referral', 'training', 'agenda', 'help', 'use-this-channel', 'thanks'];

describe('answers for the asker only', () => {
  it('include everything only some roles may use: reports, summaries, self-assessment, actions, members, forms', () => {
    const forSomeRoles = CAPABILITIES.filter((c) => c.roles !== undefined && c.intent !== 'use-this-channel').map((c) => c.intent);
    expect(forSomeRoles.filter((intent) => !isAnsweredOneToOne(intent))).toEqual([]);
    for (const intent of ['report', 'compliance-summary', 'self-assessment', 'partnership', 'not-replied'] as const) expect(isAnsweredOneToOne(intent)).toBe(true);
  });

  it('leave the public answers to be given where they are asked', () => {
    expect(ANSWERED_WHERE_ASKED.filter(isAnsweredOneToOne)).toEqual([]);
  });

  it('are not offered in a channel or group chat, whatever the role', () => {
    expect(
      capabilitiesFor('prevent-officer', 'shared')
        .map((c) => c.intent)
        .sort(),
    ).toEqual(['agenda', 'help', 'referral', 'training', 'use-this-channel']);
    expect(capabilitiesFor('prevent-officer', 'personal').some((c) => c.intent === 'report')).toBe(true);
  });

  it('count only the 1:1 chat as private: channels and group chats are read by others', () => {
    expect(conversationOf('personal')).toBe('personal');
    expect(conversationOf('channel')).toBe('shared');
    expect(conversationOf('groupChat')).toBe('shared');
    expect(conversationOf(undefined)).toBe('shared');
  });
});
