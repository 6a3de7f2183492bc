import type { TurnContext } from 'botbuilder';

/** The facts about an incoming activity the handlers need, read in one place. */
export interface ActivityFacts {
  /**
   * The tenant the conversation belongs to: the host organisation's, also for a guest (whose account
   * lives in the host tenant) and for an external member of a shared channel. Teams documents
   * `conversation.tenantId` as the host tenant; older payloads give only `channelData.tenant`.
   */
  readonly tenantId?: string;
  /**
   * The sender's own tenant, when the activity names one other than the conversation's: an external
   * member of a shared channel (Teams Connect), who stays in their organisation's tenant.
   */
  readonly homeTenantId?: string;
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
  const hostTenantId = activity.conversation?.tenantId || channelData.tenant?.id || undefined;
  const senderTenants = [channelData.tenant?.id, (activity.from as { tenantId?: string } | undefined)?.tenantId];
  const homeTenantId = senderTenants.find((tenant) => tenant && tenant !== hostTenantId);
  return {
    ...(hostTenantId ? { tenantId: hostTenantId } : {}),
    ...(homeTenantId ? { homeTenantId } : {}),
    aadObjectId: activity.from?.aadObjectId,
    userId: activity.from?.id,
    userName: activity.from?.name,
    conversationType: activity.conversation?.conversationType,
    text: (activity.text ?? '').trim(),
  };
}

/**
 * Whether an activity may be answered: its conversation is in one of the allowed (host) tenants, and
 * its sender, if from another tenant, is in an allowed or partner tenant. An empty allow-list (local
 * runs) lets everything through.
 */
export function tenantAllowed(facts: Pick<ActivityFacts, 'tenantId' | 'homeTenantId'>, allowedTenantIds: readonly string[], partnerTenantIds: readonly string[]): boolean {
  if (allowedTenantIds.length === 0) return true;
  if (!facts.tenantId || !allowedTenantIds.includes(facts.tenantId)) return false;
  return !facts.homeTenantId || allowedTenantIds.includes(facts.homeTenantId) || partnerTenantIds.includes(facts.homeTenantId);
}
