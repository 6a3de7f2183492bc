import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the App Service runs, besides the production node_modules: the compiled code, the card
 * templates, and the data files the code reads at run time through PROJECT_ROOT (the demo data for
 * `npm run seed`, the self-assessment frameworks, the language training data and concern lexicon). package.json marks the project root.
 */
export const DEPLOY_INCLUDE: readonly string[] = ['package.json', 'dist/src', 'cards', 'src/cli/demo', 'src/domain/assessment/frameworks', 'src/data/language'];

interface LockPackage {
  readonly dev?: boolean;
  readonly link?: boolean;
  readonly optional?: boolean;
}

export interface PackageFolder {
  readonly folder: string;
  /** Optional packages for other platforms (another OS's native binary) are in the lock but not installed. */
  readonly optional: boolean;
}

/**
 * The node_modules folders `npm ci --omit=dev` would install, from package-lock.json: every package
 * not marked dev, outermost folders only (a nested node_modules comes with its parent).
 */
export function productionPackageFolders(lockText: string): PackageFolder[] {
  const lock = JSON.parse(lockText) as { lockfileVersion?: number; packages?: Record<string, LockPackage> };
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) throw new Error('package-lock.json must be lockfileVersion 2 or 3 (npm 7 or later)');
  const production = Object.entries(lock.packages).filter(([folder, entry]) => folder.startsWith('node_modules/') && !entry.dev && !entry.link);
  const chosen = new Set(production.map(([folder]) => folder));
  return production
    .filter(([folder]) => {
      const parts = folder.split('/node_modules/');
      return !parts.slice(1).some((_part, i) => chosen.has(parts.slice(0, i + 1).join('/node_modules/')));
    })
    .map(([folder, entry]) => ({ folder, optional: entry.optional === true }))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

export interface DeployFile {
  /** Path inside the zip, with forward slashes. */
  readonly name: string;
  readonly absolute: string;
  readonly mode: number;
}

function* walk(root: string, relative: string): Generator<DeployFile> {
  const absolute = path.join(root, relative);
  const stat = lstatSync(absolute, { throwIfNoEntry: false });
  // Symbolic links (node_modules/.bin) are skipped: nothing at run time starts a package's binary.
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(absolute).sort()) yield* walk(root, path.posix.join(relative, entry));
  } else if (stat.isFile()) {
    yield { name: relative, absolute, mode: stat.mode & 0o777 };
  }
}

/** Every file of the deploy package, in a stable order; an included folder that is missing is an error. */
export function* deployFiles(root: string): Generator<DeployFile> {
  for (const entry of DEPLOY_INCLUDE) {
    if (!lstatSync(path.join(root, entry), { throwIfNoEntry: false })) {
      throw new Error(`${entry} is missing${entry.startsWith('dist') ? ' (run npm run build first)' : ''}`);
    }
    yield* walk(root, entry);
  }
  for (const { folder, optional } of productionPackageFolders(readFileSync(path.join(root, 'package-lock.json'), 'utf8'))) {
    if (!optional && !lstatSync(path.join(root, folder), { throwIfNoEntry: false })) throw new Error(`${folder} is missing (run npm ci first)`);
    yield* walk(root, folder);
  }
}
