import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deployFiles } from '../deploy/deploy-contents';
import { ZipWriter } from '../deploy/zip-writer';
import { PROJECT_ROOT } from '../project-root';
import { runCli } from './cli-runner';

export const DEPLOY_ZIP = path.join(PROJECT_ROOT, 'dist', 'deploy', 'prevent-partnership-bot-app.zip');
const USAGE = 'usage: npm run package:deploy [-- --out FILE.zip | --folder DIR]';

/**
 * `npm run package:deploy`: the zip App Service runs (`az webapp deploy --type zip`), or with
 * `--folder` the same files copied into a folder, for the Agents Toolkit's zipDeploy action.
 */
export async function main(argv: string[]): Promise<number> {
  const option = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const unknown = argv.filter((arg, i) => !['--out', '--folder'].includes(arg) && !['--out', '--folder'].includes(argv[i - 1] ?? ''));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const folder = option('--folder');
  let count = 0;
  if (folder) {
    const target = path.resolve(folder);
    rmSync(target, { recursive: true, force: true });
    for (const file of deployFiles(PROJECT_ROOT)) {
      mkdirSync(path.join(target, path.dirname(file.name)), { recursive: true });
      copyFileSync(file.absolute, path.join(target, file.name));
      count++;
    }
    console.log(`App Service files: ${target} (${count} files)`);
    return 0;
  }
  const out = path.resolve(option('--out') ?? DEPLOY_ZIP);
  mkdirSync(path.dirname(out), { recursive: true });
  const zip = new ZipWriter(out);
  try {
    for (const file of deployFiles(PROJECT_ROOT)) zip.add(file.name, readFileSync(file.absolute), file.mode);
    zip.close();
  } catch (error) {
    zip.close();
    rmSync(out, { force: true });
    throw error;
  }
  console.log(`App Service package: ${out} (${zip.count} files, ${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB)`);
  return 0;
}

if (require.main === module) runCli(main);
