import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { BUNDLE_ENTRY, DEPLOY_INCLUDE, deployPackageJson, EXTERNAL_PACKAGES, lockedVersion, missingLinuxBinaries } from '../../../src/deploy/deploy-contents';

const ROOT = path.join(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');
const lock = readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
const deployed = deployPackageJson(readFileSync(path.join(ROOT, 'package.json'), 'utf8'), lock) as { main: string; dependencies: Record<string, string> };
const bicep = readFileSync(path.join(ROOT, 'infra', 'main.bicep'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Paths the code builds from PROJECT_ROOT (`path.join(PROJECT_ROOT, 'a', 'b')`), as 'a/b'. */
const runTimePaths = sourceFiles(SRC)
  // Commands that only run on a developer's machine or in CI (language evaluation, packaging) are not run there.
  .filter((file) => !/[\\/]src[\\/](deploy[\\/]|cli[\\/](package-app|package-deploy|render-icons|eval-language))/.test(file))
  .flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/path\.join\(\s*PROJECT_ROOT\s*,([^)]*)\)/g)].map((m) => ({
      file: path.relative(ROOT, file),
      path: [...m[1]!.matchAll(/'([^']+)'/g)].map((s) => s[1]).join('/'),
    })),
  );

/**
 * Folders local runs write their own data to (Azurite's tables, the generated audit key, the audit
 * anchors file); production takes the key from Key Vault and anchors to blob storage, so nothing is
 * read from them there and they must not ship.
 */
const LOCAL_DATA = ['.data'];

const covered = (relative: string) => DEPLOY_INCLUDE.some((entry) => relative === entry || relative.startsWith(`${entry}/`));

describe('the App Service deploy package', () => {
  it('finds the run-time paths the code reads (the scan below checks something)', () => {
    expect(runTimePaths.map((p) => p.path)).toEqual(expect.arrayContaining(['cards', 'src/data/frameworks', 'src/data/demo', 'src/data/language']));
  });

  it.each(runTimePaths.filter((p) => !LOCAL_DATA.includes(p.path)).map((p) => [p.path, p.file] as const))('includes %s, which %s reads at run time', (relative) => {
    expect(covered(relative)).toBe(true);
  });

  it('marks the project root with a package.json whose main is the bundle App Service starts', () => {
    expect(deployed.main).toBe(BUNDLE_ENTRY);
    expect(bicep).toContain(`appCommandLine: 'node ${BUNDLE_ENTRY}'`);
  });

  it('leaves out the tests, the TypeScript sources and the compiled files the bundle replaces', () => {
    expect([...LOCAL_DATA, 'test', 'src/index.ts', 'src/domain/ports.ts', 'dist/src', 'dist/teams-app'].filter(covered)).toEqual([]);
  });

  it('leaves out tools/ (local runner, fake connector, bench, soak) and their compiled files', () => {
    expect(['tools', 'tools/local/start-local.ts', 'tools/bench/echo-server.ts', 'dist/tools', 'dist/tools/local/start-local.js'].filter(covered)).toEqual([]);
  });

  it('installs only the native packages, at the versions package-lock.json pins', () => {
    expect(deployed.dependencies).toEqual({ '@resvg/resvg-js': lockedVersion(lock, '@resvg/resvg-js') });
    expect(EXTERNAL_PACKAGES.map((p) => p.name)).toEqual(expect.arrayContaining(Object.keys(deployed.dependencies)));
  });

  it('refuses a folder without the Linux binary the charts need', () => {
    expect(missingLinuxBinaries(mkdtempSync(path.join(os.tmpdir(), 'ppb-empty-')))).toEqual(['node_modules/@resvg/resvg-js-linux-x64-gnu/resvgjs.linux-x64-gnu.node']);
  });

  it.each(['esbuild', 'jest', 'typescript', 'azurite', 'node'])('keeps the build tool %s out of production dependencies', (name) => {
    expect(Object.keys(packageJson.devDependencies)).toContain(name);
    expect(Object.keys(packageJson.dependencies)).not.toContain(name);
  });
});
