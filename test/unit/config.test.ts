import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, LOCAL_DATA_DIRECTORY, loadConfig } from '../../src/config';

const PRODUCTION: NodeJS.ProcessEnv = {
  BOT_MODE: 'production',
  MicrosoftAppId: '00000000-aaaa-bbbb-cccc-000000000001',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppPassword: 'app-password-value',
  MicrosoftAppTenantId: '00000000-aaaa-bbbb-cccc-000000000002',
  ALLOWED_TENANT_IDS: 't1, t2',
  STORAGE_TABLE_ENDPOINT: 'https://pptables.table.core.windows.net',
  AZURE_CLIENT_ID: '00000000-aaaa-bbbb-cccc-000000000003',
  PUBLIC_BASE_URL: 'https://prevent-bot.example.org',
  REPORT_LINK_SECRET: 'report-link-secret-value-0123456789abcdef',
  AUDIT_HASH_KEY: 'audit-hash-key-value-0123456789abcdef012345',
};

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

describe('loadConfig', () => {
  describe('defaults', () => {
    it('listens on port 3978', () => {
      expect(loadConfig({}).port).toBe(3978);
    });

    it('runs in local mode', () => {
      expect(loadConfig({}).mode).toBe('local');
    });

    it('uses Azurite on 127.0.0.1:10002', () => {
      expect(loadConfig({}).storage).toEqual({ connectionString: expect.stringContaining('TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;') });
    });

    it('uses the Azurite development account', () => {
      expect(loadConfig({}).storage).toEqual({ connectionString: expect.stringContaining('AccountName=devstoreaccount1;') });
    });

    it("prefixes table names with 'ppb'", () => {
      expect(loadConfig({}).tableNamePrefix).toBe('ppb');
    });

    it('allows no tenants', () => {
      expect(loadConfig({}).allowedTenantIds).toEqual([]);
    });

    it('limits request bodies to 256 KiB', () => {
      expect(loadConfig({}).maxRequestBodyBytes).toBe(256 * 1024);
    });

    it('sends chasers 7 and 2 working days before a deadline', () => {
      expect(loadConfig({}).chaserWorkingDays).toEqual([7, 2]);
    });
  });

  it('reads CHASER_WORKING_DAYS as a list of working days', () => {
    expect(loadConfig({ CHASER_WORKING_DAYS: '10, 5,1' }).chaserWorkingDays).toEqual([10, 5, 1]);
  });

  it.each(['0', 'abc', '7,,x', '31'])('refuses CHASER_WORKING_DAYS=%j, naming it', (value) => {
    expect(configError({ CHASER_WORKING_DAYS: value }).message).toContain('CHASER_WORKING_DAYS');
  });

  it('reads PORT as a number', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });

  it('refuses a PORT that is not a number with a ConfigError', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
  });

  it('names PORT in one line when it is not a number', () => {
    const { message } = configError({ PORT: 'abc' });
    expect(message).toMatch(/^[^\n\r]*\bPORT\b[^\n\r]*$/);
  });

  it('refuses production mode without MicrosoftAppId, naming it', () => {
    expect(configError({ ...PRODUCTION, MicrosoftAppId: undefined }).message).toContain('MicrosoftAppId');
  });

  it('refuses production mode without a table endpoint rather than falling back to Azurite', () => {
    expect(configError({ ...PRODUCTION, STORAGE_TABLE_ENDPOINT: undefined }).message).toContain('STORAGE_TABLE_ENDPOINT');
  });

  it("reaches Table storage in production with the managed identity: the endpoint and the identity's client id", () => {
    expect(loadConfig(PRODUCTION).storage).toEqual({ tableEndpoint: 'https://pptables.table.core.windows.net', managedIdentityClientId: '00000000-aaaa-bbbb-cccc-000000000003' });
  });

  it('refuses an account key in production: connection strings are for Azurite and local runs', () => {
    const withKey = { ...PRODUCTION, STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=pptables;AccountKey=a2V5;EndpointSuffix=core.windows.net' };
    const message = configError(withKey).message;
    expect(message).toContain('STORAGE_CONNECTION_STRING is for Azurite and local runs only');
    expect(message).not.toContain('a2V5');
  });

  it('still lets a production-mode test run against Azurite on this machine', () => {
    const local = {
      ...PRODUCTION,
      STORAGE_TABLE_ENDPOINT: undefined,
      STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
    };
    expect(loadConfig(local).storage).toEqual({ connectionString: local.STORAGE_CONNECTION_STRING });
  });

  it('takes the daily backup to the container at BACKUP_BLOB_ENDPOINT, signing in as the same identity', () => {
    expect(loadConfig({ ...PRODUCTION, BACKUP_BLOB_ENDPOINT: 'https://ppbackups.blob.core.windows.net' }).backups).toEqual({
      blobEndpoint: 'https://ppbackups.blob.core.windows.net',
      container: 'table-backups',
      managedIdentityClientId: '00000000-aaaa-bbbb-cccc-000000000003',
    });
    expect(loadConfig({}).backups).toBeUndefined();
    expect(configError({ BACKUP_CONTAINER: 'Table_Backups' }).message).toContain('BACKUP_CONTAINER');
  });

  it('refuses a managed identity client id that is not a GUID', () => {
    expect(configError({ ...PRODUCTION, AZURE_CLIENT_ID: 'bot' }).message).toContain('AZURE_CLIENT_ID');
  });

  it('keeps a bad enum value on one line even when it contains a line break', () => {
    expect(configError({ BOT_MODE: 'prod\nuction' }).message).not.toMatch(/[\r\n]/);
  });

  it('does not blame MicrosoftAppId in production mode when it is set', () => {
    expect(configError({ ...PRODUCTION, MicrosoftAppTenantId: undefined }).message).not.toContain('MicrosoftAppId');
  });

  it('accepts production mode with full settings', () => {
    expect(loadConfig(PRODUCTION).mode).toBe('production');
  });

  it('splits ALLOWED_TENANT_IDS on commas and trims each tenant', () => {
    expect(loadConfig(PRODUCTION).allowedTenantIds).toEqual(['t1', 't2']);
  });

  it('reads PARTNER_TENANT_IDS the same way, and leaves it empty when unset', () => {
    expect(loadConfig({ ...PRODUCTION, PARTNER_TENANT_IDS: ' partner-a ,partner-b' }).partnerTenantIds).toEqual(['partner-a', 'partner-b']);
    expect(loadConfig(PRODUCTION).partnerTenantIds).toEqual([]);
  });

  it('passes the bot credentials through in production mode', () => {
    expect(loadConfig(PRODUCTION).bot).toEqual({
      appId: PRODUCTION['MicrosoftAppId'],
      appPassword: PRODUCTION['MicrosoftAppPassword'],
      appTenantId: PRODUCTION['MicrosoftAppTenantId'],
      appType: 'SingleTenant',
    });
  });

  it('refuses production with SingleTenant and an empty MicrosoftAppPassword, naming it', () => {
    expect(configError({ ...PRODUCTION, MicrosoftAppPassword: '' }).message).toContain('MicrosoftAppPassword');
  });

  it('refuses production with ALLOWED_TENANT_IDS holding only commas, naming it', () => {
    expect(configError({ ...PRODUCTION, ALLOWED_TENANT_IDS: ' , ,' }).message).toContain('ALLOWED_TENANT_IDS');
  });

  it('refuses a STORAGE_CONNECTION_STRING that is not a connection string, naming it', () => {
    expect(configError({ STORAGE_CONNECTION_STRING: 'secret-value' }).message).toContain('STORAGE_CONNECTION_STRING');
  });

  it('refuses an APPLICATIONINSIGHTS_CONNECTION_STRING without an instrumentation key, hiding its value', () => {
    expect(configError({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'secret-value' }).message).toMatch(/APPLICATIONINSIGHTS_CONNECTION_STRING.*value hidden/);
  });

  it('accepts an Application Insights connection string', () => {
    expect(() =>
      loadConfig({
        APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
      }),
    ).not.toThrow();
  });

  it('keeps a bad STORAGE_CONNECTION_STRING value out of the message', () => {
    expect(configError({ STORAGE_CONNECTION_STRING: 'secret-value' }).message).not.toContain('secret-value');
  });

  it('keeps the password out of the message when another setting is wrong', () => {
    const { message } = configError({ ...PRODUCTION, MicrosoftAppTenantId: undefined, PORT: 'abc' });
    expect(message).not.toContain('app-password-value');
  });

  it('shows a non-secret bad value so it can be found', () => {
    expect(configError({ TABLE_NAME_PREFIX: '9bad' }).message).toContain('"9bad"');
  });

  describe('board report links', () => {
    it('point at http://localhost on the bot port by default', () => {
      expect(loadConfig({ PORT: '4000' }).reports.publicBaseUrl).toBe('http://localhost:4000');
    });

    it('get a random signing secret of at least 32 characters in local mode', () => {
      expect(loadConfig({}).reports.linkSecret.length).toBeGreaterThanOrEqual(32);
    });

    it('get a different local secret at each start', () => {
      expect(loadConfig({}).reports.linkSecret).not.toBe(loadConfig({}).reports.linkSecret);
    });

    it('use PUBLIC_BASE_URL and REPORT_LINK_SECRET when set', () => {
      expect(loadConfig(PRODUCTION).reports).toEqual({ publicBaseUrl: 'https://prevent-bot.example.org', linkSecret: PRODUCTION['REPORT_LINK_SECRET'] });
    });

    it('refuses production mode without REPORT_LINK_SECRET, naming it', () => {
      expect(configError({ ...PRODUCTION, REPORT_LINK_SECRET: undefined }).message).toContain('REPORT_LINK_SECRET');
    });

    it('refuses a REPORT_LINK_SECRET shorter than 32 characters, naming it', () => {
      expect(configError({ REPORT_LINK_SECRET: 'short-secret' }).message).toContain('REPORT_LINK_SECRET');
    });

    it('keeps a bad REPORT_LINK_SECRET value out of the message', () => {
      expect(configError({ REPORT_LINK_SECRET: 'short-secret' }).message).not.toContain('short-secret');
    });

    it('refuses production mode without PUBLIC_BASE_URL, naming it', () => {
      expect(configError({ ...PRODUCTION, PUBLIC_BASE_URL: undefined }).message).toContain('PUBLIC_BASE_URL');
    });

    it('refuses production mode with an http:// PUBLIC_BASE_URL, naming it', () => {
      expect(configError({ ...PRODUCTION, PUBLIC_BASE_URL: 'http://prevent-bot.example.org' }).message).toContain('PUBLIC_BASE_URL');
    });

    it('refuses a PUBLIC_BASE_URL that is not an address, naming it', () => {
      expect(configError({ PUBLIC_BASE_URL: 'prevent-bot' }).message).toContain('PUBLIC_BASE_URL');
    });
  });

  describe('empty-string variables count as unset', () => {
    it.each([
      ['PORT', '', 'port', 3978],
      ['BOT_MODE', '', 'mode', 'local'],
      ['TABLE_NAME_PREFIX', '', 'tableNamePrefix', 'ppb'],
      ['DEFAULT_PARTNERSHIP_ID', '  ', 'defaultPartnershipId', 'warwickshire'],
      ['LOG_LEVEL', '', 'logLevel', 'info'],
    ] as const)('uses the default when %s is %j', (variable, value, key, expected) => {
      expect(loadConfig({ [variable]: value })[key]).toBe(expected);
    });

    it('uses Azurite when STORAGE_CONNECTION_STRING is empty', () => {
      expect(loadConfig({ STORAGE_CONNECTION_STRING: '' }).storage).toEqual(loadConfig({}).storage);
    });

    it('treats an empty MicrosoftAppId as missing in production mode', () => {
      expect(configError({ ...PRODUCTION, MicrosoftAppId: '' }).message).toContain('MicrosoftAppId');
    });

    it('leaves an empty MicrosoftAppId unset in local mode', () => {
      expect(loadConfig({ MicrosoftAppId: '' }).bot.appId).toBeUndefined();
    });
  });
});

describe('the audit settings', () => {
  it('refuses production mode without AUDIT_HASH_KEY, naming it and hiding nothing else', () => {
    expect(configError({ ...PRODUCTION, AUDIT_HASH_KEY: undefined }).message).toContain('AUDIT_HASH_KEY');
  });

  it('refuses an AUDIT_HASH_KEY shorter than 32 characters without printing it', () => {
    const message = configError({ AUDIT_HASH_KEY: 'short-audit-key' }).message;
    expect(message).toContain('AUDIT_HASH_KEY');
    expect(message).not.toContain('short-audit-key');
  });

  it("anchors chain heads in the backup account's anchor container, with the managed identity, when a blob endpoint is set", () => {
    expect(loadConfig({ ...PRODUCTION, BACKUP_BLOB_ENDPOINT: 'https://ppbackups.blob.core.windows.net' }).audit).toEqual({
      hashKey: PRODUCTION['AUDIT_HASH_KEY'],
      localDirectory: expect.any(String),
      anchors: { blobEndpoint: 'https://ppbackups.blob.core.windows.net', container: 'audit-anchors', managedIdentityClientId: PRODUCTION['AZURE_CLIENT_ID'] },
    });
  });

  it('anchors local runs to an append-only file per table prefix beside the local data, with a generated key there', () => {
    const audit = loadConfig({ TABLE_NAME_PREFIX: 'demo' }).audit;
    expect(audit).toEqual({ localDirectory: LOCAL_DATA_DIRECTORY, anchors: { file: path.join(LOCAL_DATA_DIRECTORY, 'audit-anchors', 'demo.ndjson') } });
  });
});

describe('CONFIG_VARIABLES', () => {
  it('lists every variable the bot reads', () => {
    expect([...CONFIG_VARIABLES].sort()).toEqual(
      [
        'PORT',
        'BOT_MODE',
        'STORAGE_CONNECTION_STRING',
        'STORAGE_TABLE_ENDPOINT',
        'AZURE_CLIENT_ID',
        'BACKUP_BLOB_ENDPOINT',
        'BACKUP_CONTAINER',
        'TABLE_NAME_PREFIX',
        'DEFAULT_PARTNERSHIP_ID',
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'MicrosoftAppType',
        'ALLOWED_TENANT_IDS',
        'PARTNER_TENANT_IDS',
        'FRAMEWORKS_DIRECTORY',
        'AGENDA_POST_WORKING_DAYS',
        'CHASER_WORKING_DAYS',
        'MAX_REQUEST_BODY_KB',
        'HEALTH_CACHE_SECONDS',
        'PUBLIC_BASE_URL',
        'REPORT_LINK_SECRET',
        'AUDIT_HASH_KEY',
        'AUDIT_ANCHOR_CONTAINER',
        'LOG_LEVEL',
        'LOG_FORMAT',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
      ].sort(),
    );
  });
});
