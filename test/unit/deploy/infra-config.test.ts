import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../../src/config';
import { MANIFEST_VARIABLES } from '../../../src/deploy/teams-package';
import { bicepOutputs, bicepParams, objectAt, objectKeys, resourceBlock } from '../../support/bicep-reader';

const ROOT = path.join(__dirname, '..', '..', '..');
const bicep = readFileSync(path.join(ROOT, 'infra', 'main.bicep'), 'utf8');
const parameters = JSON.parse(readFileSync(path.join(ROOT, 'infra', 'main.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
const lifecycle = readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** App Service's own settings, which the bot does not read. */
const isPlatformSetting = (name: string) => /^(WEBSITE|SCM)_/.test(name);
const appSettings = () => objectKeys(resourceBlock(bicep, 'appSettings'), ['properties']);

describe('infra/main.bicep app settings', () => {
  it('are exactly the variables src/config.ts reads, besides App Service platform settings', () => {
    expect(appSettings().filter((name) => !isPlatformSetting(name)).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('belong to the bot App Service', () => {
    expect(resourceBlock(bicep, 'appSettings').type).toMatch(/^Microsoft\.Web\/sites\/config@/);
  });

  it('run the bot in production mode with its managed identity', () => {
    const settings = objectAt(resourceBlock(bicep, 'appSettings'), ['properties']);
    expect([settings['BOT_MODE'], settings['MicrosoftAppType'], settings['MicrosoftAppId']]).toEqual([
      "'production'",
      "'UserAssignedMSI'",
      'identity.properties.clientId',
    ]);
  });

  it('take the report link secret from a secure parameter', () => {
    expect(objectAt(resourceBlock(bicep, 'appSettings'), ['properties'])['REPORT_LINK_SECRET']).toBe('reportLinkSecret');
    expect(bicepParams(bicep).find((p) => p.name === 'reportLinkSecret')?.decorators).toContain('@secure()');
  });
});

describe('infra/main.bicep resources', () => {
  it('host the bot on Linux App Service with Node 20, https only', () => {
    const site = resourceBlock(bicep, 'webApp');
    expect([objectAt(site, ['properties'])['httpsOnly'], objectAt(site, ['properties', 'siteConfig'])['linuxFxVersion']]).toEqual(['true', "'NODE|20-lts'"]);
  });

  it('keep the storage account TLS 1.2 and https only, with no public blob access', () => {
    const properties = objectAt(resourceBlock(bicep, 'storage'), ['properties']);
    expect([properties['minimumTlsVersion'], properties['supportsHttpsTrafficOnly'], properties['allowBlobPublicAccess']]).toEqual(["'TLS1_2'", 'true', 'false']);
  });

  it('turn on soft delete for blobs and containers', () => {
    const blob = resourceBlock(bicep, 'blobService');
    expect([objectAt(blob, ['properties', 'deleteRetentionPolicy'])['enabled'], objectAt(blob, ['properties', 'containerDeleteRetentionPolicy'])['enabled']]).toEqual(['true', 'true']);
  });

  it('register the bot with its user-assigned managed identity', () => {
    const properties = objectAt(resourceBlock(bicep, 'bot'), ['properties']);
    expect([properties['msaAppType'], properties['msaAppMSIResourceId']]).toEqual(["'UserAssignedMSI'", 'identity.id']);
  });

  it('connect the bot to the Teams channel', () => {
    expect(objectAt(resourceBlock(bicep, 'teamsChannel'), ['properties'])['channelName']).toBe("'MsTeamsChannel'");
  });

  it('give the App Service the same identity the bot is registered with', () => {
    expect(objectKeys(resourceBlock(bicep, 'webApp'), ['identity', 'userAssignedIdentities'])).toEqual(["'${identity.id}'"]);
  });

  it('output the bot id and domain that npm run package fills the manifest from', () => {
    const read = MANIFEST_VARIABLES.filter((v) => v.name === 'BOT_ID' || v.name === 'BOT_DOMAIN').map((v) => v.sources[0]);
    expect(bicepOutputs(bicep)).toEqual(expect.arrayContaining(read));
  });
});

describe('infra/main.parameters.json', () => {
  it('sets only parameters main.bicep declares', () => {
    const declared = bicepParams(bicep).map((p) => p.name);
    expect(Object.keys(parameters.parameters).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('sets every parameter that has no default', () => {
    const required = bicepParams(bicep).filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.filter((name) => !(name in parameters.parameters))).toEqual([]);
  });
});

describe('m365agents.yml', () => {
  it('keeps the toolkit environment files under infra/', () => {
    expect(lifecycle).toMatch(/^environmentFolderPath: \.\/infra\/env$/m);
  });

  it.each([...lifecycle.matchAll(/(?:path|parameters|manifestPath): (\.\/\S+)/g)].map((m) => m[1]!))('points at %s, which exists', (file) => {
    expect(existsSync(path.join(ROOT, file))).toBe(true);
  });

  it('provisions and deploys', () => {
    expect([...lifecycle.matchAll(/^(\w+):$/gm)].map((m) => m[1])).toEqual(['provision', 'deploy']);
  });

  it('deploys with an npm script package.json has', () => {
    const scripts = [...lifecycle.matchAll(/args: run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(scripts.filter((script) => !(script in packageJson.scripts))).toEqual([]);
  });
});
