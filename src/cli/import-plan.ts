import { createDomainServices } from '../composition/create-services';
import { readPlanFile } from '../plan-files/plan-file-reader';
import { fileAndPartnership, runCli } from './cli-runner';
import { openTableRepositories } from '../composition/open-table-repositories';

const USAGE = 'usage: npm run import-plan -- FILE.csv|FILE.xlsx [--partnership ID]   (default: DEFAULT_PARTNERSHIP_ID)';

/**
 * Imports an action plan in the seed plan's columns, as the Prevent Officer does by sending the file
 * to the bot. All or nothing: any row that cannot be read is reported by row number and nothing is
 * written. Progress already recorded against an action is kept.
 */
async function main(argv: string[]): Promise<number> {
  const { file, partnershipId, config } = fileAndPartnership(argv, USAGE);
  const repositories = await openTableRepositories(config);
  const service = createDomainServices(repositories, { defaultPartnershipId: config.defaultPartnershipId, frameworks: new Map() }).planImports;
  const actor = { aadObjectId: 'cli:import-plan', name: 'import-plan', role: 'prevent-officer' as const };
  const outcome = await service.importTable(partnershipId, actor, await readPlanFile(file));
  console.log(outcome.summary);
  return outcome.saved ? 0 : 1;
}

runCli(main);
