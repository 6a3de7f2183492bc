import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { azuriteConnectionString } from '../../src/config';
import { askedOrganisations, quorumOf } from '../../src/domain/assessment/assessment';
import { parseFramework } from '../../src/domain/assessment/framework-catalogue';
import { FRAMEWORKS_DIRECTORY } from '../../src/storage/files/framework-files';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { ARTIFACTS, ask, lastCard, openPlayground, stopLocalRun, waitForCardText, waitForNewCard, type LocalRun } from './playground-session';

jest.setTimeout(240_000);

const PARTNERSHIP = 'warwickshire';

/**
 * What `npm start` seeded into the run's own Azurite (src/cli/demo): the latest self-assessment round,
 * the one before it, and who returned the latest. The seed is relative to today, so the spec reads
 * the names and numbers it checks the card against rather than fixing them.
 */
async function seededRounds(run: LocalRun) {
  const storage = new TableStorage(azuriteConnectionString(run.ports.azurite), process.env['TABLE_NAME_PREFIX'] || 'ppb');
  const assessments = new AssessmentTableRepository(storage.client('assessments'));
  const [latest, previous] = await assessments.listRounds(PARTNERSHIP);
  const returned = new Set((await assessments.listReturns(PARTNERSHIP, latest!.id)).filter((r) => r.submittedAt).map((r) => r.organisationId));
  // The round asked only the organisations that answer its framework: "N of M" counts those.
  const organisations = askedOrganisations(latest!, await new OrganisationTableRepository(storage.client('organisations')).list(PARTNERSHIP));
  const framework = parseFramework(JSON.parse(readFileSync(path.join(FRAMEWORKS_DIRECTORY, `${latest!.frameworkId}.json`), 'utf8')));
  return {
    latest: latest!,
    previous: previous!,
    returned: returned.size,
    organisations: organisations.length,
    quorum: quorumOf(latest!, organisations.length),
    notReturned: organisations.filter((o) => !returned.has(o.id)).map((o) => o.name),
    // Benchmarks of good practice only have no compliance counts or score.
    scoredBenchmarks: framework.sections.filter((s) => s.items.some((i) => i.kind === 'expectation-of-compliance')).length,
  };
}

describe('the chair asks "how are we doing?" in the playground', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seededRounds>>;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlayground({ playgroundConfig: path.join(__dirname, 'chair-playground.yml'), height: 3200 }));
    await waitForCardText(page, 'Welcome to the Prevent Partnership Bot');
    seeded = await seededRounds(run);
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it("on first start shows the demo's latest round, most organisations returned, with movement since the round before", async () => {
    const card = await ask(page, 'how are we doing?', `Compliance summary: ${seeded.latest.name}`);
    expect(seeded.returned).toBeGreaterThanOrEqual(12);
    expect(card).toContain(`${seeded.returned} of ${seeded.organisations} organisations returned`);
    expect(card).toContain(`Movement is against ${seeded.previous.name}`);
    expect(card).not.toContain('nothing to compare with');
    expect(card).toContain('32 actions');
    // Most organisations returned, so the quorum (more than half) is met and the score is not provisional.
    expect(seeded.returned).toBeGreaterThanOrEqual(seeded.quorum);
    expect(card).not.toContain('Provisional');
    await page.screenshot({ path: path.join(ARTIFACTS, 'compliance-summary.png'), fullPage: true });
  });

  it('counts each returned organisation once per benchmark', async () => {
    // The card's text runs together: a benchmark's counts, then its good practice ("Not yet started 1. Good
    // practice: ...") or straight away its score ("Not yet started 158%").
    const card = (await lastCard(page).textContent()) ?? '';
    const benchmarks = [...card.matchAll(/Achieving (\d+) · Developing (\d+) · Not yet started (\d+)[.%]/g)];
    expect(benchmarks).toHaveLength(seeded.scoredBenchmarks);
    for (const [, achieving, developing, rest] of benchmarks) {
      const notYetStarted = seeded.returned - Number(achieving) - Number(developing);
      expect(notYetStarted).toBeGreaterThanOrEqual(0);
      expect(rest!.startsWith(String(notYetStarted))).toBe(true);
    }
  });

  it("opens benchmark 7's drill-down from its Details button, naming who has not returned", async () => {
    const before = await page.locator('.ac-adaptiveCard').count();
    await lastCard(page).getByRole('button', { name: 'Details' }).nth(6).click();
    const card = await waitForNewCard(page, before, 'Benchmark 7. Training Programme');
    expect(card).toContain('Not returned:');
    for (const name of seeded.notReturned) expect(card).toContain(name);
  });

  it('answers "how are we doing on training?" with the same benchmark, not the training guidance', async () => {
    const card = await ask(page, 'how are we doing on training?', 'Benchmark 7. Training Programme');
    expect(card).not.toContain('WRAP (Workshop to Raise Awareness of Prevent)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'compliance-summary-training.png'), fullPage: true });
  });
});
