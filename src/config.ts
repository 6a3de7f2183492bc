import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './project-root';

/** Azurite's well-known development account, on its default Table port. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
export function azuriteConnectionString(port = 10002, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`;
}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

/** A comma-separated list of tenant ids, trimmed, blanks dropped; empty when unset. */
const tenantList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    ),
);

const configSchema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
    BOT_MODE: z.preprocess(emptyToUndefined, z.enum(['local', 'production']).default('local')),
    STORAGE_CONNECTION_STRING: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((s) => /TableEndpoint=|AccountName=|UseDevelopmentStorage=true/i.test(s), 'is not an Azure Storage connection string')
        .optional(),
    ),
    // Production reaches Table storage with the App Service's managed identity: no account key anywhere.
    STORAGE_TABLE_ENDPOINT: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url()
        .refine((u) => /^https?:\/\//i.test(u), 'must be the table service address, e.g. https://ACCOUNT.table.core.windows.net')
        .optional(),
    ),
    // Read by @azure/identity itself: which user-assigned managed identity to sign in as.
    AZURE_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().uuid("must be the managed identity's client id (a GUID)").optional()),
    // The daily backup's container, in a storage account apart from the tables, with an immutability policy.
    BACKUP_BLOB_ENDPOINT: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url()
        .refine((u) => /^https?:\/\//i.test(u), 'must be the blob service address, e.g. https://ACCOUNT.blob.core.windows.net')
        .optional(),
    ),
    BACKUP_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, 'must be a blob container name: 3-63 lower-case letters, digits and single hyphens')
        .default('table-backups'),
    ),
    // The audit chain's head is anchored in this container of the backup account (append blobs, immutable).
    AUDIT_ANCHOR_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, 'must be a blob container name: 3-63 lower-case letters, digits and single hyphens')
        .default('audit-anchors'),
    ),
    // Keys the audit log's value hashes, so a guessed value (an erased name) cannot be confirmed against them.
    AUDIT_HASH_KEY: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    TABLE_NAME_PREFIX: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be a letter then up to 19 letters or digits')
        .default('ppb'),
    ),
    DEFAULT_PARTNERSHIP_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2-63 lower-case letters, digits or hyphens')
        .default('warwickshire'),
    ),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: optionalString,
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
    ALLOWED_TENANT_IDS: tenantList,
    PARTNER_TENANT_IDS: tenantList,
    FRAMEWORKS_DIRECTORY: optionalString,
    AGENDA_POST_WORKING_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(30).default(5)),
    CHASER_WORKING_DAYS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('7,2')
        .transform((s) =>
          s
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean)
            .map(Number),
        )
        .refine(
          (days) => days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 30),
          'must be working days before the deadline, 1 to 30, separated by commas (e.g. 7,2)',
        ),
    ),
    MAX_REQUEST_BODY_KB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(16).max(4096).default(256)),
    HEALTH_CACHE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(300).default(10)),
    PUBLIC_BASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url()
        .refine((u) => /^https?:\/\//i.test(u), 'must start with https:// (or http:// for local runs)')
        .optional(),
    ),
    REPORT_LINK_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(['json', 'pretty']).default('json')),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    // Read by src/telemetry.ts before anything else loads; validated here so a bad value stops start-up.
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((s) => /InstrumentationKey=/i.test(s), 'is not an Application Insights connection string')
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== 'production') return;
    const require = (variable: keyof typeof env, why: string) => {
      if (!env[variable] || (Array.isArray(env[variable]) && (env[variable] as unknown[]).length === 0)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [variable], message: why });
      }
    };
    if (env.STORAGE_CONNECTION_STRING && !isLocalEmulator(env.STORAGE_CONNECTION_STRING)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['STORAGE_CONNECTION_STRING'],
        message:
          'is for Azurite and local runs only: in production the bot reaches Table storage with its managed identity (set STORAGE_TABLE_ENDPOINT and AZURE_CLIENT_ID instead)',
      });
    }
    if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_TABLE_ENDPOINT?.toLowerCase().startsWith('https://')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['STORAGE_TABLE_ENDPOINT'], message: 'must be the https:// table service address when BOT_MODE=production' });
    }
    require('MicrosoftAppId', 'is required when BOT_MODE=production (without it every request is accepted unauthenticated)');
    require('MicrosoftAppType', 'is required when BOT_MODE=production (SingleTenant or UserAssignedMSI)');
    require('MicrosoftAppTenantId', 'is required when BOT_MODE=production');
    require('ALLOWED_TENANT_IDS', 'is required when BOT_MODE=production (list the tenants allowed to use the bot)');
    require('REPORT_LINK_SECRET', 'is required when BOT_MODE=production (it signs the board report download links)');
    require('AUDIT_HASH_KEY', "is required when BOT_MODE=production (it keys the audit log's value hashes)");
    if (!env.PUBLIC_BASE_URL?.toLowerCase().startsWith('https://')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['PUBLIC_BASE_URL'], message: 'must be the https:// address Teams users reach the bot at when BOT_MODE=production' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' || env.MicrosoftAppType === 'MultiTenant') {
      require('MicrosoftAppPassword', `is required when MicrosoftAppType=${env.MicrosoftAppType}`);
    }
  });

/** How the bot reaches Table storage: a connection string (Azurite, local runs) or an endpoint and its managed identity. */
export type StorageAccess = Readonly<{ connectionString: string } | { tableEndpoint: string; managedIdentityClientId?: string }>;

/** A connection string that points at the storage emulator on this machine, whose well-known key is no secret. */
export function isLocalEmulator(connectionString: string): boolean {
  return /UseDevelopmentStorage=true/i.test(connectionString) || /TableEndpoint=https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(connectionString);
}

export type Config = Readonly<{
  port: number;
  mode: 'local' | 'production';
  storage: StorageAccess;
  /** Where the daily table backup goes; absent means no scheduled backup (local runs). */
  backups?: Readonly<{ blobEndpoint: string; container: string; managedIdentityClientId?: string }>;
  /**
   * The audit log's value-hash key (absent locally: a key generated once into `localDirectory`), and
   * where the chain heads are anchored: the backup account's blob service when configured, otherwise
   * an append-only file in `localDirectory`.
   */
  audit: Readonly<{
    hashKey?: string;
    localDirectory: string;
    anchors: Readonly<{ blobEndpoint: string; container: string; managedIdentityClientId?: string }> | Readonly<{ file: string }>;
  }>;
  tableNamePrefix: string;
  defaultPartnershipId: string;
  maxRequestBodyBytes: number;
  /** How long one storage check answers GET /healthz (0: every request checks). */
  healthCacheMs: number;
  /** How many working days before a meeting its agenda is posted to the channel automatically. */
  agendaPostWorkingDays: number;
  /** Chasers go to those who have not replied this many working days before a deadline. */
  chaserWorkingDays: readonly number[];
  /** A folder of extra self-assessment framework files, loaded beside the shipped ones. */
  frameworksDirectory?: string;
  allowedTenantIds: readonly string[];
  /** Partner organisations' tenants whose people may use the bot as external members of a shared channel hosted in an allowed tenant. */
  partnerTenantIds: readonly string[];
  logLevel: string;
  logFormat: 'json' | 'pretty';
  /** Board report download links: where users reach the bot, and the key that signs the links. */
  reports: Readonly<{ publicBaseUrl: string; linkSecret: string }>;
  bot: Readonly<{
    appId?: string;
    appPassword?: string;
    appTenantId?: string;
    appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  }>;
}>;

/** Every variable the bot reads; infra and the README are checked against this list. */
export const CONFIG_VARIABLES = Object.keys(configSchema.innerType().shape) as readonly string[];

export class ConfigError extends Error {}

function redact(variable: string, value: unknown): string {
  if (value === undefined) return 'not set';
  if (/PASSWORD|CONNECTION_STRING|SECRET|KEY$/i.test(variable)) return 'value hidden';
  return `got ${JSON.stringify(String(value)).slice(0, 60)}`;
}

/** Local runs keep their generated audit key and anchors file beside Azurite's data. */
export const LOCAL_DATA_DIRECTORY = path.join(PROJECT_ROOT, '.data');

/** Parses the environment once; a bad value stops start-up with one readable line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      const message = issue.message.replace(/\s+/g, ' ').slice(0, 200);
      return `${variable} ${message} (${redact(variable, env[variable])})`;
    });
    throw new ConfigError(`Configuration error: ${lines.join('; ')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    mode: e.BOT_MODE,
    storage:
      e.STORAGE_TABLE_ENDPOINT && !e.STORAGE_CONNECTION_STRING
        ? { tableEndpoint: e.STORAGE_TABLE_ENDPOINT, ...(e.AZURE_CLIENT_ID ? { managedIdentityClientId: e.AZURE_CLIENT_ID } : {}) }
        : { connectionString: e.STORAGE_CONNECTION_STRING ?? azuriteConnectionString() },
    ...(e.BACKUP_BLOB_ENDPOINT
      ? { backups: { blobEndpoint: e.BACKUP_BLOB_ENDPOINT, container: e.BACKUP_CONTAINER, ...(e.AZURE_CLIENT_ID ? { managedIdentityClientId: e.AZURE_CLIENT_ID } : {}) } }
      : {}),
    audit: auditSettings(e.AUDIT_HASH_KEY, LOCAL_DATA_DIRECTORY, e.TABLE_NAME_PREFIX, e.BACKUP_BLOB_ENDPOINT, e.AUDIT_ANCHOR_CONTAINER, e.AZURE_CLIENT_ID),
    tableNamePrefix: e.TABLE_NAME_PREFIX,
    defaultPartnershipId: e.DEFAULT_PARTNERSHIP_ID,
    maxRequestBodyBytes: e.MAX_REQUEST_BODY_KB * 1024,
    healthCacheMs: e.HEALTH_CACHE_SECONDS * 1000,
    agendaPostWorkingDays: e.AGENDA_POST_WORKING_DAYS,
    chaserWorkingDays: e.CHASER_WORKING_DAYS,
    ...(e.FRAMEWORKS_DIRECTORY ? { frameworksDirectory: e.FRAMEWORKS_DIRECTORY } : {}),
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    partnerTenantIds: e.PARTNER_TENANT_IDS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    reports: {
      publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
      // Local runs get a fresh key at each start: links from before a restart simply stop working.
      linkSecret: e.REPORT_LINK_SECRET ?? randomBytes(32).toString('base64url'),
    },
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appTenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
    },
  };
}

function auditSettings(
  hashKey: string | undefined,
  localDirectory: string,
  tableNamePrefix: string,
  blobEndpoint: string | undefined,
  container: string,
  clientId: string | undefined,
): Config['audit'] {
  return {
    ...(hashKey ? { hashKey } : {}),
    localDirectory,
    anchors: blobEndpoint
      ? { blobEndpoint, container, ...(clientId ? { managedIdentityClientId: clientId } : {}) }
      : // One file per table prefix: test runs and demos with their own tables never mix anchors with the real local chain.
        { file: path.join(localDirectory, 'audit-anchors', `${tableNamePrefix}.ndjson`) },
  };
}
