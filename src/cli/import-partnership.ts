import { readFile } from 'node:fs/promises';
import { checkPartnershipSetup, comparePartnershipSetup, summarisePartnershipSetup } from '../domain/partnership/partnership-setup';
import type { ChangeAuthor, MemberRepository, OrganisationRepository } from '../domain/ports';
import { fileAndPartnership, runCli } from './cli-runner';
import { openTableRepositories } from '../composition/open-table-repositories';

const USAGE = 'usage: npm run import-partnership -- FILE.json [--partnership ID]   (default: DEFAULT_PARTNERSHIP_ID)';
const AUTHOR: ChangeAuthor = { id: 'cli:import-partnership', name: 'import-partnership' };

export interface PartnershipSetupRepositories {
  organisations: OrganisationRepository;
  members: MemberRepository;
}

export interface ImportPartnershipResult {
  exitCode: 0 | 1;
  /** What to print, one line each. */
  lines: string[];
}

/**
 * Loads a partnership's organisations and members from a JSON set-up file. All or nothing: every
 * problem is reported, by JSON path, and nothing is written. Otherwise only records that are new or
 * differ from what is stored are saved (each keeping its history), so a repeat run writes nothing.
 * Stored records the file does not mention are left as they are.
 */
export async function importPartnership(file: string, partnershipId: string, repositories: PartnershipSetupRepositories): Promise<ImportPartnershipResult> {
  let text: string;
  let input: unknown;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { exitCode: 1, lines: [`Nothing imported: cannot read ${file} (${(error as Error).message})`] };
  }
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { exitCode: 1, lines: [`Nothing imported: ${file} is not valid JSON (${(error as Error).message})`] };
  }
  const existing = {
    organisations: await repositories.organisations.list(partnershipId),
    members: await repositories.members.list(partnershipId),
  };
  const { setup, problems } = checkPartnershipSetup(input, existing);
  if (setup === undefined) {
    return { exitCode: 1, lines: [`Nothing imported: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${file}`, ...problems] };
  }
  const { organisationsToSave, membersToSave } = comparePartnershipSetup(setup, existing);
  for (const organisation of organisationsToSave) await repositories.organisations.save(partnershipId, organisation, AUTHOR);
  for (const member of membersToSave) await repositories.members.save(partnershipId, member, AUTHOR);
  return { exitCode: 0, lines: [`${summarisePartnershipSetup(setup, existing)} for partnership "${partnershipId}"`] };
}

async function main(argv: string[]): Promise<number> {
  const { file, partnershipId, config } = fileAndPartnership(argv, USAGE);
  const result = await importPartnership(file, partnershipId, await openTableRepositories(config));
  for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line);
  return result.exitCode;
}

if (require.main === module) runCli(main);
