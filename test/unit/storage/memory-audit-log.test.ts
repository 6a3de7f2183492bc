import { MemoryAuditLog } from '../../../src/storage/memory/memory-audit-log';
import { describeAuditLogContract } from '../../support/audit-log-contract';

describeAuditLogContract('MemoryAuditLog', async () => new MemoryAuditLog());
