import type { Config } from '../config';
import { AuditRecorder } from '../domain/audit/audit-recorder';
import { auditRepositories } from '../domain/audit/audited-repositories';
import { AuditTableRepository } from '../storage/tables/audit-table-repository';
import { ActionTableRepository } from '../storage/tables/action-table-repository';
import { GuidanceTableRepository } from '../storage/tables/guidance-table-repository';
import { MemberTableRepository } from '../storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../storage/tables/organisation-table-repository';
import { PartnershipTableRepository } from '../storage/tables/partnership-table-repository';
import { TableStorage } from '../storage/tables/table-storage';
import { valueHasherFor } from '../storage/audit/audit-from-config';
import { TablePendingAudits } from '../storage/audit/table-pending-audits';

/** The Table repositories the command-line tools write through (the same ones the bot reads). */
export async function openRepositories(config: Pick<Config, 'storage' | 'tableNamePrefix'> & Partial<Pick<Config, 'audit'>>) {
  const storage = new TableStorage(config.storage, config.tableNamePrefix);
  await storage.ensureTables();
  const auditLog = new AuditTableRepository(storage.client('audit'));
  // CLI writes are audited like the bot's, under their tool's id ("cli:import-plan").
  const recorder = new AuditRecorder(auditLog, () => new Date(), (error) => console.error(`${error.message}: ${String(error.cause)}`), valueHasherFor(config), new TablePendingAudits(storage, auditLog));
  return {
    storage,
    auditLog,
    ...auditRepositories(
      {
        partnerships: new PartnershipTableRepository(storage.client('partnerships')),
        guidance: new GuidanceTableRepository(storage.client('guidance')),
        organisations: new OrganisationTableRepository(storage.client('organisations')),
        members: new MemberTableRepository(storage.client('members')),
        actions: new ActionTableRepository(storage.client('actions')),
      },
      recorder,
    ),
  };
}
