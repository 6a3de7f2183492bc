import { MemoryUsedReportLinks } from '../../../src/storage/memory/memory-used-report-links';
import { describeUsedReportLinksContract } from '../../support/used-report-links-contract';

describeUsedReportLinksContract('MemoryUsedReportLinks', async () => new MemoryUsedReportLinks());
