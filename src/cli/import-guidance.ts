import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { isDomainError } from '../domain/errors';
import { guidanceSchema } from '../domain/guidance/guidance';
import { partnershipIdSchema } from '../domain/partnership/partnership';
import { parseOrThrow } from '../domain/validation';
import { openRepositories } from './storage-from-config';

const USAGE = 'usage: npm run import-guidance -- FILE.json [--partnership ID]   (default: DEFAULT_PARTNERSHIP_ID)';

/** Replaces a partnership's referral pathway and training catalogue from a JSON file, keeping history. */
async function main(argv: string[]): Promise<void> {
  const file = argv.find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error(USAGE);
  const config = loadConfig();
  const flag = argv.indexOf('--partnership');
  const partnershipId = parseOrThrow(partnershipIdSchema, flag >= 0 ? argv[flag + 1] : config.defaultPartnershipId, '--partnership');
  const guidance = parseOrThrow(guidanceSchema, JSON.parse(readFileSync(file, 'utf8')), file);
  const { guidance: repository } = await openRepositories(config);
  await repository.save(partnershipId, guidance, { id: 'cli:import-guidance', name: 'import-guidance' });
  console.log(`guidance for "${partnershipId}" replaced from ${file} (${guidance.training.courses.length} courses, ${guidance.referralPathway.steps.length} referral steps)`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (isDomainError(error)) console.error([`${error.message}:`, ...error.details.map((d) => `  ${d}`)].join('\n'));
  else console.error((error as Error).message);
  process.exit(1);
});
