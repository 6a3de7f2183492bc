import type { TokenCredential } from '@azure/identity';
import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { StorageAccess } from '../../config';
import { managedIdentityCredential } from '../azure-identity';
import type { StorageHealth } from '../../domain/ports';
import { moveAssessmentRowsToRoundPartitions } from './assessment-layout-migration';
import { operationDeadlinePolicy, TABLE_OPERATION_DEADLINE_MS } from './request-deadline';

/** The tables this deployment uses; each is created on start-up if missing. */
export const TABLES = {
  partnerships: 'Partnerships',
  guidance: 'Guidance',
  organisations: 'Organisations',
  members: 'Members',
  actions: 'Actions',
  assessments: 'Assessments',
  meetings: 'Meetings',
  outbox: 'Outbox',
  botState: 'BotState',
  audit: 'AuditLog',
  reportLinks: 'UsedReportLinks',
  assurance: 'Assurance',
} as const;

export type TableKey = keyof typeof TABLES;

export type TablePipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/**
 * One entry point for every TableClient, so the way in (a connection string locally, the managed
 * identity in production), name prefix and client options are decided once. Local Azurite speaks
 * plain http, which the SDK refuses unless told.
 */
export class TableStorage implements StorageHealth {
  private readonly clients = new Map<TableKey, TableClient>();
  private readonly options: TableServiceClientOptions;
  private credential?: TokenCredential;

  private readonly access: StorageAccess;

  constructor(
    /** How to reach the tables; a plain string is a connection string (Azurite, tests). */
    access: StorageAccess | string,
    private readonly prefix: string,
    /** Tests shorten it to prove a hung storage fails as "not saved" rather than hanging the turn. */
    deadlineMs = TABLE_OPERATION_DEADLINE_MS,
    /** Tests stand in for the managed identity here, at the credential boundary, and trust a loopback certificate. */
    seams: {
      readonly credential?: TokenCredential;
      readonly tlsOptions?: TableServiceClientOptions['tlsOptions'];
      /** Sees every HTTP request to the tables (tests count the calls a turn makes). */
      readonly observers?: readonly TablePipelinePolicy[];
    } = {},
  ) {
    this.access = typeof access === 'string' ? { connectionString: access } : access;
    if (seams.credential) this.credential = seams.credential;
    const address = 'connectionString' in this.access ? this.access.connectionString : `TableEndpoint=${this.access.tableEndpoint}`;
    this.options = {
      allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\/|UseDevelopmentStorage=true/i.test(address),
      // Refused connections are retried twice, quickly; the deadline caps the whole operation.
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 800 },
      additionalPolicies: [
        { policy: operationDeadlinePolicy(deadlineMs), position: 'perCall' },
        ...(seams.observers ?? []).map((policy) => ({ policy, position: 'perRetry' as const })),
      ],
      ...(seams.tlsOptions ? { tlsOptions: seams.tlsOptions } : {}),
    };
  }

  tableName(key: TableKey): string {
    return `${this.prefix}${TABLES[key]}`;
  }

  client(key: TableKey): TableClient {
    let client = this.clients.get(key);
    if (!client) {
      client =
        'connectionString' in this.access
          ? TableClient.fromConnectionString(this.access.connectionString, this.tableName(key), this.options)
          : new TableClient(this.access.tableEndpoint, this.tableName(key), this.tokenCredential(), this.options);
      this.clients.set(key, client);
    }
    return client;
  }

  private tokenCredential(): TokenCredential {
    if (!('tableEndpoint' in this.access)) throw new Error('a connection string needs no credential');
    this.credential ??= managedIdentityCredential(this.access.managedIdentityClientId);
    return this.credential;
  }

  /**
   * Creates any missing table (createTable treats "already exists" as success) and moves rows an
   * earlier version kept elsewhere, so this is safe, and needed, on every start.
   */
  async ensureTables(): Promise<void> {
    for (const key of Object.keys(TABLES) as TableKey[]) {
      await this.client(key).createTable();
    }
    await moveAssessmentRowsToRoundPartitions(this.client('assessments'));
  }

  async check(): Promise<{ reachable: boolean; latencyMs: number; error?: string }> {
    const started = performance.now();
    try {
      const options = { ...this.options, retryOptions: { maxRetries: 0 } };
      const service =
        'connectionString' in this.access
          ? TableServiceClient.fromConnectionString(this.access.connectionString, options)
          : new TableServiceClient(this.access.tableEndpoint, this.tokenCredential(), options);
      const pages = service.listTables({ queryOptions: { filter: `TableName eq '${this.tableName('partnerships')}'` } }).byPage({ maxPageSize: 1 });
      await pages.next();
      return { reachable: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const e = error as { code?: string; statusCode?: number; message?: string };
      return {
        reachable: false,
        latencyMs: Math.round(performance.now() - started),
        error: e.code ?? (e.statusCode ? `HTTP ${e.statusCode}` : 'unreachable'),
      };
    }
  }
}
