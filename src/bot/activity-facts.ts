import type { TurnContext } from 'botbuilder';

/** The facts about an incoming activity the handlers need, read in one place. */
export interface ActivityFacts {
  readonly tenantId?: string;
  readonly aadObjectId?: string;
  /** The Teams user id (`29:...`, the MRI): what a card's `refresh.userIds` names. */
  readonly userId?: string;
  readonly userName?: string;
  readonly conversationType?: string;
  readonly text: string;
}

export function activityFacts(context: TurnContext): ActivityFacts {
  const activity = context.activity;
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    tenantId: channelData.tenant?.id ?? activity.conversation?.tenantId,
    aadObjectId: activity.from?.aadObjectId,
    userId: activity.from?.id,
    userName: activity.from?.name,
    conversationType: activity.conversation?.conversationType,
    text: (activity.text ?? '').trim(),
  };
}
