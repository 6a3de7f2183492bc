import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { suggestedRoundName } from '../../src/bot/handlers/assessment-handlers';
import { azuriteConnectionString } from '../../src/config';
import { AssessmentService } from '../../src/domain/assessment/assessment-service';
import type { Rating } from '../../src/domain/assessment/framework';
import type { Actor } from '../../src/domain/partnership/member';
import { screenForPersonalData } from '../../src/domain/privacy/screen';
import { loadFrameworks } from '../../src/storage/files/framework-files';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { ARTIFACTS, ask, lastCard, openPlayground, stopLocalRun, waitForCardText, waitForNewCard, type LocalRun } from './playground-session';

jest.setTimeout(240_000);

const PARTNERSHIP = 'warwickshire';
/** Demo people (src/data/demo/warwickshire-members.json). */
const PRIYA_OFFICER = '00000000-0000-0000-0000-000000000020';
const PAT_POLICE = '00000000-0000-0000-0000-000000000022';

/**
 * The data the chair's question relies on, written through the domain services into the run's own
 * Azurite, as the Prevent Officer and the police's partner lead would through their cards: a 2018
 * round, and the police's return submitted with every item Achieving except 7.1, Not yet started.
 * Nobody else of the 15 demo organisations returns.
 */
async function policeReturn(run: LocalRun): Promise<string> {
  const storage = new TableStorage(azuriteConnectionString(run.ports.azurite), process.env['TABLE_NAME_PREFIX'] || 'ppb');
  const members = new MemberTableRepository(storage.client('members'));
  const service = new AssessmentService(
    new AssessmentTableRepository(storage.client('assessments')),
    await loadFrameworks(),
    new OrganisationTableRepository(storage.client('organisations')),
    members,
    screenForPersonalData,
  );
  const officer = (await members.get(PARTNERSHIP, PRIYA_OFFICER)) as Actor;
  const police = (await members.get(PARTNERSHIP, PAT_POLICE)) as Actor;
  const closesOn = new Date(Date.now() + 28 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const round = await service.startRound(PARTNERSHIP, officer, { name: suggestedRoundName(new Date()), frameworkId: 'home-office-2018', closesOn });
  const organisationId = police.organisationId!;
  const { framework } = await service.page(PARTNERSHIP, police, round.id, organisationId, 0);
  let etag: string | undefined;
  for (const section of framework.sections) {
    const ratings = section.items.map((item) => ({ itemId: item.id, rating: (item.id === '7.1' ? 'not-yet-started' : 'achieving') as Rating, details: '' }));
    ({ etag } = (
      await service.savePage(PARTNERSHIP, police, { roundId: round.id, organisationId, sectionNumber: section.number, ratings, nonce: randomUUID(), ...(etag ? { etag } : {}) })
    ).record);
  }
  await service.submit(PARTNERSHIP, police, { roundId: round.id, organisationId, nonce: randomUUID(), ...(etag ? { etag } : {}) });
  return round.name;
}

describe('the chair asks "how are we doing?" in the playground', () => {
  let run: LocalRun;
  let browser: Browser;
  let page: Page;
  let roundName: string;

  beforeAll(async () => {
    ({ run, browser, page } = await openPlayground({ playgroundConfig: path.join(__dirname, 'chair-playground.yml'), height: 3200 }));
    await waitForCardText(page, 'Welcome to the Prevent Partnership Bot');
    roundName = await policeReturn(run);
  });

  afterAll(async () => {
    await browser?.close();
    if (run) await stopLocalRun(run);
  });

  it('shows the round with 1 of the 15 demo organisations returned and the overall score the police return implies', async () => {
    const card = await ask(page, 'how are we doing?', `Compliance summary: ${roundName}`);
    expect(card).toContain('1 of 15 organisations returned');
    // Police: 9 benchmarks Achieving (2 points each) and benchmark 7 Not yet started (0): 18 of 20 = 90%.
    expect(card).toContain('90%');
    expect(card).toContain('nothing to compare with');
    expect(card).toContain('Rugby Borough Council');
    expect(card).toContain('32 actions');
    await page.screenshot({ path: path.join(ARTIFACTS, 'compliance-summary.png'), fullPage: true });
  });

  it('counts the police once per benchmark: Achieving for benchmark 1, Not yet started for benchmark 7', async () => {
    // The card's text runs together: a benchmark's title, its counts, then its score.
    const card = (await lastCard(page).textContent()) ?? '';
    // Benchmark 1: the police Achieving: 2 of 2 points = 100%.
    expect(card).toContain('1. Local Risk Assessment ProcessAchieving 1 · Developing 0 · Not yet started 0100%');
    // Benchmark 7: the police Not yet started (7.1 is the lowest of its items): 0 of 2 points = 0%.
    expect(card).toContain('7. Training ProgrammeAchieving 0 · Developing 0 · Not yet started 10%');
    expect(card).toContain('7.1 Are all relevant staff');
  });

  it("opens benchmark 7's drill-down from its Details button", async () => {
    const before = await page.locator('.ac-adaptiveCard').count();
    await lastCard(page).getByRole('button', { name: 'Details' }).nth(6).click();
    const card = await waitForNewCard(page, before, 'Benchmark 7. Training Programme');
    expect(card).toContain('Not yet started: Warwickshire and West Mercia Police');
    expect(card).toContain('Not returned:');
  });

  it('answers "how are we doing on training?" with the same benchmark, not the training guidance', async () => {
    const card = await ask(page, 'how are we doing on training?', 'Benchmark 7. Training Programme');
    expect(card).toContain('Not yet started: Warwickshire and West Mercia Police');
    await page.screenshot({ path: path.join(ARTIFACTS, 'compliance-summary-training.png'), fullPage: true });
  });
});
