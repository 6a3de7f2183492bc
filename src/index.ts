// Must stay the first import: Application Insights (when configured) instruments modules loaded after it.
import './telemetry-start';
import { randomUUID } from 'node:crypto';
import { AgendaScheduler } from './bot/agenda-scheduler';
import { ChaserScheduler } from './bot/chaser-scheduler';
import { afterSend, createOutboxSender } from './bot/outbox-sender';
import { conversationAddress, MessengerTransport } from './bot/outbox-transport';
import { AdapterCardMessenger } from './bot/card-messenger';
import { createAdapter, createApplication } from './bot/create-bot';
import { ConfigError, loadConfig, type Config } from './config';
import { ActionUpdateService } from './domain/actions/action-update-service';
import { PlanImportService } from './domain/actions/plan-import-service';
import { AssessmentService } from './domain/assessment/assessment-service';
import { MeetingService } from './domain/meetings/meeting-service';
import { ChaserService } from './domain/outbox/chaser-service';
import { Outbox } from './domain/outbox/outbox';
import { ComplianceSummaryService } from './domain/summary/summary-service';
import { UpdateRequestService } from './domain/actions/update-request-service';
import { GuidanceService } from './domain/guidance/guidance-service';
import { PartnershipDirectory } from './domain/partnership/directory';
import { MembershipService } from './domain/partnership/membership-service';
import { PartnershipResolver } from './domain/partnership/partnership-resolver';
import { screenForPersonalData } from './domain/privacy/screen';
import { createHttpServer } from './http/create-server';
import { createLogger, type Logger } from './logger';
import { ReportLinks } from './reports/report-links';
import { loadFrameworks } from './storage/files/framework-files';
import { loadLanguageUnderstanding } from './storage/files/language-files';
import { UnrecognisedMessageTableCounter } from './storage/tables/unrecognised-message-table-counter';
import { BackupBlobs } from './storage/backup/backup-blobs';
import { ScheduledBackup } from './storage/backup/scheduled-backup';
import { ScheduledRetention } from './storage/retention/scheduled-retention';
import { ActionTableRepository } from './storage/tables/action-table-repository';
import { AssessmentTableRepository } from './storage/tables/assessment-table-repository';
import { MeetingTableRepository } from './storage/tables/meeting-table-repository';
import { ChannelTableRepository } from './storage/tables/channel-table-repository';
import { UpdateRoundTableRepository } from './storage/tables/update-round-table-repository';
import { GuidanceTableRepository } from './storage/tables/guidance-table-repository';
import { MemberTableRepository } from './storage/tables/member-table-repository';
import { OrganisationTableRepository } from './storage/tables/organisation-table-repository';
import { OutboxTableRepository } from './storage/tables/outbox-table-repository';
import { PartnershipTableRepository } from './storage/tables/partnership-table-repository';
import { UsedReportLinkTable } from './storage/tables/used-report-link-table';
import { TableStorage } from './storage/tables/table-storage';
import { AuditTableRepository } from './storage/tables/audit-table-repository';
import { auditRepositories } from './domain/audit/audited-repositories';
import { AuditRecorder } from './domain/audit/audit-recorder';
import { logAuditFailure } from './storage/audited-storage';
import { AuditAnchoring } from './domain/audit/audit-anchoring';
import { anchorStoreFor, valueHasherFor } from './storage/audit/audit-from-config';
import { ScheduledAnchoring } from './storage/audit/scheduled-anchoring';
import { startPendingAuditSweeps, TablePendingAudits } from './storage/audit/table-pending-audits';

export interface RunningBot {
  readonly server: ReturnType<typeof createHttpServer>;
  readonly port: number;
  close(): Promise<void>;
}

/** Composition root: config -> storage -> services -> bot -> HTTP server. */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const storage = new TableStorage(config.storage, config.tableNamePrefix);
  await storage.ensureTables();

  const now = () => new Date();
  const auditLog = new AuditTableRepository(storage.client('audit'));
  // Each audited write carries a pending audit row in its own transaction; the sweeps append any left behind.
  const pendingAudits = new TablePendingAudits(storage, auditLog);
  // Every governance write goes through these decorators, which append to the audit log after it.
  const { partnerships: partnershipRepository, actions, members, organisations, assessments, meetings: meetingRepository, updateRounds, guidance: guidanceRepository, channels } = auditRepositories(
    {
      partnerships: new PartnershipTableRepository(storage.client('partnerships')),
      actions: new ActionTableRepository(storage.client('actions')),
      members: new MemberTableRepository(storage.client('members')),
      organisations: new OrganisationTableRepository(storage.client('organisations')),
      assessments: new AssessmentTableRepository(storage.client('assessments')),
      meetings: new MeetingTableRepository(storage.client('meetings')),
      updateRounds: new UpdateRoundTableRepository(storage.client('actions')),
      guidance: new GuidanceTableRepository(storage.client('guidance')),
      channels: new ChannelTableRepository(storage.client('partnerships')),
    },
    new AuditRecorder(auditLog, now, logAuditFailure(logger), valueHasherFor(config), pendingAudits),
  );
  const adapter = createAdapter(config, logger);
  const [frameworks, language] = await Promise.all([loadFrameworks(config.frameworksDirectory), loadLanguageUnderstanding()]);
  const updateRequests = new UpdateRequestService(actions, organisations, members, updateRounds, now);
  const outboxRepository = new OutboxTableRepository(storage.client('outbox'));
  const outbox = new Outbox(outboxRepository, conversationAddress, randomUUID, now);
  const services = {
    guidance: new GuidanceService(guidanceRepository),
    language,
    unrecognised: new UnrecognisedMessageTableCounter(storage.client('partnerships')),
    partnerships: new PartnershipResolver(partnershipRepository, config.defaultPartnershipId),
    directory: new PartnershipDirectory(members, organisations, channels, now),
    actions: new ActionUpdateService(actions, organisations, screenForPersonalData, now),
    updateRequests,
    membership: new MembershipService(members, organisations),
    planImports: new PlanImportService(actions, organisations),
    assessments: new AssessmentService(assessments, frameworks, organisations, members, screenForPersonalData, now),
    meetings: new MeetingService(meetingRepository, actions, organisations, assessments, frameworks, updateRequests, screenForPersonalData, now),
    summaries: new ComplianceSummaryService(assessments, frameworks, organisations, members, actions, meetingRepository, now),
    reportLinks: new ReportLinks({ secret: config.reports.linkSecret, publicBaseUrl: config.reports.publicBaseUrl, now }),
    outbox,
    chasers: new ChaserService(actions, updateRounds, assessments, meetingRepository, organisations, members, outbox, { workingDays: config.chaserWorkingDays, agendaPostWorkingDays: config.agendaPostWorkingDays }, now),
    messenger: new AdapterCardMessenger(adapter, config.bot.appId ?? ''),
    logger,
    now,
  };
  const app = createApplication({
    adapter,
    botAppId: config.bot.appId,
    services,
    allowedTenantIds: config.allowedTenantIds,
  });
  const usedReportLinks = new UsedReportLinkTable(storage.client('reportLinks'));
  const server = createHttpServer({ adapter, app, health: storage, maxBodyBytes: config.maxRequestBodyBytes, healthCacheMs: config.healthCacheMs, logger, reports: { ...services, usedReportLinks } });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Local mode accepts unauthenticated activities and trusts the ids in them: this machine only.
    server.listen(config.port, config.mode === 'local' ? '127.0.0.1' : '0.0.0.0', () => resolve());
  });
  const scheduler = new AgendaScheduler(services, config.agendaPostWorkingDays);
  scheduler.start();
  const sender = createOutboxSender({
    repository: outboxRepository,
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
        server.close(() => void sender.stop(5_000).then(resolve, resolve));
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
