import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEPLOY_INCLUDE, productionPackageFolders } from '../../../src/deploy/deploy-contents';

const ROOT = path.join(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');
const folders = productionPackageFolders(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).map((p) => p.folder);
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
  // Tools that only run on a developer's machine or in CI (local run, benchmark, language evaluation, packaging) are not run there.
  .filter((file) => !/[\\/]src[\\/](deploy[\\/]|cli[\\/](start-local|local[\\/]|bench[\\/]|package-app|package-deploy|render-icons|eval-language))/.test(file))
  .flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/path\.join\(\s*PROJECT_ROOT\s*,([^)]*)\)/g)].map((m) => ({
      file: path.relative(ROOT, file),
      path: [...m[1]!.matchAll(/'([^']+)'/g)].map((s) => s[1]).join('/'),
    })),
  );

const covered = (relative: string) => DEPLOY_INCLUDE.some((entry) => relative === entry || relative.startsWith(`${entry}/`));

describe('the App Service deploy package', () => {
  it('finds the run-time paths the code reads (the scan below checks something)', () => {
    expect(runTimePaths.map((p) => p.path)).toEqual(expect.arrayContaining(['cards', 'src/domain/assessment/frameworks', 'src/cli/demo']));
  });

  it.each(runTimePaths.map((p) => [p.path, p.file] as const))('includes %s, which %s reads at run time', (relative) => {
    expect(covered(relative)).toBe(true);
  });

  it('includes package.json, which marks the project root the code looks for', () => {
    expect(DEPLOY_INCLUDE).toContain('package.json');
  });

  it('includes the compiled code the start command runs (node dist/src/index.js)', () => {
    expect(covered('dist/src/index.js')).toBe(true);
  });

  it('leaves out the tests and the TypeScript sources of the code', () => {
    expect(['test', 'src/index.ts', 'src/domain/ports.ts', 'dist/teams-app'].filter(covered)).toEqual([]);
  });

  it.each(Object.keys(packageJson.dependencies))('includes the production dependency %s', (name) => {
    expect(folders).toContain(`node_modules/${name}`);
  });

  // @types/node is absent from this list: a production package depends on it, so npm installs it too.
  it.each(['jest', 'typescript', 'ts-jest', 'azurite', 'playwright-core', '@microsoft/app-manifest', '@microsoft/m365agentsplayground'])('leaves out the development tool %s', (name) => {
    expect(Object.keys(packageJson.devDependencies)).toContain(name);
    expect(folders).not.toContain(`node_modules/${name}`);
  });

  it('lists each package folder once, never inside another listed one', () => {
    expect(folders.filter((folder) => folders.some((other) => folder.startsWith(`${other}/`)))).toEqual([]);
  });
});
