import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PROJECT_ROOT } from '../project-root';
import { MANIFEST_DIRECTORY, TEAMS_ICONS } from './icons';

export const MANIFEST_TEMPLATE = path.join(MANIFEST_DIRECTORY, 'manifest.json');
export const TEAMS_APP_PACKAGE = path.join(PROJECT_ROOT, 'dist', 'teams-app', 'prevent-partnership-bot.zip');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/i;
const HTTPS_URL = /^https:\/\/[^\s"\\]+$/;

export interface ManifestVariable {
  /** The `${{NAME}}` placeholder in manifest/manifest.json (the Agents Toolkit's syntax). */
  readonly name: string;
  /** Environment variables read, first set wins. */
  readonly sources: readonly string[];
  /** Used when none is set: clearly fake, so a package built with it is never mistaken for a real one. */
  readonly placeholder: string;
  readonly shape: RegExp;
  readonly expected: string;
}

export const MANIFEST_VARIABLES: readonly ManifestVariable[] = [
  { name: 'TEAMS_APP_ID', sources: ['TEAMS_APP_ID'], placeholder: '00000000-0000-0000-0000-00000000a001', shape: GUID, expected: 'a GUID' },
  { name: 'BOT_ID', sources: ['BOT_ID', 'MicrosoftAppId'], placeholder: '00000000-0000-0000-0000-00000000b001', shape: GUID, expected: 'a GUID (the managed identity client id)' },
  { name: 'BOT_DOMAIN', sources: ['BOT_DOMAIN'], placeholder: 'prevent-partnership-bot.example.invalid', shape: HOST_NAME, expected: 'a host name without https://' },
  { name: 'PARTNERSHIP_WEBSITE_URL', sources: ['PARTNERSHIP_WEBSITE_URL'], placeholder: 'https://example.invalid/prevent', shape: HTTPS_URL, expected: 'an https:// URL' },
  { name: 'PRIVACY_URL', sources: ['PRIVACY_URL'], placeholder: 'https://example.invalid/privacy', shape: HTTPS_URL, expected: 'an https:// URL' },
  { name: 'TERMS_OF_USE_URL', sources: ['TERMS_OF_USE_URL'], placeholder: 'https://example.invalid/terms', shape: HTTPS_URL, expected: 'an https:// URL' },
];

export interface ResolvedValues {
  readonly values: Readonly<Record<string, string>>;
  /** Variables that were not set and got their fake placeholder. */
  readonly placeholders: readonly string[];
  readonly problems: readonly string[];
}

export function resolveManifestValues(env: NodeJS.ProcessEnv): ResolvedValues {
  const values: Record<string, string> = {};
  const placeholders: string[] = [];
  const problems: string[] = [];
  for (const variable of MANIFEST_VARIABLES) {
    const given = variable.sources.map((source) => env[source]?.trim()).find((value) => value);
    if (!given) {
      values[variable.name] = variable.placeholder;
      placeholders.push(variable.name);
    } else if (!variable.shape.test(given)) {
      problems.push(`${variable.name} must be ${variable.expected} (got ${JSON.stringify(given.slice(0, 80))})`);
    } else {
      values[variable.name] = given;
    }
  }
  return { values, placeholders, problems };
}

/** Replaces every `${{NAME}}`; a name with no value is an error, never left in the package. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest placeholder \${{${name}}} has no value`);
    return JSON.stringify(value).slice(1, -1);
  });
}

/**
 * The manifest schema bundled in @microsoft/app-manifest for the manifest's $schema URL. Passing it
 * to validateAgainstSchema explicitly means validation never reaches for the network.
 */
export function bundledSchemaPath(schemaUrl: string): string {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/i.exec(schemaUrl);
  if (!match) throw new Error(`manifest $schema ${JSON.stringify(schemaUrl)} is not a Teams manifest schema URL`);
  const packageDirectory = path.dirname(require.resolve('@microsoft/app-manifest'));
  return path.join(packageDirectory, 'json-schemas', 'teams', match[1]!, 'MicrosoftTeams.schema.json');
}

/** Limits older Teams clients enforce on bot commands, stricter than the schema's own. */
export const COMMAND_LIMITS = { perList: 10, title: 32, description: 128 } as const;

interface BotCommandList {
  readonly scopes: readonly string[];
  readonly commands: readonly { readonly title: string; readonly description: string }[];
}

export interface TeamsManifestShape {
  readonly $schema: string;
  readonly bots?: readonly { readonly scopes: readonly string[]; readonly commandLists?: readonly BotCommandList[] }[];
  readonly icons: { readonly color: string; readonly outline: string };
}

function commandProblems(manifest: TeamsManifestShape): string[] {
  const problems: string[] = [];
  for (const bot of manifest.bots ?? []) {
    const listed = (bot.commandLists ?? []).flatMap((list) => list.scopes);
    for (const scope of bot.scopes) {
      const count = listed.filter((s) => s === scope).length;
      if (count !== 1) problems.push(`bot scope ${scope} has ${count} command lists (one per scope)`);
    }
    for (const list of bot.commandLists ?? []) {
      const where = `commands for ${list.scopes.join('/')}`;
      if (list.commands.length > COMMAND_LIMITS.perList) problems.push(`${where}: ${list.commands.length} commands, at most ${COMMAND_LIMITS.perList}`);
      for (const command of list.commands) {
        if (command.title.length > COMMAND_LIMITS.title) problems.push(`${where}: title "${command.title}" is over ${COMMAND_LIMITS.title} characters`);
        if (command.description.length > COMMAND_LIMITS.description) problems.push(`${where}: description of "${command.title}" is over ${COMMAND_LIMITS.description} characters`);
      }
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 1, 4) !== 'PNG' || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function iconProblems(icons: ReadonlyMap<string, Buffer>): string[] {
  return TEAMS_ICONS.flatMap((icon) => {
    const png = icons.get(icon.file);
    if (!png) return [`icon ${icon.file} is missing`];
    const { width, height } = pngSize(png);
    return width === icon.size && height === icon.size ? [] : [`icon ${icon.file} is ${width}x${height}, must be ${icon.size}x${icon.size}`];
  });
}

/** Schema validation (offline, against the bundled schema) plus the command and icon rules. */
export async function validateTeamsManifest(manifest: TeamsManifestShape, icons: ReadonlyMap<string, Buffer>): Promise<string[]> {
  // A development dependency: loaded only when packaging, never by the deployed bot.
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
  type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  const schema = JSON.parse(readFileSync(bundledSchemaPath(manifest.$schema), 'utf8')) as Schema;
  const schemaProblems = await AppManifestUtils.validateAgainstSchema(manifest as unknown as Manifest, schema);
  return [...schemaProblems, ...commandProblems(manifest), ...iconProblems(icons)];
}

export interface PackageOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly outputFile?: string;
  /** Refuse to use fake placeholders: for a package that will really be uploaded. */
  readonly requireEnvironment?: boolean;
  readonly manifestDirectory?: string;
}

export interface BuiltPackage {
  readonly outputFile: string;
  readonly placeholders: readonly string[];
}

export class PackageError extends Error {}

/** Fills the manifest from the environment, validates it offline and writes the app zip. */
export async function buildTeamsAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const directory = options.manifestDirectory ?? MANIFEST_DIRECTORY;
  const outputFile = options.outputFile ?? TEAMS_APP_PACKAGE;
  const { values, placeholders, problems } = resolveManifestValues(options.env);
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  if (options.requireEnvironment && placeholders.length > 0) {
    throw new PackageError(`not set: ${placeholders.join(', ')} (needed for a package that will be uploaded to Teams)`);
  }
  const manifestText = fillTemplate(readFileSync(path.join(directory, 'manifest.json'), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as TeamsManifestShape;
  const icons = new Map(TEAMS_ICONS.map((icon) => [icon.file, readFileSync(path.join(directory, icon.file))] as const));
  const invalid = await validateTeamsManifest(manifest, icons);
  if (invalid.length > 0) throw new PackageError(`manifest is not valid:\n${invalid.join('\n')}`);

  const zip = new JSZip();
  // Teams wants the three files at the root of the zip, not in a folder.
  zip.file('manifest.json', manifestText);
  for (const [file, png] of icons) zip.file(file, png);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(path.dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, bytes);
  return { outputFile, placeholders };
}
