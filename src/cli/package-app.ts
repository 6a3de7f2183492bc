import path from 'node:path';
import { buildTeamsAppPackage, MANIFEST_VARIABLES } from '../deploy/teams-package';
import { runCli } from './cli-runner';

const USAGE = 'usage: npm run package [-- --require-env] [--out FILE.zip]';

/**
 * `npm run package`: the Teams app zip (manifest.json, color.png, outline.png) with the ids and
 * domain filled in from the environment, validated offline against the bundled manifest schema.
 */
export async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg, i) => !['--require-env', '--out'].includes(arg) && argv[i - 1] !== '--out');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const out = argv.indexOf('--out');
  const built = await buildTeamsAppPackage({
    env: process.env,
    requireEnvironment: argv.includes('--require-env'),
    ...(out >= 0 && argv[out + 1] ? { outputFile: path.resolve(argv[out + 1]!) } : {}),
  });
  if (built.placeholders.length > 0) {
    console.warn('Not set, so FAKE placeholder values were used; this package is for checking only, not for upload:');
    for (const name of built.placeholders) {
      const variable = MANIFEST_VARIABLES.find((v) => v.name === name)!;
      console.warn(`  ${variable.sources.join(' or ')} -> ${variable.placeholder}`);
    }
  }
  console.log(`Teams app package: ${built.outputFile}`);
  return 0;
}

if (require.main === module) runCli(main);
