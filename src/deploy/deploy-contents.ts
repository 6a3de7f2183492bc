import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the App Service runs, whatever machine builds it: the bot bundled into one file
 * (`dist/bundle/index.js`, every JavaScript dependency inside it), the files the code reads at run time
 * through PROJECT_ROOT (card templates, and src/data: demo data for `npm run seed`, the self-assessment
 * frameworks, the language data and the chart fonts), a package.json that marks the project root, and
 * node_modules holding only the packages that cannot be bundled, installed for Linux x64 (glibc)
 * whatever the builder's own platform.
 */
export const DEPLOY_INCLUDE: readonly string[] = ['cards', 'src/data'];

/** The start command App Service runs (infra/main.bicep, appCommandLine). */
export const BUNDLE_ENTRY = 'dist/bundle/index.js';

/** The platform App Service's Linux Node image runs on. */
export const TARGET_PLATFORM = { os: 'linux', cpu: 'x64', libc: 'glibc' } as const;

/**
 * Packages left out of the bundle: resvg is a native addon (a `.node` binary per platform). Each
 * names the file that must be there for Linux x64, so a package built on Windows or macOS that lacks
 * it is refused instead of shipped.
 */
export const EXTERNAL_PACKAGES: readonly { readonly name: string; readonly linuxBinary: string }[] = [
  { name: '@resvg/resvg-js', linuxBinary: 'node_modules/@resvg/resvg-js-linux-x64-gnu/resvgjs.linux-x64-gnu.node' },
  // Optional for restify (DTrace probes); never installed, and the bundle must not look for it inside.
  { name: 'dtrace-provider', linuxBinary: '' },
];

interface LockFile {
  readonly packages?: Record<string, { readonly version?: string }>;
}

/** The version package-lock.json pins for a package, so the deploy installs exactly what was tested. */
export function lockedVersion(lockText: string, name: string): string {
  const version = (JSON.parse(lockText) as LockFile).packages?.[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/** The package.json of the deploy folder: the project root marker, the start file and the native packages. */
export function deployPackageJson(projectPackageJson: string, lockText: string): Record<string, unknown> {
  const project = JSON.parse(projectPackageJson) as { name: string; version: string; engines?: unknown };
  const installed = EXTERNAL_PACKAGES.filter((p) => p.linuxBinary !== '');
  return {
    name: project.name,
    version: project.version,
    private: true,
    main: BUNDLE_ENTRY,
    engines: project.engines,
    dependencies: Object.fromEntries(installed.map((p) => [p.name, lockedVersion(lockText, p.name)])),
  };
}

/** The native binaries for Linux a deploy folder lacks (none when it is ready to ship). */
export function missingLinuxBinaries(folder: string): string[] {
  return EXTERNAL_PACKAGES.filter((p) => p.linuxBinary !== '' && !existsSync(path.join(folder, p.linuxBinary))).map((p) => p.linuxBinary);
}

/** Reads a text file of the project. */
export function projectText(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}
