import type { ReportLinkUse, UsedReportLinks } from '../../src/reports/used-report-links';

const NOW = new Date('2026-11-22T10:00:00Z');

function use(linkId: string, overrides: Partial<ReportLinkUse> = {}): ReportLinkUse {
  return { linkId, format: 'docx', usedAt: NOW, expiresAt: new Date(NOW.getTime() + 15 * 60 * 1000), ...overrides };
}

/** What every store of used board report links must do: the memory one (unit) and the Table one (integration). */
export function describeUsedReportLinksContract(name: string, make: () => Promise<UsedReportLinks>): void {
  describe(`${name}: used report links`, () => {
    let links: UsedReportLinks;
    beforeEach(async () => {
      links = await make();
    });

    it('calls the first download of a link its first use and every later one already used', async () => {
      expect(await links.markUsed(use('link-aaaaaaaaaaaaaaaa'))).toBe('first-use');
      expect(await links.markUsed(use('link-aaaaaaaaaaaaaaaa'))).toBe('already-used');
      expect(await links.markUsed(use('link-aaaaaaaaaaaaaaaa', { format: 'csv' }))).toBe('already-used');
    });

    it('lets exactly one of two downloads racing on the same link through', async () => {
      const answers = await Promise.all([links.markUsed(use('link-racing-0000000001')), links.markUsed(use('link-racing-0000000001'))]);
      expect(answers.sort()).toEqual(['already-used', 'first-use']);
    });

    it('keeps links apart: using one leaves the others of the same card unused', async () => {
      await links.markUsed(use('link-docx-000000000001', { format: 'docx' }));
      expect(await links.markUsed(use('link-xlsx-000000000001', { format: 'xlsx' }))).toBe('first-use');
      expect(await links.markUsed(use('link-csv-0000000000001', { format: 'csv' }))).toBe('first-use');
    });

    it('makes a given-back link usable again', async () => {
      await links.markUsed(use('link-given-back-000001'));
      await links.release('link-given-back-000001');
      expect(await links.markUsed(use('link-given-back-000001'))).toBe('first-use');
    });

    it('purges the records of links that expired before the given time and keeps the rest', async () => {
      await links.markUsed(use('link-expired-000000001', { expiresAt: new Date('2026-11-22T09:00:00Z') }));
      await links.markUsed(use('link-current-000000001', { expiresAt: new Date('2026-11-22T10:15:00Z') }));
      expect(await links.purgeExpired(NOW)).toBe(1);
      expect(await links.markUsed(use('link-current-000000001'))).toBe('already-used');
      // Once purged the record is gone; the link itself is refused as expired before this is asked.
      expect(await links.markUsed(use('link-expired-000000001'))).toBe('first-use');
    });
  });
}
