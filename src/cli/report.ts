import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import { InvalidError } from '../domain/errors';
import type { Actor } from '../domain/partnership/member';
import { partnershipIdSchema } from '../domain/partnership/partnership';
import { parseOrThrow } from '../domain/validation';
import { buildBoardReport } from '../reports/board-report';
import { REPORT_FORMATS, type ReportFormat } from '../reports/report-format';
import { loadFrameworks } from '../storage/files/framework-files';
import { runCli } from './cli-runner';
import { createDomainServices } from '../composition/create-services';
import { openTableRepositories } from '../composition/open-table-repositories';

const USAGE =
  'usage: npm run report -- [--round "2026/27 Q3"] [--partnership ID] [--out DIR] [--format docx,xlsx,csv]   (default: the latest round, DEFAULT_PARTNERSHIP_ID, the current folder, all three)';

/** The command line stands in for the Prevent Officer, as the import commands do. */
const CLI_ACTOR: Actor = { aadObjectId: 'cli:report', name: 'report', role: 'prevent-officer' };

export interface ReportArguments {
  readonly roundName?: string;
  readonly partnershipId: string;
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
}

const FLAGS = ['--round', '--partnership', '--out', '--format'] as const;

/** Reads `--flag value` pairs; anything else, or a flag without its value, is refused with the usage line. */
export function parseReportArguments(argv: readonly string[], config: Pick<Config, 'defaultPartnershipId'>): ReportArguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!(FLAGS as readonly string[]).includes(flag)) throw new InvalidError(`unknown argument "${flag}"`, [USAGE]);
    if (value === undefined || value.startsWith('--')) throw new InvalidError(`${flag} needs a value`, [USAGE]);
    values.set(flag, value);
  }
  const formats = (values.get('--format') ?? REPORT_FORMATS.join(','))
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new InvalidError(`--format takes ${REPORT_FORMATS.join(', ')} (comma-separated), not "${values.get('--format')}"`, [USAGE]);
  }
  const round = values.get('--round')?.trim();
  return {
    ...(round ? { roundName: round } : {}),
    partnershipId: parseOrThrow(partnershipIdSchema, values.get('--partnership') ?? config.defaultPartnershipId, '--partnership'),
    outDir: path.resolve(values.get('--out') ?? '.'),
    formats: [...new Set(formats as ReportFormat[])],
  };
}

/** Reads the round from Table storage and writes one file per format; returns the paths written. */
export async function writeBoardReport(args: ReportArguments, config: Config, now: () => Date = () => new Date()): Promise<string[]> {
  const repositories = await openTableRepositories(config);
  const { summaries } = createDomainServices(repositories, {
    defaultPartnershipId: config.defaultPartnershipId,
    frameworks: await loadFrameworks(config.frameworksDirectory),
    now,
  });
  const data = await summaries.reportData(args.partnershipId, CLI_ACTOR, args.roundName);
  const partnershipName = (await repositories.partnerships.get(args.partnershipId))?.name ?? args.partnershipId;
  await mkdir(args.outDir, { recursive: true });
  const written: string[] = [];
  for (const format of args.formats) {
    const file = await buildBoardReport(data, format, { partnershipName });
    const target = path.join(args.outDir, file.fileName);
    await writeFile(target, file.body);
    written.push(target);
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const written = await writeBoardReport(parseReportArguments(argv, config), config);
  for (const file of written) console.log(file);
  return 0;
}

if (require.main === module) runCli(main);
