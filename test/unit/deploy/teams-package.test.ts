import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { MANIFEST_DIRECTORY, TEAMS_ICONS } from '../../../src/deploy/icons';
import {
  buildTeamsAppPackage,
  bundledSchemaPath,
  COMMAND_LIMITS,
  fillTemplate,
  MANIFEST_TEMPLATE,
  MANIFEST_VARIABLES,
  PackageError,
  resolveManifestValues,
  validateTeamsManifest,
  type TeamsManifestShape,
} from '../../../src/deploy/teams-package';

/** What CI packages with: values of the right shape, none of them real. */
const TEST_ENV: NodeJS.ProcessEnv = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '66666666-7777-4888-8999-aaaaaaaaaaaa',
  BOT_DOMAIN: 'ppbtest-bot.azurewebsites.net',
  PARTNERSHIP_WEBSITE_URL: 'https://partnership.test/prevent',
  PRIVACY_URL: 'https://partnership.test/privacy',
  TERMS_OF_USE_URL: 'https://partnership.test/terms',
};

const template = readFileSync(MANIFEST_TEMPLATE, 'utf8');
const filled = (env: NodeJS.ProcessEnv = TEST_ENV) => JSON.parse(fillTemplate(template, resolveManifestValues(env).values)) as TeamsManifestShape & Record<string, unknown>;
const icons = new Map(TEAMS_ICONS.map((icon) => [icon.file, readFileSync(path.join(MANIFEST_DIRECTORY, icon.file))] as const));
const bot = (manifest = filled()) => manifest.bots![0]!;

let workDirectory: string;
beforeEach(() => {
  workDirectory = mkdtempSync(path.join(tmpdir(), 'ppb-teams-app-'));
});
afterEach(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('the Teams app manifest', () => {
  it('is valid against the schema bundled in @microsoft/app-manifest, and the command and icon rules', async () => {
    await expect(validateTeamsManifest(filled(), icons)).resolves.toEqual([]);
  });

  it('names a schema that @microsoft/app-manifest bundles (validation never downloads it)', () => {
    expect(readFileSync(bundledSchemaPath(filled().$schema), 'utf8')).toContain('"manifestVersion"');
  });

  it('lets the bot be added to shared and private channels (partners from other organisations meet in shared channels)', async () => {
    expect(filled()['supportedChannelTypes']).toEqual(['sharedChannels', 'privateChannels']);
    const wrong = { ...filled(), supportedChannelTypes: ['sharedChannels', 'federatedChannels'] };
    expect((await validateTeamsManifest(wrong, icons)).join('\n')).toContain('supportedChannelTypes');
  });

  it('uses a 1.2x manifest version', () => {
    expect(filled()['manifestVersion']).toMatch(/^1\.2\d$/);
  });

  it('reports a schema violation with its path', async () => {
    const manifest = { ...filled(), accentColor: 'navy' };
    expect((await validateTeamsManifest(manifest, icons)).join('\n')).toContain('/accentColor');
  });

  it('offers the bot in personal chat, teams and group chats', () => {
    expect([...bot().scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('accepts files, so an action plan can be sent to the bot in personal chat', () => {
    expect(bot()).toMatchObject({ supportsFiles: true });
  });

  it('has exactly one command list for each scope', () => {
    expect(
      bot()
        .commandLists!.map((list) => list.scopes)
        .sort(),
    ).toEqual([['groupChat'], ['personal'], ['team']]);
  });

  it(`keeps each command list within ${COMMAND_LIMITS.perList} commands, titles within ${COMMAND_LIMITS.title} and descriptions within ${COMMAND_LIMITS.description} characters`, () => {
    for (const list of bot().commandLists!) {
      expect(list.commands.length).toBeLessThanOrEqual(COMMAND_LIMITS.perList);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(COMMAND_LIMITS.title);
        expect(command.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
      }
    }
  });

  it('refuses an eleventh command in a list', async () => {
    const manifest = filled();
    const personal = bot(manifest).commandLists!.find((list) => list.scopes.includes('personal'))!;
    (personal.commands as { title: string; description: string }[]).push({ title: 'One more', description: 'Too many.' });
    expect(await validateTeamsManifest(manifest, icons)).toContainEqual(expect.stringContaining('at most 10'));
  });

  it('refuses an outline icon of the wrong size', async () => {
    const wrong = new Map(icons);
    wrong.set('outline.png', icons.get('color.png')!);
    expect(await validateTeamsManifest(filled(), wrong)).toContain('icon outline.png is 192x192, must be 32x32');
  });

  it('has a placeholder for every variable it is filled from, and no other', () => {
    const names = [...template.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]);
    expect([...new Set(names)].sort()).toEqual(MANIFEST_VARIABLES.map((v) => v.name).sort());
  });
});

describe('resolveManifestValues', () => {
  it('takes the bot id from MicrosoftAppId when BOT_ID is not set', () => {
    const { BOT_ID: _unused, ...env } = TEST_ENV;
    expect(resolveManifestValues({ ...env, MicrosoftAppId: TEST_ENV['BOT_ID'] }).values['BOT_ID']).toBe(TEST_ENV['BOT_ID']);
  });

  it('uses clearly fake placeholders for what is not set, and lists them', () => {
    const resolved = resolveManifestValues({});
    expect(resolved.placeholders).toEqual(MANIFEST_VARIABLES.map((v) => v.name));
    expect(resolved.values['BOT_DOMAIN']).toMatch(/\.invalid$/);
  });

  it('refuses a domain given as a URL', () => {
    expect(resolveManifestValues({ ...TEST_ENV, BOT_DOMAIN: 'https://ppbtest-bot.azurewebsites.net/' }).problems).toEqual([
      expect.stringContaining('BOT_DOMAIN must be a host name'),
    ]);
  });

  it('refuses a bot id that is not a GUID', () => {
    expect(resolveManifestValues({ ...TEST_ENV, BOT_ID: 'bot' }).problems).toEqual([expect.stringContaining('BOT_ID must be a GUID')]);
  });
});

describe('buildTeamsAppPackage (npm run package)', () => {
  const build = (env: NodeJS.ProcessEnv, requireEnvironment = false) => buildTeamsAppPackage({ env, outputFile: path.join(workDirectory, 'app.zip'), requireEnvironment });
  const entries = async () => Object.keys((await JSZip.loadAsync(readFileSync(path.join(workDirectory, 'app.zip')))).files).sort();
  const packagedManifest = async () =>
    JSON.parse(await (await JSZip.loadAsync(readFileSync(path.join(workDirectory, 'app.zip')))).file('manifest.json')!.async('string')) as Record<string, unknown> &
      TeamsManifestShape;

  it('writes the manifest and both icons at the root of the zip', async () => {
    await build(TEST_ENV);
    expect(await entries()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('puts the Teams app id from the environment in the packaged manifest', async () => {
    await build(TEST_ENV);
    expect((await packagedManifest())['id']).toBe(TEST_ENV['TEAMS_APP_ID']);
  });

  it('puts the bot id from the environment in the packaged manifest', async () => {
    await build(TEST_ENV);
    expect((await packagedManifest()).bots![0]).toMatchObject({ botId: TEST_ENV['BOT_ID'] });
  });

  it("lists the App Service's host as the valid domain", async () => {
    await build(TEST_ENV);
    expect((await packagedManifest())['validDomains']).toEqual([TEST_ENV['BOT_DOMAIN']]);
  });

  it('leaves no placeholder in the packaged manifest', async () => {
    await build(TEST_ENV);
    expect(JSON.stringify(await packagedManifest())).not.toContain('${{');
  });

  it('builds with fake placeholders when nothing is set, and says which', async () => {
    expect((await build({})).placeholders).toContain('BOT_ID');
  });

  it('refuses placeholders when the environment is required', async () => {
    await expect(build({ ...TEST_ENV, PRIVACY_URL: '' }, true)).rejects.toThrow(/not set: PRIVACY_URL/);
  });

  it('writes nothing when the manifest is invalid', async () => {
    const manifestDirectory = path.join(workDirectory, 'manifest');
    cpSync(MANIFEST_DIRECTORY, manifestDirectory, { recursive: true });
    writeFileSync(path.join(manifestDirectory, 'manifest.json'), template.replace('"#1F4E79"', '"navy"'));
    await expect(buildTeamsAppPackage({ env: TEST_ENV, manifestDirectory, outputFile: path.join(workDirectory, 'app.zip') })).rejects.toThrow(PackageError);
    await expect(entries()).rejects.toThrow();
  });
});
