import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RETENTION_PERIODS } from '../../src/domain/privacy/retention-periods';

const page = readFileSync(path.join(__dirname, '..', '..', 'docs', 'privacy.md'), 'utf8');

/** The "Kept for" cell of the retention table row whose "Where" cell names these rows. */
function keptFor(where: string): string {
  const row = page.split('\n').find((line) => line.startsWith('|') && line.split('|')[2]?.includes(where));
  if (!row) throw new Error(`docs/privacy.md has no retention row for ${where}`);
  return row.split('|')[3]!.trim();
}

describe('docs/privacy.md', () => {
  it('gives the retention periods the purge uses', () => {
    expect(keptFor('`Outbox`, `msg_*`')).toMatch(new RegExp(`^${RETENTION_PERIODS.outboxCardBodyDays} days after its delivery ended`));
    expect(keptFor('`Actions`, `nonce_*`')).toMatch(new RegExp(`^${RETENTION_PERIODS.submitNonceDays} days after the submit`));
    expect(keptFor('`Members`, `convref_*`')).toMatch(new RegExp(`^${RETENTION_PERIODS.unregisteredConversationReferenceDays} days after they last wrote`));
    expect(RETENTION_PERIODS.usedReportLinkDaysAfterExpiry).toBe(0);
    expect(keptFor('`UsedReportLinks`')).toMatch(/^until the link expires/);
  });

  it('gives the restore command with its erasure register, as restore-tables requires', () => {
    expect(page).toContain('npm run restore-tables -- tables-2027-03-01.ndjson --erasures-from ppb');
  });
});
