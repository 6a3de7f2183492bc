import { readFileSync } from 'node:fs';
import { guidanceSchema } from '../domain/guidance/guidance';
import { parseOrThrow } from '../domain/validation';
import { fileAndPartnership, runCli } from './cli-runner';
import { openTableRepositories } from '../composition/open-table-repositories';

const USAGE = 'usage: npm run import-guidance -- FILE.json [--partnership ID]   (default: DEFAULT_PARTNERSHIP_ID)';

/** Replaces a partnership's referral pathway and training catalogue from a JSON file, keeping history. */
async function main(argv: string[]): Promise<number> {
  const { file, partnershipId, config } = fileAndPartnership(argv, USAGE);
  const guidance = parseOrThrow(guidanceSchema, JSON.parse(readFileSync(file, 'utf8')), file);
  const { guidance: repository } = await openTableRepositories(config);
  await repository.save(partnershipId, guidance, { id: 'cli:import-guidance', name: 'import-guidance' });
  console.log(`guidance for "${partnershipId}" replaced from ${file} (${guidance.training.courses.length} courses, ${guidance.referralPathway.steps.length} referral steps)`);
  return 0;
}

runCli(main);
