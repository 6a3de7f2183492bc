import { TestAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import { createApplication } from '../../src/bot/create-bot';
import { createServices } from '../../src/composition/create-services';
import type { BotServices } from '../../src/bot/bot-services';
import { MemoryMeetingRepository } from '../../src/storage/memory/memory-meeting-repository';
import { loadFrameworks } from '../../src/storage/files/framework-files';
import { MemoryAssessmentRepository } from '../../src/storage/memory/memory-assessment-repository';
import { MemoryAssuranceRepository } from '../../src/storage/memory/memory-assurance-repository';
import type { CardMessenger } from '../../src/bot/card-messenger';
import type { TurnTimers } from '../../src/bot/typing-indicator';
import type { AdaptiveCardJson } from '../../src/cards/render';
import { MemoryChannelRepository, MemoryUpdateRoundRepository } from '../../src/storage/memory/memory-round-and-channel-repositories';
import type { LanguageUnderstanding } from '../../src/domain/language/language-understanding';
import { loadLanguageUnderstanding } from '../../src/storage/files/language-files';
import { MemoryUnrecognisedMessageCounter } from '../../src/storage/memory/memory-unrecognised-message-counter';
import type { GuidanceRepository } from '../../src/domain/ports';
import { silentLogger } from '../../src/logger';
import { MemoryActionRepository } from '../../src/storage/memory/memory-action-repository';
import { MemoryFiguresRepository } from '../../src/storage/memory/memory-figures-repository';
import { MemoryGuidanceRepository } from '../../src/storage/memory/memory-guidance-repository';
import { MemoryMemberRepository } from '../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../src/storage/memory/memory-organisation-repository';
import { MemoryPartnershipRepository } from '../../src/storage/memory/memory-partnership-repository';
import { MemoryOutboxRepository } from '../../src/storage/memory/memory-outbox-repository';
import { MemoryPriorityRepository } from '../../src/storage/memory/memory-priority-repository';
import { DEFAULT_CHASER_WORKING_DAYS } from '../../src/domain/chasers/chasers';
import { afterSend, createOutboxSender } from '../../src/delivery/outbox-sender';
import { MessengerTransport } from '../../src/delivery/messenger-transport';
import { sampleAction } from './action-repository-contract';
import { demoGuidance } from './demo-guidance';
import { seedLiveDemo } from '../../src/cli/seed-demo';

/** Harness turns are fast and no test waits a real second: unless a test drives it, the typing timer never fires. */
const NEVER_FIRES: TurnTimers = { after: () => ({ cancel: () => undefined }) };

export const DEMO_TENANT = 'tenant-warwickshire';
/** "Today" for every harness conversation, so RAG and overdue are stable. */
export const HARNESS_NOW = new Date('2026-11-22T10:00:00Z');
/** Where the harness says its report download links live, and the key that signs them. */
export const HARNESS_BASE_URL = 'https://prevent-bot.example.test';
export const HARNESS_REPORT_SECRET = 'harness-report-link-secret-0123456789';

/** The demo's own people (src/data/demo/warwickshire-members.json), for a harness seeded with `demo: true`. */
export const DEMO_PEOPLE = {
  officer: { aadObjectId: '00000000-0000-0000-0000-000000000020', name: 'Priya Officer' },
  chair: { aadObjectId: '00000000-0000-0000-0000-000000000021', name: 'Charles Chair' },
} as const;
/** The demo partnership's tenant (src/data/demo/warwickshire-partnership.json). */
export const DEMO_PARTNERSHIP_TENANT = '00000000-0000-0000-0000-0000000000001';

/** People the harness knows, by AAD object id. */
export const PEOPLE = {
  officer: { aadObjectId: 'aad-officer', name: 'Priya Officer' },
  chair: { aadObjectId: 'aad-chair', name: 'Charles Chair' },
  policeLead: { aadObjectId: 'aad-police', name: 'Pat Police' },
  healthLead: { aadObjectId: 'aad-health', name: 'Hana Health' },
  staff: { aadObjectId: 'aad-staff', name: 'Stella Staff' },
} as const;
export type Person = { readonly aadObjectId: string; readonly name: string };

/** TestAdapter that remembers cards replaced in place (updateActivity), as Teams would show them. */
export class RecordingTestAdapter extends TestAdapter {
  readonly replaced: Partial<Activity>[] = [];

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    this.replaced.push(activity);
    return super.updateActivity(context, activity);
  }
}

/** Records proactive sends instead of calling the Bot Connector; can be told to fail for a reference. */
export class RecordingMessenger implements CardMessenger {
  readonly sent: { reference: string; card: AdaptiveCardJson; id: string }[] = [];
  readonly replaced: { reference: string; activityId: string; card: AdaptiveCardJson }[] = [];
  readonly failFor = new Map<string, number>();

  async send(reference: string, card: AdaptiveCardJson): Promise<string> {
    const status = [...this.failFor].find(([fragment]) => reference.includes(fragment))?.[1];
    if (status) throw Object.assign(new Error(`HTTP ${status}`), { statusCode: status });
    const id = `proactive-${this.sent.length + 1}`;
    this.sent.push({ reference, card, id });
    return id;
  }

  async replace(reference: string, activityId: string, card: AdaptiveCardJson): Promise<void> {
    this.replaced.push({ reference, activityId, card });
  }

  readonly openedChats: string[] = [];

  async openPersonalChat(_teamReference: string, memberId: string, _tenantId: string | undefined): Promise<string> {
    this.openedChats.push(memberId);
    return JSON.stringify({ conversation: { id: `personal-opened-for-${memberId}`, conversationType: 'personal' }, user: { id: memberId, name: '' } });
  }
}

export interface HarnessOptions {
  readonly guidance?: GuidanceRepository;
  readonly allowedTenantIds?: readonly string[];
  /** Partner organisations' tenants (external members of a shared channel). */
  readonly partnerTenantIds?: readonly string[];
  /** Serves Teams file downloads (SharePoint URLs) from somewhere local. */
  readonly fetchFile?: typeof fetch;
  /** The typing indicator's timer; a turn sends no typing at all unless a test gives one to fire. */
  readonly turnTimers?: TurnTimers;
  /** Seed what `npm start` seeds (the demo partnership and its history as of HARNESS_NOW) instead of the small hand-made partnership. */
  readonly demo?: boolean;
}

/** The real language layer, trained once per test file (a few hundred milliseconds). */
let language: Promise<LanguageUnderstanding> | undefined;
export function trainedLanguage(): Promise<LanguageUnderstanding> {
  language ??= loadLanguageUnderstanding();
  return language;
}

/** Three organisations, four people and three actions: what most conversation specs start from. */
async function handMadePartnership(organisations: MemoryOrganisationRepository, members: MemoryMemberRepository, actions: MemoryActionRepository): Promise<void> {
  const author = { id: 'test', name: 'test' };
  for (const [id, name, sector] of [
    ['wcc', 'Warwickshire County Council', 'local-government'],
    ['police', 'Warwickshire and West Mercia Police', 'police'],
    ['swft', 'South Warwickshire NHS Foundation Trust', 'health-social-care'],
  ] as const) {
    await organisations.save('warwickshire', { id, name, sector, aliases: [] }, author);
  }
  await members.save('warwickshire', { ...PEOPLE.officer, role: 'prevent-officer', organisationId: 'wcc' }, author);
  await members.save('warwickshire', { ...PEOPLE.chair, role: 'chair' }, author);
  await members.save('warwickshire', { ...PEOPLE.policeLead, role: 'partner-lead', organisationId: 'police' }, author);
  await members.save('warwickshire', { ...PEOPLE.healthLead, role: 'partner-lead', organisationId: 'swft' }, author);
  await actions.savePlan(
    'warwickshire',
    [
      sampleAction('3.1', { text: 'Continue to provide WRAP training sessions', ownerOrganisationIds: ['wcc'], dueDate: '2027-03-31' }),
      sampleAction('6.1', {
        text: 'Share emerging community tensions with the Prevent Officer or Police Prevent Team',
        ownerOrganisationIds: ['police', 'wcc'],
        dueDate: undefined,
        recurring: true,
        timescale: 'Ongoing',
      }),
      sampleAction('6.4', { text: 'Ensure public venues are not used by extremist groups', ownerOrganisationIds: ['police'], dueDate: '2018-03-31' }),
    ],
    author,
  );
}

/** The real Teams AI application over in-memory repositories, driven by botbuilder's TestAdapter. */
export async function botHarness(options: HarnessOptions = {}) {
  const partnerships = new MemoryPartnershipRepository();
  await partnerships.save(
    { id: 'warwickshire', name: 'Warwickshire Prevent Partnership', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds: [DEMO_TENANT] },
    { id: 'test', name: 'test' },
  );
  let guidance = options.guidance;
  if (!guidance) {
    const memory = new MemoryGuidanceRepository();
    await memory.save('warwickshire', demoGuidance(), { id: 'test', name: 'test' });
    guidance = memory;
  }
  const organisations = new MemoryOrganisationRepository();
  const members = new MemoryMemberRepository();
  const actions = new MemoryActionRepository();
  if (!options.demo) await handMadePartnership(organisations, members, actions);
  const messenger = new RecordingMessenger();
  const unrecognised = new MemoryUnrecognisedMessageCounter();
  const assessments = new MemoryAssessmentRepository();
  const assurance = new MemoryAssuranceRepository();
  const meetingRepository = new MemoryMeetingRepository();
  const frameworks = await loadFrameworks();
  let clock = HARNESS_NOW;
  const now = () => clock;
  const outboxRepository = new MemoryOutboxRepository();
  let batches = 0;
  const repositories = {
    partnerships,
    guidance,
    organisations,
    members,
    actions,
    assessments,
    meetings: meetingRepository,
    updateRounds: new MemoryUpdateRoundRepository(),
    channels: new MemoryChannelRepository(),
    outbox: outboxRepository,
    unrecognised,
    assurance,
    figures: new MemoryFiguresRepository(),
    priorities: new MemoryPriorityRepository(),
  };
  if (options.demo) await seedLiveDemo(repositories, { now: HARNESS_NOW });
  const services: BotServices = createServices(repositories, {
    defaultPartnershipId: 'warwickshire',
    frameworks,
    language: await trainedLanguage(),
    messenger,
    reportLinks: { secret: HARNESS_REPORT_SECRET, publicBaseUrl: HARNESS_BASE_URL },
    chasers: { workingDays: DEFAULT_CHASER_WORKING_DAYS, agendaPostWorkingDays: 5 },
    logger: silentLogger,
    now,
    newBatchId: () => `harness-${++batches}`,
    ...(options.fetchFile ? { fetchFile: options.fetchFile } : {}),
    turnTimers: options.turnTimers ?? NEVER_FIRES,
  });
  const app = createApplication({ services, allowedTenantIds: options.allowedTenantIds, partnerTenantIds: options.partnerTenantIds });
  // The real outbox sender over the recording messenger, on the harness clock; the rate windows run on real time.
  const sender = createOutboxSender({
    repository: outboxRepository,
    transport: new MessengerTransport(messenger),
    partnerships: () => services.partnerships.allIds(),
    onSent: afterSend(services),
    logger: silentLogger,
    clock: { now, monotonic: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    options: { owner: 'harness' },
  });
  /** Sends everything the outbox holds that is due, as the sender would moments after a turn. */
  const drain = async () => {
    await services.roundProgress.flush();
    await sender.drain();
  };
  const adapter = new RecordingTestAdapter(async (context) => {
    await app.run(context);
    await drain();
  });
  /** Moves the harness clock on, e.g. so an update lands after a round started. */
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  return {
    adapter,
    services,
    actions,
    members,
    messenger,
    advance,
    assessments,
    assurance,
    meetingRepository,
    organisations,
    outboxRepository,
    drain,
    priorityRepository: repositories.priorities,
  };
}

/** A message as Teams would send it from the demo tenant. */
export function teamsMessage(text: string, tenantId = DEMO_TENANT, from: Person = PEOPLE.officer): Partial<Activity> {
  return {
    type: 'message',
    text,
    channelData: { tenant: { id: tenantId } },
    conversation: { id: `personal-${from.aadObjectId}`, conversationType: 'personal', isGroup: false, name: '' },
    from: { id: `user-${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
  };
}

/** The Steering Group's team in Teams, and another team in the same tenant. */
export const PARTNERSHIP_TEAM = { teamId: '19:team@thread.tacv2', channelId: '19:steering-group@thread.tacv2', name: 'Steering Group' } as const;
export const OTHER_TEAM = { teamId: '19:other-team@thread.tacv2', channelId: '19:other-channel@thread.tacv2', name: 'Facilities' } as const;

/** A message in a Teams channel: the partnership's unless another team is given. */
export function channelMessage(text: string, from: Person = PEOPLE.officer, team: { teamId: string; channelId: string; name: string } = PARTNERSHIP_TEAM): Partial<Activity> {
  return {
    ...teamsMessage(text, DEMO_TENANT, from),
    channelData: { tenant: { id: DEMO_TENANT }, team: { id: team.teamId }, channel: { id: team.channelId } },
    conversation: { id: team.channelId, conversationType: 'channel', isGroup: true, name: team.name },
  };
}

/** The Prevent Officer types "use this channel" in the partnership channel, as set-up asks. */
export async function pinPartnershipChannel(harness: { adapter: TestAdapter }): Promise<void> {
  await harness.adapter.send(channelMessage('use this channel')).assertReply(() => undefined);
}

/** A card button press (Action.Submit) as Teams sends it: a message with a value and no text. */
export function cardSubmit(value: Record<string, unknown>, from: Person = PEOPLE.officer, replyToId = 'card-1'): Partial<Activity> {
  return { ...teamsMessage('', DEMO_TENANT, from), text: undefined, value, replyToId };
}

export function cardOf(activity: Partial<Activity>): Record<string, unknown> {
  const attachment = activity.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected an Adaptive Card, got ${JSON.stringify(activity).slice(0, 300)}`);
  }
  return attachment.content as Record<string, unknown>;
}

export function cardText(activity: Partial<Activity>): string {
  return JSON.stringify(cardOf(activity));
}

/**
 * A card button press (Action.Execute) as Teams sends it: the `adaptiveCard/action` invoke, with the
 * verb on the action and in its data, as every card in cards/ puts it.
 */
export function cardExecute(
  verb: string,
  data: Record<string, unknown>,
  from: Person = PEOPLE.officer,
  options: { replyToId?: string; trigger?: 'manual' | 'automatic'; conversation?: Partial<Activity> } = {},
): Partial<Activity> {
  return {
    ...teamsMessage('', DEMO_TENANT, from),
    ...(options.conversation ? { channelData: options.conversation.channelData, conversation: options.conversation.conversation } : {}),
    text: undefined,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: options.replyToId ?? 'card-1',
    value: { action: { type: 'Action.Execute', id: '', verb, data: { verb, ...data } }, trigger: options.trigger ?? 'manual' },
  };
}

/** What an invoke was answered with: the body Teams reads (statusCode, type, value). */
export function invokeBodyOf(activity: Partial<Activity>): { statusCode: number; type: string; value: unknown } {
  if (activity.type !== 'invokeResponse') throw new Error(`expected an invoke response, got ${JSON.stringify(activity).slice(0, 300)}`);
  return (activity.value as { body: { statusCode: number; type: string; value: unknown } }).body;
}

/** The card an Action.Execute was answered with. */
export function invokeCardOf(activity: Partial<Activity>): Record<string, unknown> {
  const body = invokeBodyOf(activity);
  if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card in the invoke response, got ${JSON.stringify(body).slice(0, 300)}`);
  return body.value as Record<string, unknown>;
}
