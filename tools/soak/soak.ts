import { runSoak, type SoakReport, type SubmitFigures } from './soak-run';

const USAGE = 'usage: npm run soak -- [--seconds 120] [--partners 50] [--max-submits N]';

function numberAfter(args: readonly string[], flag: string, fallback: number, max: number): number {
  const index = args.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${flag} must be a whole number from 1 to ${max}. ${USAGE}`);
  return value;
}

function describeFigures(label: string, figures: SubmitFigures): string[] {
  const refused =
    Object.entries(figures.refused)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ') || 'none';
  return [
    `  ${label}`,
    `    sent               ${figures.sent}`,
    `    accepted           ${figures.accepted}`,
    `    refused            ${refused}`,
    `    duplicates sent    ${figures.duplicatesSent} (suppressed ${figures.duplicatesSuppressed})`,
    `    stored             ${figures.stored}`,
    `    submit turn time   p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
  ];
}

export function describeReport(report: SoakReport): string {
  return [
    `soak: ${report.partners} partners for ${report.seconds} s`,
    ...describeFigures('action updates (stored = action history rows)', report.updates),
    ...describeFigures('rating saves (stored = rating history rows)', report.ratings),
    `  errors             ${report.errors.length}`,
    ...report.errors.slice(0, 3).map((error) => `    ${error}`),
    `  connector breaches ${report.connectorBreaches}`,
    report.mismatches.length === 0 ? 'every accepted submit is stored exactly once' : `MISMATCHES:\n${report.mismatches.map((m) => `  ${m}`).join('\n')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(USAGE);
    return;
  }
  // Bounded on purpose: at most 10 minutes and 200 partners, all on loopback.
  const seconds = numberAfter(args, '--seconds', 120, 600);
  const partners = numberAfter(args, '--partners', 50, 200);
  const maxSubmits = numberAfter(args, '--max-submits', partners * seconds, 100_000);
  const report = await runSoak({ seconds, partners, maxSubmits });
  console.log(describeReport(report));
  process.exitCode = report.mismatches.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
