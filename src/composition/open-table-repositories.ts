import type { Config } from '../config';
import { AuditRecorder, type AuditFailureListener } from '../domain/audit/audit-recorder';
import { auditRepositories } from '../domain/audit/audited-repositories';
import { valueHasherFor } from '../storage/audit/audit-from-config';
import { TablePendingAudits } from '../storage/audit/table-pending-audits';
import { CachedMemberRepository, CachedOrganisationRepository, CachedPartnershipRepository } from '../storage/cache/directory-cache';
import { ActionTableRepository } from '../storage/tables/action-table-repository';
import { AssessmentTableRepository } from '../storage/tables/assessment-table-repository';
import { AssuranceTableRepository } from '../storage/tables/assurance-table-repository';
import { AuditTableRepository } from '../storage/tables/audit-table-repository';
import { ChannelTableRepository } from '../storage/tables/channel-table-repository';
import { FiguresTableRepository } from '../storage/tables/figures-table-repository';
import { GuidanceTableRepository } from '../storage/tables/guidance-table-repository';
import { MeetingTableRepository } from '../storage/tables/meeting-table-repository';
import { MemberTableRepository } from '../storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../storage/tables/organisation-table-repository';
import { OutboxTableRepository } from '../storage/tables/outbox-table-repository';
import { PartnershipTableRepository } from '../storage/tables/partnership-table-repository';
import { PriorityTableRepository } from '../storage/tables/priority-table-repository';
import { TableStorage } from '../storage/tables/table-storage';
import { UnrecognisedMessageTableCounter } from '../storage/tables/unrecognised-message-table-counter';
import { UpdateRoundTableRepository } from '../storage/tables/update-round-table-repository';
import { UsedReportLinkTable } from '../storage/tables/used-report-link-table';

export interface OpenTableOptions {
  /** Where a write the audit log could not record is reported (the bot's error log, a tool's stderr). */
  readonly onAuditFailure?: AuditFailureListener;
  readonly now?: () => Date;
  /** An already built storage (tests with fault or counting seams); otherwise one from the config. */
  readonly storage?: TableStorage;
}

/**
 * Every Table repository, built once and the same way for the bot, each command-line tool and the
 * tests: governance writes audited (a pending row in the write's own transaction, then the chain),
 * and who-is-who (partnerships, members, organisations) read through this process's short-lived
 * cache, outermost so this process's own edits forget what they change.
 */
export async function openTableRepositories(config: Pick<Config, 'storage' | 'tableNamePrefix'> & Partial<Pick<Config, 'audit'>>, options: OpenTableOptions = {}) {
  const storage = options.storage ?? new TableStorage(config.storage, config.tableNamePrefix);
  await storage.ensureTables();
  const now = options.now ?? (() => new Date());
  const auditLog = new AuditTableRepository(storage.client('audit'));
  const pendingAudits = new TablePendingAudits(storage, auditLog);
  const onFailure: AuditFailureListener = options.onAuditFailure ?? ((error) => console.error(`${error.message}: ${String(error.cause)}`));
  const audited = auditRepositories(
    {
      partnerships: new PartnershipTableRepository(storage.client('partnerships')),
      guidance: new GuidanceTableRepository(storage.client('guidance')),
      organisations: new OrganisationTableRepository(storage.client('organisations')),
      members: new MemberTableRepository(storage.client('members')),
      actions: new ActionTableRepository(storage.client('actions')),
      assessments: new AssessmentTableRepository(storage.client('assessments')),
      meetings: new MeetingTableRepository(storage.client('meetings')),
      updateRounds: new UpdateRoundTableRepository(storage.client('actions')),
      channels: new ChannelTableRepository(storage.client('partnerships')),
      assurance: new AssuranceTableRepository(storage.client('assurance')),
      figures: new FiguresTableRepository(storage.client('actions')),
      priorities: new PriorityTableRepository(storage.client('actions')),
    },
    new AuditRecorder(auditLog, now, onFailure, valueHasherFor(config), pendingAudits),
  );
  return {
    storage,
    auditLog,
    pendingAudits,
    ...audited,
    partnerships: new CachedPartnershipRepository(audited.partnerships),
    members: new CachedMemberRepository(audited.members),
    organisations: new CachedOrganisationRepository(audited.organisations),
    outbox: new OutboxTableRepository(storage.client('outbox')),
    unrecognised: new UnrecognisedMessageTableCounter(storage.client('partnerships')),
    usedReportLinks: new UsedReportLinkTable(storage.client('reportLinks')),
    /** Read past the cache, for the few decisions that must see a role removed a moment ago (a report download). */
    uncached: { members: audited.members },
  };
}

export type TableRepositories = Awaited<ReturnType<typeof openTableRepositories>>;
