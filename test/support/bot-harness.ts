import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createApplication } from '../../src/bot/create-bot';
import type { BotServices } from '../../src/bot/bot-services';
import { GuidanceService } from '../../src/domain/guidance/guidance-service';
import type { GuidanceRepository } from '../../src/domain/ports';
import { PartnershipResolver } from '../../src/domain/partnership/partnership-resolver';
import { silentLogger } from '../../src/logger';
import { MemoryGuidanceRepository } from '../../src/storage/memory/memory-guidance-repository';
import { MemoryPartnershipRepository } from '../../src/storage/memory/memory-partnership-repository';
import { demoGuidance } from './demo-guidance';

export const DEMO_TENANT = 'tenant-warwickshire';

export interface HarnessOptions {
  readonly guidance?: GuidanceRepository;
  readonly allowedTenantIds?: readonly string[];
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
  const services: BotServices = {
    guidance: new GuidanceService(guidance),
    partnerships: new PartnershipResolver(partnerships, 'warwickshire'),
    logger: silentLogger,
  };
  const app = createApplication({ storage: new MemoryStorage(), services, allowedTenantIds: options.allowedTenantIds });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  return { adapter, services };
}

/** A message as Teams would send it from the demo tenant. */
export function teamsMessage(text: string, tenantId = DEMO_TENANT): Partial<Activity> {
  return { type: 'message', text, channelData: { tenant: { id: tenantId } }, from: { id: 'user-1', name: 'Priya Officer', aadObjectId: 'aad-1' } };
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
