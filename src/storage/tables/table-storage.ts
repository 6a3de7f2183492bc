import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
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
} as const;

export type TableKey = keyof typeof TABLES;

/**
 * One entry point for every TableClient, so the connection string, name prefix and client options
 * are decided once. Local Azurite speaks plain http, which the SDK refuses unless told.
 */
export class TableStorage implements StorageHealth {
  private readonly clients = new Map<TableKey, TableClient>();
  private readonly options: TableServiceClientOptions;

  constructor(
    private readonly connectionString: string,
    private readonly prefix: string,
    /** Tests shorten it to prove a hung storage fails as "not saved" rather than hanging the turn. */
    deadlineMs = TABLE_OPERATION_DEADLINE_MS,
  ) {
    this.options = {
      allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\/|UseDevelopmentStorage=true/i.test(connectionString),
      // Refused connections are retried twice, quickly; the deadline caps the whole operation.
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 800 },
      additionalPolicies: [{ policy: operationDeadlinePolicy(deadlineMs), position: 'perCall' }],
    };
  }

  tableName(key: TableKey): string {
    return `${this.prefix}${TABLES[key]}`;
  }

  client(key: TableKey): TableClient {
    let client = this.clients.get(key);
    if (!client) {
      client = TableClient.fromConnectionString(this.connectionString, this.tableName(key), this.options);
      this.clients.set(key, client);
    }
    return client;
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
      const service = TableServiceClient.fromConnectionString(this.connectionString, {
        ...this.options,
        retryOptions: { maxRetries: 0 },
      });
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
