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
    expect(
      appSettings()
        .filter((name) => !isPlatformSetting(name))
        .sort(),
    ).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('belong to the bot App Service', () => {
    expect(resourceBlock(bicep, 'appSettings').type).toMatch(/^Microsoft\.Web\/sites\/config@/);
  });

  it('run the bot in production mode with its managed identity', () => {
    const settings = objectAt(resourceBlock(bicep, 'appSettings'), ['properties']);
    expect([settings['BOT_MODE'], settings['MicrosoftAppType'], settings['MicrosoftAppId']]).toEqual(["'production'", "'UserAssignedMSI'", 'identity.properties.clientId']);
  });

  it('take the report link secret from Key Vault, never as a value: a secure parameter goes into the vault', () => {
    expect(objectAt(resourceBlock(bicep, 'appSettings'), ['properties'])['REPORT_LINK_SECRET']).toBe(
      "'@Microsoft.KeyVault(SecretUri=${reportLinkSecretInVault.properties.secretUri})'",
    );
    expect(objectAt(resourceBlock(bicep, 'reportLinkSecretInVault'), ['properties'])['value']).toBe('reportLinkSecret');
    expect(bicepParams(bicep).find((p) => p.name === 'reportLinkSecret')?.decorators).toContain('@secure()');
  });

  it("reach Table storage by the managed identity: an endpoint and the identity's client id, no connection string", () => {
    const settings = objectAt(resourceBlock(bicep, 'appSettings'), ['properties']);
    expect([settings['STORAGE_CONNECTION_STRING'], settings['STORAGE_TABLE_ENDPOINT'], settings['AZURE_CLIENT_ID']]).toEqual([
      "''",
      'storage.properties.primaryEndpoints.table',
      'identity.properties.clientId',
    ]);
    expect(bicep).not.toContain('listKeys(');
  });

  it('are written only once the identity holds its storage and vault roles', () => {
    expect(resourceBlock(bicep, 'appSettings').lines.join('\n')).toMatch(/dependsOn: \[\s*tableDataRole\s*vaultSecretsRole\s*backupWriterRole\s*\]/);
  });
});

describe('infra/main.bicep resources', () => {
  it('host the bot on Linux App Service with Node 24 LTS, https only', () => {
    const site = resourceBlock(bicep, 'webApp');
    expect([objectAt(site, ['properties'])['httpsOnly'], objectAt(site, ['properties', 'siteConfig'])['linuxFxVersion']]).toEqual(['true', "'NODE|24-lts'"]);
  });

  it('keep the storage account TLS 1.2 and https only, with no public blob access', () => {
    const properties = objectAt(resourceBlock(bicep, 'storage'), ['properties']);
    expect([properties['minimumTlsVersion'], properties['supportsHttpsTrafficOnly'], properties['allowBlobPublicAccess']]).toEqual(["'TLS1_2'", 'true', 'false']);
  });

  it('refuse the account key: shared key access off, Entra ID sign-in by default', () => {
    const properties = objectAt(resourceBlock(bicep, 'storage'), ['properties']);
    expect([properties['allowSharedKeyAccess'], properties['defaultToOAuthAuthentication']]).toEqual(['false', 'true']);
  });

  it("give the bot's identity Storage Table Data Contributor on the account, and Key Vault Secrets User on the vault", () => {
    expect(bicep).toContain("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')");
    expect(bicep).toContain("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')");
    for (const [assignment, scope, role] of [
      ['tableDataRole', 'storage', 'storageTableDataContributor'],
      ['vaultSecretsRole', 'vault', 'keyVaultSecretsUser'],
    ] as const) {
      const block = resourceBlock(bicep, assignment);
      expect(objectAt(block, [])['scope']).toBe(scope);
      expect([objectAt(block, ['properties'])['roleDefinitionId'], objectAt(block, ['properties'])['principalId']]).toEqual([role, 'identity.properties.principalId']);
    }
  });

  it("keep secrets in a Key Vault in RBAC mode with soft delete and purge protection, read with the bot's identity", () => {
    const properties = objectAt(resourceBlock(bicep, 'vault'), ['properties']);
    expect([properties['enableRbacAuthorization'], properties['enableSoftDelete'], properties['enablePurgeProtection']]).toEqual(['true', 'true', 'true']);
    expect(objectAt(resourceBlock(bicep, 'webApp'), ['properties'])['keyVaultReferenceIdentity']).toBe('identity.id');
  });

  it('offer only App Service plans that support Always On, which the schedulers need', () => {
    const allowed = /@allowed\(\[([\s\S]*?)\]\)\s*param appServiceSku/.exec(bicep)?.[1]?.match(/'(\w+)'/g) ?? [];
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.filter((sku) => /^'(F1|D1|FREE|SHARED)'$/i.test(sku))).toEqual([]);
  });

  it('send App Service console, HTTP and platform logs to the Log Analytics workspace', () => {
    const settings = resourceBlock(bicep, 'webAppLogs');
    expect([objectAt(settings, [])['scope'], objectAt(settings, ['properties'])['workspaceId']]).toEqual(['webApp', 'workspace.id']);
    expect(settings.lines.join('\n')).toContain("category: 'AppServiceConsoleLogs'");
  });

  it('watch /healthz with an Application Insights availability test', () => {
    const test = resourceBlock(bicep, 'healthTest');
    expect(objectAt(test, ['properties', 'Request'])['RequestUrl']).toBe("'https://${publicHost}/healthz'");
    expect(objectAt(test, ['properties', 'ValidationRules'])['ExpectedHttpStatusCode']).toBe('200');
    expect(test.lines.join('\n')).toContain("'hidden-link:${appInsights.id}': 'Resource'");
  });

  it("keep the nightly backups in an account of their own, immutable for the retention period, written by the bot's identity", () => {
    expect(objectAt(resourceBlock(bicep, 'blobService'), [])['parent']).toBe('backupStorage');
    expect(objectAt(resourceBlock(bicep, 'backupRetention'), ['properties'])).toMatchObject({
      immutabilityPeriodSinceCreationInDays: 'backupRetentionDays',
      allowProtectedAppendWrites: 'false',
    });
    expect(objectAt(resourceBlock(bicep, 'backupStorage'), ['properties'])['allowSharedKeyAccess']).toBe('false');
    const role = resourceBlock(bicep, 'backupWriterRole');
    expect([objectAt(role, [])['scope'], objectAt(role, ['properties'])['principalId']]).toEqual(['backupStorage', 'identity.properties.principalId']);
    const settings = objectAt(resourceBlock(bicep, 'appSettings'), ['properties']);
    expect([settings['BACKUP_BLOB_ENDPOINT'], settings['BACKUP_CONTAINER']]).toEqual(['backupStorage.properties.primaryEndpoints.blob', 'backupContainer.name']);
  });

  it('anchor the audit chain heads in an append-only container of the backup account, and take the audit hash key from Key Vault', () => {
    expect(objectAt(resourceBlock(bicep, 'anchorContainer'), [])['parent']).toBe('blobService');
    expect(objectAt(resourceBlock(bicep, 'anchorRetention'), ['properties'])).toMatchObject({
      immutabilityPeriodSinceCreationInDays: 'auditAnchorRetentionDays',
      allowProtectedAppendWrites: 'true',
    });
    const settings = objectAt(resourceBlock(bicep, 'appSettings'), ['properties']);
    expect(settings['AUDIT_ANCHOR_CONTAINER']).toBe('anchorContainer.name');
    expect(settings['AUDIT_HASH_KEY']).toBe("'@Microsoft.KeyVault(SecretUri=${auditHashKeyInVault.properties.secretUri})'");
    expect(objectAt(resourceBlock(bicep, 'auditHashKeyInVault'), ['properties'])['value']).toBe('auditHashKey');
    expect(bicepParams(bicep).find((p) => p.name === 'auditHashKey')?.decorators).toContain('@secure()');
  });

  it('lock the tables, the backups and the vault against deletion', () => {
    for (const [lock, scope] of [
      ['tablesLock', 'storage'],
      ['backupsLock', 'backupStorage'],
      ['vaultLock', 'vault'],
    ] as const) {
      const block = resourceBlock(bicep, lock);
      expect([objectAt(block, [])['scope'], objectAt(block, ['properties'])['level']]).toEqual([scope, "'CanNotDelete'"]);
    }
  });

  it('turn on soft delete for blobs and containers', () => {
    const blob = resourceBlock(bicep, 'blobService');
    expect([objectAt(blob, ['properties', 'deleteRetentionPolicy'])['enabled'], objectAt(blob, ['properties', 'containerDeleteRetentionPolicy'])['enabled']]).toEqual([
      'true',
      'true',
    ]);
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
    const required = bicepParams(bicep)
      .filter((p) => !p.hasDefault)
      .map((p) => p.name);
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

  it('generates the report link secret on the first provision only, and pins the Bicep release', () => {
    expect(lifecycle).toContain("if (!process.env.SECRET_REPORT_LINK_SECRET) console.log('::set-teamsfx-env SECRET_REPORT_LINK_SECRET='");
    expect(lifecycle).toMatch(/^\s+bicepCliVersion: v\d+\.\d+\.\d+$/m);
    expect(lifecycle.indexOf('SECRET_REPORT_LINK_SECRET')).toBeLessThan(lifecycle.indexOf('uses: arm/deploy'));
  });

  it('deploys with an npm script package.json has', () => {
    const scripts = [...lifecycle.matchAll(/args: run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(scripts.filter((script) => !(script in packageJson.scripts))).toEqual([]);
  });
});
