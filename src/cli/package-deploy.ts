import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { BUNDLE_ENTRY, DEPLOY_INCLUDE, deployPackageJson, EXTERNAL_PACKAGES, missingLinuxBinaries, projectText, TARGET_PLATFORM } from '../deploy/deploy-contents';
import { escapeNonAscii } from '../deploy/ascii-source';
import { PROJECT_ROOT } from '../project-root';
import { runCli } from './cli-runner';

export const DEPLOY_ZIP = path.join(PROJECT_ROOT, 'dist', 'deploy', 'prevent-partnership-bot-app.zip');
const STAGING = path.join(PROJECT_ROOT, 'dist', 'deploy', 'app');
const USAGE = 'usage: npm run package:deploy [-- --out FILE.zip | --folder DIR]';

/** Every file below a folder, as paths relative to it with forward slashes, in a stable order. */
function filesIn(root: string, relative = ''): string[] {
  const absolute = path.join(root, relative);
  if (statSync(absolute).isFile()) return [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => filesIn(root, relative ? `${relative}/${name}` : name));
}

/**
 * Builds the folder App Service runs: the compiled bot bundled by esbuild into one file, the run-time
 * data files, and the native packages installed by npm for Linux x64 whatever this machine is. Refuses
 * to finish if a Linux binary is missing.
 */
export async function stageDeployFolder(folder = STAGING): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await build({
    entryPoints: [path.join(PROJECT_ROOT, 'dist', 'src', 'index.js')],
    outfile: path.join(folder, BUNDLE_ENTRY),
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: EXTERNAL_PACKAGES.map((p) => p.name),
    // Libraries that ask for "punycode" mean the npm package (Node's own is deprecated, DEP0040).
    alias: { punycode: 'punycode/' },
    // The licences of everything bundled stay beside the bundle.
    legalComments: 'linked',
    logLevel: 'error',
  });
  const bundle = path.join(folder, BUNDLE_ENTRY);
  writeFileSync(bundle, escapeNonAscii(readFileSync(bundle, 'utf8')));
  for (const entry of DEPLOY_INCLUDE) cpSync(path.join(PROJECT_ROOT, entry), path.join(folder, entry), { recursive: true });
  writeFileSync(
    path.join(folder, 'package.json'),
    `${JSON.stringify(deployPackageJson(projectText(PROJECT_ROOT, 'package.json'), projectText(PROJECT_ROOT, 'package-lock.json')), null, 2)}\n`,
  );
  // yes=true: npm must never wait for an answer when there is no terminal (CI, the Agents Toolkit).
  writeFileSync(path.join(folder, '.npmrc'), 'yes=true\nfund=false\naudit=false\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = spawnSync(
    npm,
    [
      'install',
      '--omit=dev',
      `--os=${TARGET_PLATFORM.os}`,
      `--cpu=${TARGET_PLATFORM.cpu}`,
      `--libc=${TARGET_PLATFORM.libc}`,
      '--ignore-scripts',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: folder, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' },
  );
  if (installed.status !== 0) throw new Error(`npm install of the native packages for Linux failed (exit ${installed.status ?? installed.signal})`);
  rmSync(path.join(folder, '.npmrc'));
  const missing = missingLinuxBinaries(folder);
  if (missing.length > 0) throw new Error(`the deploy folder lacks the Linux binaries the bot loads: ${missing.join(', ')}`);
}

/** Zips a staged folder with file modes kept (Linux reads them), deflated. */
export async function zipFolder(folder: string, out: string): Promise<number> {
  const zip = new JSZip();
  const files = filesIn(folder);
  for (const file of files) {
    const absolute = path.join(folder, file);
    zip.file(file, readFileSync(absolute), { unixPermissions: statSync(absolute).mode & 0o777, date: new Date('2026-01-01T00:00:00Z') });
  }
  mkdirSync(path.dirname(out), { recursive: true });
  await pipeline(
    zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' }),
    createWriteStream(out),
  );
  return files.length;
}

/**
 * `npm run package:deploy`: the zip App Service runs (`az webapp deploy --type zip`), or with
 * `--folder` the same files in a folder, for the Agents Toolkit's zipDeploy action.
 */
export async function main(argv: string[]): Promise<number> {
  const option = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const unknown = argv.filter((arg, i) => !['--out', '--folder'].includes(arg) && !['--out', '--folder'].includes(argv[i - 1] ?? ''));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const folder = option('--folder');
  if (folder) {
    await stageDeployFolder(path.resolve(folder));
    console.log(`App Service files for Linux x64: ${path.resolve(folder)} (${filesIn(path.resolve(folder)).length} files)`);
    return 0;
  }
  await stageDeployFolder(STAGING);
  const out = path.resolve(option('--out') ?? DEPLOY_ZIP);
  const count = await zipFolder(STAGING, out);
  console.log(`App Service package for Linux x64: ${out} (${count} files, ${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB)`);
  return 0;
}

if (require.main === module) runCli(main);
