import { ConfigError, loadConfig, type Config } from '../config';
import { isDomainError } from '../domain/errors';
import { partnershipIdSchema } from '../domain/partnership/partnership';
import { parseOrThrow } from '../domain/validation';
import { pendingRowRemovalsSettled } from '../storage/audit/table-pending-audits';

/** The arguments every import command takes: one file and, optionally, `--partnership ID`. */
export function fileAndPartnership(argv: readonly string[], usage: string): { file: string; partnershipId: string; config: Config } {
  const file = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--partnership');
  if (!file) throw new Error(usage);
  const config = loadConfig();
  const flag = argv.indexOf('--partnership');
  const partnershipId = parseOrThrow(partnershipIdSchema, flag >= 0 ? argv[flag + 1] : config.defaultPartnershipId, '--partnership');
  return { file, partnershipId, config };
}

/** Runs a command's main, printing any failure as readable lines (never a stack) and setting the exit code. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    // Rows of audit entries already appended are removed in the background: let them finish first.
    (code) => void pendingRowRemovalsSettled().finally(() => process.exit(code)),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(error.message);
      else if (isDomainError(error)) console.error([error.message, ...error.details.map((d) => `  ${d}`)].join('\n'));
      else console.error((error as Error).message);
      process.exit(1);
    },
  );
}
