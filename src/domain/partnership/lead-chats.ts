import type { MemberRepository } from '../ports';
import type { Member } from './member';
import type { Organisation } from './organisation';

/** A lead with their 1:1 chat, when the bot has one: without it they cannot be asked at all. */
export type ReachableLead = Member & { readonly reference?: string };

/** An organisation and the leads to ask on its behalf. */
export interface LeadsToAsk {
  readonly organisation: Organisation;
  readonly recipients: readonly ReachableLead[];
}

/**
 * Adds each lead's 1:1 chat, read side by side, so the bot can address its messages without
 * reading storage itself.
 */
export async function withPersonalChats<T extends { readonly recipients: readonly Member[] }>(
  members: MemberRepository,
  partnershipId: string,
  targets: readonly T[],
): Promise<(Omit<T, 'recipients'> & { readonly recipients: readonly ReachableLead[] })[]> {
  return Promise.all(
    targets.map(async (target) => ({
      ...target,
      recipients: await Promise.all(
        target.recipients.map(async (recipient) => {
          const reference = await members.getConversationReference(partnershipId, recipient.aadObjectId);
          return reference ? { ...recipient, reference } : recipient;
        }),
      ),
    })),
  );
}
