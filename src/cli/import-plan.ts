import { ConfigError, loadConfig } from '../config';
import { PlanImportService } from '../domain/actions/plan-import-service';
import { isDomainError } from '../domain/errors';
import { partnershipIdSchema } from '../domain/partnership/partnership';
import { parseOrThrow } from '../domain/validation';
import { readPlanFile } from '../storage/files/plan-file-reader';
import { openRepositories } from './storage-from-config';

const USAGE = 'usage: npm run import-plan -- FILE.csv|FILE.xlsx [--partnership ID]   (default: DEFAULT_PARTNERSHIP_ID)';

/**
 * Imports an action plan in the seed plan's columns, as the Prevent Officer does by sending the file
 * to the bot. All or nothing: any row that cannot be read is reported by row number and nothing is
 * written. Progress already recorded against an action is kept.
 */
async function main(argv: string[]): Promise<number> {
  const file = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--partnership');
  if (!file) throw new Error(USAGE);
  const config = loadConfig();
  const flag = argv.indexOf('--partnership');
  const partnershipId = parseOrThrow(partnershipIdSchema, flag >= 0 ? argv[flag + 1] : config.defaultPartnershipId, '--partnership');
  const repositories = await openRepositories(config);
  const service = new PlanImportService(repositories.actions, repositories.organisations);
  const actor = { aadObjectId: 'cli:import-plan', name: 'import-plan', role: 'prevent-officer' as const };
  const outcome = await service.importTable(partnershipId, actor, await readPlanFile(file));
  console.log(outcome.summary);
  return outcome.saved ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (isDomainError(error)) console.error([error.message, ...error.details.map((d) => `  ${d}`)].join('\n'));
    else console.error((error as Error).message);
    process.exit(1);
  },
);
