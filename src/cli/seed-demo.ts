import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { guidanceSchema } from '../domain/guidance/guidance';
import { partnershipSchema } from '../domain/partnership/partnership';
import type { ChangeAuthor, GuidanceRepository, PartnershipRepository } from '../domain/ports';
import { parseOrThrow } from '../domain/validation';
import { PROJECT_ROOT } from '../project-root';
import { openRepositories } from './storage-from-config';

export const DEMO_DIRECTORY = path.join(PROJECT_ROOT, 'src', 'cli', 'demo');
const SEED_AUTHOR: ChangeAuthor = { id: 'cli:seed-demo', name: 'Demo seed' };

export type SeedOutcome = 'created' | 'updated' | 'unchanged';

function readDemoFile(name: string): unknown {
  return JSON.parse(readFileSync(path.join(DEMO_DIRECTORY, name), 'utf8'));
}

/**
 * Loads the Warwickshire demo partnership and its guidance. Safe to run on every start: a record
 * that already matches the demo data is left alone, so history only grows when something changed.
 */
export async function seedDemo(repositories: {
  partnerships: PartnershipRepository;
  guidance: GuidanceRepository;
}): Promise<{ partnership: SeedOutcome; guidance: SeedOutcome; partnershipId: string }> {
  const partnership = parseOrThrow(partnershipSchema, readDemoFile('warwickshire-partnership.json'), 'demo partnership');
  const guidance = parseOrThrow(guidanceSchema, readDemoFile('warwickshire-guidance.json'), 'demo guidance');

  const existingPartnership = await repositories.partnerships.get(partnership.id);
  let partnershipOutcome: SeedOutcome = 'unchanged';
  if (JSON.stringify(existingPartnership) !== JSON.stringify(partnership)) {
    await repositories.partnerships.save(partnership, SEED_AUTHOR);
    partnershipOutcome = existingPartnership ? 'updated' : 'created';
  }

  const existingGuidance = await repositories.guidance.get(partnership.id);
  let guidanceOutcome: SeedOutcome = 'unchanged';
  if (JSON.stringify(existingGuidance) !== JSON.stringify(guidance)) {
    await repositories.guidance.save(partnership.id, guidance, SEED_AUTHOR);
    guidanceOutcome = existingGuidance ? 'updated' : 'created';
  }
  return { partnership: partnershipOutcome, guidance: guidanceOutcome, partnershipId: partnership.id };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const outcome = await seedDemo(await openRepositories(config));
  console.log(`demo partnership "${outcome.partnershipId}": partnership ${outcome.partnership}, guidance ${outcome.guidance}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `seed failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
