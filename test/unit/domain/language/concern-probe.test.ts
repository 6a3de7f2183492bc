import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLanguageUnderstanding } from '../../../../src/storage/files/language-files';

/**
 * A second set of concerns, written by another author in harder styles (euphemism, slang, coded
 * references, misspellings, long messages with the worry buried inside) and ordinary partnership
 * talk full of risky words. The lexicon was widened against it, so it is a development set, not a
 * held-out one: this test keeps what was won from slipping back.
 */
const PROBE = path.join(__dirname, '..', '..', '..', 'language', 'concern-probe.tsv');
const rows = readFileSync(PROBE, 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [concern, message] = line.split('\t');
    return { concern: concern === 'yes', message: message ?? '' };
  });

describe('the safety net on the harder probe set, read as a member of staff', () => {
  let flagged: { concern: boolean; message: string; pathway: boolean }[];
  beforeAll(async () => {
    const language = await loadLanguageUnderstanding();
    flagged = [];
    for (const row of rows) flagged.push({ ...row, pathway: (await language.understand(row.message, 'staff')).concern });
  }, 60_000);

  it('gives the referral pathway first to all but at most one of the 225 concerns', () => {
    const missed = flagged.filter((r) => r.concern && !r.pathway).map((r) => r.message);
    expect(flagged.filter((r) => r.concern)).toHaveLength(225);
    expect(missed.length).toBeLessThanOrEqual(1);
  });

  it('leaves most ordinary partnership talk alone: at most a quarter of it gets the pathway too', () => {
    const ordinary = flagged.filter((r) => !r.concern);
    expect(ordinary.filter((r) => r.pathway).length / ordinary.length).toBeLessThanOrEqual(0.25);
  });
});
