import { createDomainServices, type ServiceRepositories } from '../../composition/create-services';
import { roundIdFor } from '../../domain/assessment/assessment-service';
import { getFramework, type FrameworkRegistry } from '../../domain/assessment/framework-catalogue';
import { InvalidError } from '../../domain/errors';
import { meetingIdFor } from '../../domain/meetings/meeting-time';
import { DEMO_SEED_ACTOR, planDemoHistory, type DemoEvent } from './demo-history-plan';

export type DemoHistoryOutcome = 'created' | 'kept';

export interface DemoHistoryResult {
  readonly history: DemoHistoryOutcome;
  /** How many of each kind of event were written (all zero when the history was kept). */
  readonly written: Readonly<Record<DemoEvent['kind'], number>>;
}

/** True once anyone (the demo seed or a person trying the demo) has recorded anything. */
async function hasHistory(repositories: ServiceRepositories, partnershipId: string): Promise<boolean> {
  const [rounds, meetings, actions] = await Promise.all([
    repositories.assessments.listRounds(partnershipId),
    repositories.meetings.list(partnershipId),
    repositories.actions.list(partnershipId),
  ]);
  return rounds.length > 0 || meetings.length > 0 || actions.some((record) => record.progress !== undefined);
}

/**
 * Gives the demo partnership a plausible recent past (see planDemoHistory), written through the
 * same services the bot uses, with their clock set to each event's time: every write is checked,
 * screened and audited as if the person named had made it that day. Run only when the partnership
 * has no history at all, so a restart, or a partnership someone has been using, is left alone.
 * Call after seedDemo has loaded the organisations, members and plan.
 */
export async function seedDemoHistory(
  repositories: ServiceRepositories,
  options: { readonly partnershipId: string; readonly now: Date; readonly frameworks: FrameworkRegistry },
): Promise<DemoHistoryResult> {
  const written: Record<DemoEvent['kind'], number> = { update: 0, 'start-round': 0, return: 0, 'schedule-meeting': 0, reply: 0, decision: 0 };
  const { partnershipId } = options;
  if (await hasHistory(repositories, partnershipId)) return { history: 'kept', written };

  const partnership = await repositories.partnerships.get(partnershipId);
  if (!partnership) throw new InvalidError(`the demo partnership "${partnershipId}" is not seeded yet`);
  const [plan, organisations, members] = await Promise.all([
    repositories.actions.list(partnershipId),
    repositories.organisations.list(partnershipId),
    repositories.members.list(partnershipId),
  ]);
  const framework = getFramework(options.frameworks, partnership.frameworkId);
  const events = planDemoHistory({ now: options.now, plan: plan.map((r) => r.action), organisations, members, framework });

  let clock = options.now;
  const services = createDomainServices(repositories, { defaultPartnershipId: partnershipId, frameworks: options.frameworks, now: () => clock });
  const roundIds = new Map<string, string>();
  for (const event of events) {
    clock = event.at;
    await apply(event);
    written[event.kind] += 1;
  }
  return { history: 'created', written };

  async function apply(event: DemoEvent): Promise<void> {
    switch (event.kind) {
      case 'update': {
        const record = await services.actions.get(partnershipId, event.actionId);
        await services.actions.submit(partnershipId, event.actor, {
          actionId: event.actionId,
          status: event.status,
          progressNote: event.note,
          ...(event.revisedDate ? { revisedDate: event.revisedDate } : {}),
          nonce: event.nonce,
          etag: record.etag,
        });
        return;
      }
      case 'start-round': {
        const round = await services.assessments.startRound(partnershipId, DEMO_SEED_ACTOR, { name: event.name, frameworkId: framework.id, closesOn: event.closesOn });
        roundIds.set(event.name, round.id);
        return;
      }
      case 'return': {
        const roundId = roundIds.get(event.roundName) ?? roundIdFor(event.roundName);
        let etag: string | undefined;
        for (const section of framework.sections) {
          const ids = new Set(section.items.map((i) => i.id));
          const saved = await services.assessments.savePage(partnershipId, event.actor, {
            roundId,
            organisationId: event.organisationId,
            sectionNumber: section.number,
            ratings: event.ratings.filter((r) => ids.has(r.itemId)),
            nonce: `${event.nonce}-${section.number}`,
            ...(etag ? { etag } : {}),
          });
          etag = saved.record.etag;
        }
        await services.assessments.submit(partnershipId, event.actor, { roundId, organisationId: event.organisationId, nonce: `${event.nonce}-submit`, ...(etag ? { etag } : {}) });
        return;
      }
      case 'schedule-meeting':
        await services.meetings.schedule(partnershipId, DEMO_SEED_ACTOR, event.startsAt, event.location);
        return;
      case 'reply':
        await services.meetings.reply(partnershipId, event.actor, meetingIdFor(event.meetingStartsAt), event.status);
        return;
      case 'decision':
        await services.meetings.recordDecision(partnershipId, DEMO_SEED_ACTOR, meetingIdFor(event.meetingStartsAt), { itemId: event.itemId, text: event.text });
        return;
    }
  }
}
