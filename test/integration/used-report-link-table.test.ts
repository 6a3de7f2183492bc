import { UsedReportLinkTable } from '../../src/storage/tables/used-report-link-table';
import { freshTableStorage } from '../support/test-storage';
import { describeUsedReportLinksContract } from '../support/used-report-links-contract';

describeUsedReportLinksContract('UsedReportLinkTable on Azurite', async () => new UsedReportLinkTable((await freshTableStorage()).client('reportLinks')));
