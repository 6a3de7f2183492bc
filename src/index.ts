// Must stay the first import: Application Insights (when configured) instruments modules loaded after it.
import './telemetry-start';
import { randomUUID } from 'node:crypto';
import { AgendaScheduler } from './delivery/agenda-scheduler';
import { ChaserScheduler } from './delivery/chaser-scheduler';
import { afterSend, createOutboxSender } from './delivery/outbox-sender';
import { MessengerTransport } from './delivery/messenger-transport';
import { AdapterCardMessenger } from './bot/card-messenger';
import { createAdapter, createApplication } from './bot/create-bot';
import { ConfigError, loadConfig, type Config } from './config';
import { createServices } from './composition/create-services';
import { openTableRepositories } from './composition/open-table-repositories';
import { createHttpServer } from './http/create-server';
import { createLogger, type Logger } from './logger';
import { PartnershipDirectory } from './domain/partnership/directory';
import { loadFrameworks } from './storage/files/framework-files';
import { loadLanguageUnderstanding } from './storage/files/language-files';
import { BackupBlobs } from './storage/backup/backup-blobs';
import { ScheduledBackup } from './storage/backup/scheduled-backup';
import { ScheduledRetention } from './storage/retention/scheduled-retention';
import { logAuditFailure } from './storage/audited-storage';
import { AuditAnchoring } from './domain/audit/audit-anchoring';
import { anchorStoreFor } from './storage/audit/audit-from-config';
import { ScheduledAnchoring } from './storage/audit/scheduled-anchoring';
import { pendingRowRemovalsSettled, startPendingAuditSweeps } from './storage/audit/table-pending-audits';

export interface RunningBot {
  readonly server: ReturnType<typeof createHttpServer>;
  readonly port: number;
  close(): Promise<void>;
}

/** Composition root: config -> storage -> services -> bot -> HTTP server. */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const now = () => new Date();
  const repositories = await openTableRepositories(config, { onAuditFailure: logAuditFailure(logger), now });
  const { storage, auditLog, pendingAudits } = repositories;
  const adapter = createAdapter(config, logger);
  const [frameworks, language] = await Promise.all([loadFrameworks(config.frameworksDirectory), loadLanguageUnderstanding()]);
  const services = createServices(repositories, {
    defaultPartnershipId: config.defaultPartnershipId,
    frameworks,
    language,
    messenger: new AdapterCardMessenger(adapter, config.bot.appId ?? ''),
    reportLinks: { secret: config.reports.linkSecret, publicBaseUrl: config.reports.publicBaseUrl },
    chasers: { workingDays: config.chaserWorkingDays, agendaPostWorkingDays: config.agendaPostWorkingDays },
    logger,
    now,
  });
  const { outbox } = services;
  const app = createApplication({
    adapter,
    botAppId: config.bot.appId,
    services,
    allowedTenantIds: config.allowedTenantIds,
    partnerTenantIds: config.partnerTenantIds,
  });
  const server = createHttpServer({
    adapter,
    app,
    health: storage,
    maxBodyBytes: config.maxRequestBodyBytes,
    healthCacheMs: config.healthCacheMs,
    logger,
    reports: {
      ...services,
      // A download is rare and its permission must follow a role change at once, whichever instance made it.
      directory: new PartnershipDirectory(repositories.uncached.members, repositories.organisations, repositories.channels, now),
      usedReportLinks: repositories.usedReportLinks,
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Local mode accepts unauthenticated activities and trusts the ids in them: this machine only.
    server.listen(config.port, config.mode === 'local' ? '127.0.0.1' : '0.0.0.0', () => resolve());
  });
  const scheduler = new AgendaScheduler(services, config.agendaPostWorkingDays);
  scheduler.start();
  const sender = createOutboxSender({
    repository: repositories.outbox,
    transport: new MessengerTransport(services.messenger),
    partnerships: () => services.partnerships.allIds(),
    onSent: afterSend(services),
    logger,
  });
  outbox.onEnqueued(() => sender.wake());
  sender.start();
  const chaserScheduler = new ChaserScheduler(services);
  chaserScheduler.start();
  const backups = config.backups
    ? new ScheduledBackup({
        storage,
        tableNamePrefix: config.tableNamePrefix,
        blobs: BackupBlobs.atEndpoint(config.backups.blobEndpoint, config.backups.container, config.backups.managedIdentityClientId),
        logger,
        instanceId: randomUUID(),
      })
    : undefined;
  backups?.start();
  // Working data past its retention period (docs/privacy.md) goes each night, whichever instance claims it.
  const retention = new ScheduledRetention({ storage, logger, instanceId: randomUUID() });
  retention.start();
  const anchoring = new ScheduledAnchoring(new AuditAnchoring(auditLog, anchorStoreFor(config), now), () => services.partnerships.allIds(), logger);
  anchoring.start();
  const stopPendingSweeps = startPendingAuditSweeps(pendingAudits, logger);
  if (config.mode === 'production' && 'file' in config.audit.anchors) logger.warn('BACKUP_BLOB_ENDPOINT is not set: audit chain heads are anchored only to a local file');
  if (!backups && config.mode === 'production') logger.warn('BACKUP_BLOB_ENDPOINT is not set: no daily table backup is taken');

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, mode: config.mode }, `bot listening on http://localhost:${port}/api/messages`);
  if (config.mode === 'local') logger.warn('local mode: requests are not authenticated; never expose this port');

  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        scheduler.stop();
        chaserScheduler.stop();
        backups?.stop();
        retention.stop();
        anchoring.stop();
        stopPendingSweeps();
        // Sends in flight get a moment to record their outcome, so a deploy leaves no row claimed.
        server.close(
          () =>
            void services.roundProgress
              .flush()
              .then(() => Promise.all([sender.stop(5_000), pendingRowRemovalsSettled()]))
              .then(
                () => resolve(),
                () => resolve(),
              ),
        );
      }),
  };
}

/** Stops accepting requests, lets in-flight turns finish, then exits; forced after a grace period. */
export function exitOnSignals(close: () => Promise<void>, logger: Logger, graceMs = 10_000): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), graceMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  try {
    const bot = await startBot(config, logger);
    exitOnSignals(bot.close, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'bot could not start (is Table storage reachable? check STORAGE_CONNECTION_STRING)');
    process.exit(1);
  }
}

if (require.main === module) void main();
