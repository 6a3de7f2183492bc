import { randomUUID } from 'node:crypto';
import type { Action, ActionStatus } from '../../src/domain/actions/action';
import type { AssessmentRound, ItemRating, OrganisationReturn } from '../../src/domain/assessment/assessment';
import type { Framework, Rating } from '../../src/domain/assessment/framework';
import type { Actor } from '../../src/domain/partnership/member';
import type { Organisation, Sector } from '../../src/domain/partnership/organisation';
import { ConflictError, StorageUnavailableError } from '../../src/domain/errors';
import type { ChangeAuthor } from '../../src/domain/ports';
import { ComplianceSummaryService } from '../../src/domain/summary/summary-service';
import { loadFrameworks } from '../../src/storage/files/framework-files';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';

export const BENCH_OFFICER: Actor = { aadObjectId: 'bench-officer', name: 'Bench Officer', role: 'prevent-officer' };
/** After the newest seeded round (2026/27 Q3) started. */
export const HISTORY_NOW = new Date('2026-11-22T12:00:00.000Z');
const AUTHOR: ChangeAuthor = { id: 'cli:bench', name: 'Benchmark seed' };
const SECTORS: readonly Sector[] = ['local-government', 'criminal-justice', 'education-childcare', 'health-social-care', 'police', 'voluntary-community'];
const RATINGS: readonly Rating[] = ['not-yet-started', 'developing', 'achieving'];
const STATUSES: readonly ActionStatus[] = ['on-track', 'at-risk', 'off-track', 'on-track', 'complete'];

export interface HistoryShape {
  readonly organisations: number;
  readonly actions: number;
  /** Quarterly self-assessment rounds, every organisation submitting; the newest is the current one. */
  readonly rounds: number;
  /** Progress updates recorded against every action (each one also a history row). */
  readonly updatesPerAction: number;
}

/** One partnership's data for the summary and the board report. */
export interface SeededHistory {
  readonly partnershipId: string;
  readonly summaries: ComplianceSummaryService;
  readonly assessments: AssessmentTableRepository;
  readonly actions: ActionTableRepository;
  /** The newest round: the one the summary reads. */
  readonly currentRoundId: string;
  readonly framework: Framework;
  readonly storage: TableStorage;
}

/**
 * Seeding is not timed: a write that storage was too busy to answer is tried again. Safe because
 * every seeded write is idempotent on its nonce (or a plain replace).
 */
async function patiently<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

/** Financial-year quarters counted back from 2026/27 Q3: index 0 is the newest. */
function quarterRound(back: number, frameworkId: string): AssessmentRound {
  const absolute = 2026 * 4 + 2 - back;
  const year = Math.floor(absolute / 4);
  const quarter = (absolute % 4) + 1;
  const startYear = quarter === 4 ? year + 1 : year;
  const startMonth = [4, 7, 10, 1][quarter - 1]!;
  const month = String(startMonth).padStart(2, '0');
  return {
    id: `${year}-${String((year + 1) % 100).padStart(2, '0')}-q${quarter}`,
    name: `${year}/${String((year + 1) % 100).padStart(2, '0')} Q${quarter}`,
    frameworkId,
    closesOn: `${startYear}-${month}-28`,
    startedAt: `${startYear}-${month}-01T09:00:00.000Z`,
    startedById: BENCH_OFFICER.aadObjectId,
    startedByName: BENCH_OFFICER.name,
  };
}

function organisation(index: number): Organisation {
  const number = String(index + 1).padStart(2, '0');
  return { id: `organisation-${number}`, name: `Organisation ${number}`, sector: SECTORS[index % SECTORS.length]!, aliases: [] };
}

function action(index: number, organisations: readonly Organisation[]): Action {
  const theme = Math.floor(index / 10) + 1;
  const owner = organisations[index % organisations.length]!;
  return {
    id: `${theme}.${(index % 10) + 1}`,
    themeNumber: theme,
    themeTitle: `${theme}. Theme ${theme}`,
    text: `Benchmark action ${index + 1}: deliver the agreed Prevent activity with partners and report progress to the Steering Group.`,
    who: owner.name,
    ownerOrganisationIds: [owner.id],
    timescale: 'March 2027',
    dueDate: '2027-03-31',
    recurring: false,
    outcomes: 'Partners know what was done and what is next.',
    notes: '',
    flags: [],
  };
}

/**
 * Seeds a partnership with `shape.rounds` rounds of the 2018 toolkit (every organisation submitted in
 * each) and `shape.updatesPerAction` updates per action, through the Table repositories the bot uses.
 */
export async function seedHistory(connectionString: string, prefix: string, partnershipId: string, shape: HistoryShape): Promise<SeededHistory> {
  const storage = new TableStorage(connectionString, prefix);
  await storage.ensureTables();
  const frameworks = await loadFrameworks();
  const framework = frameworks.get('home-office-2018');
  if (!framework) throw new Error('the 2018 framework is not in src/data/frameworks');
  const organisationRepository = new OrganisationTableRepository(storage.client('organisations'));
  const actions = new ActionTableRepository(storage.client('actions'));
  const assessments = new AssessmentTableRepository(storage.client('assessments'));

  const organisations = Array.from({ length: shape.organisations }, (_, i) => organisation(i));
  await inPool(organisations, 4, (o) => patiently(() => organisationRepository.save(partnershipId, o, AUTHOR)));
  const plan = Array.from({ length: shape.actions }, (_, i) => action(i, organisations));
  for (let i = 0; i < plan.length; i += 50) await patiently(() => actions.savePlan(partnershipId, plan.slice(i, i + 50), AUTHOR));

  // Oldest first, so each update chains on the ETag of the one before.
  await inPool(plan, 4, async (a, actionIndex) => {
    let etag = (await actions.get(partnershipId, a.id))!.etag;
    for (let u = 0; u < shape.updatesPerAction; u += 1) {
      const at = new Date(HISTORY_NOW.getTime() - (shape.updatesPerAction - u) * 7 * 86_400_000);
      const progress = {
        status: STATUSES[(actionIndex + u) % STATUSES.length]!,
        progressNote: `Quarterly progress ${u + 1} on action ${a.id}: activity delivered as planned.`,
        updatedById: BENCH_OFFICER.aadObjectId,
        updatedByName: BENCH_OFFICER.name,
        updatedAt: at.toISOString(),
        nonce: randomUUID(),
      };
      const { record } = await patiently(() => actions.recordUpdate(partnershipId, a.id, progress, etag));
      etag = record.etag;
    }
  });

  const items = framework.sections.flatMap((s) => s.items);
  const rounds = Array.from({ length: shape.rounds }, (_, back) => quarterRound(back, framework.id)).reverse();
  for (const round of rounds) {
    // A retried create finds the round the timed-out attempt made: that is done, not a conflict.
    await patiently(() =>
      assessments.createRound(partnershipId, round).catch(async (error: unknown) => {
        if (error instanceof ConflictError && (await assessments.getRound(partnershipId, round.id))) return;
        throw error;
      }),
    );
  }
  const returns = rounds.flatMap((round, roundIndex) => organisations.map((o, orgIndex) => ({ round, roundIndex, o, orgIndex })));
  await inPool(returns, 4, async ({ round, roundIndex, o, orgIndex }) => {
    const at = new Date(Date.parse(round.startedAt) + 20 * 86_400_000).toISOString();
    const ratings: Record<string, ItemRating> = Object.fromEntries(
      items.map((item, itemIndex) => [
        item.id,
        {
          rating: RATINGS[(orgIndex + itemIndex + roundIndex) % RATINGS.length]!,
          details: `Evidence from ${o.name} for ${item.id}.`,
          updatedById: 'bench-lead',
          updatedByName: 'Bench Lead',
          updatedAt: at,
        },
      ]),
    );
    const value: OrganisationReturn = { roundId: round.id, organisationId: o.id, ratings, submittedAt: at, submittedById: 'bench-lead', submittedByName: 'Bench Lead' };
    const nonce = randomUUID();
    await patiently(() =>
      assessments.saveReturn(
        partnershipId,
        value,
        Object.entries(ratings).map(([itemId, after]) => ({ itemId, after })),
        nonce,
        undefined,
      ),
    );
  });

  const summaries = new ComplianceSummaryService(
    assessments,
    frameworks,
    organisationRepository,
    new MemberTableRepository(storage.client('members')),
    actions,
    new MeetingTableRepository(storage.client('meetings')),
    () => HISTORY_NOW,
  );
  return { partnershipId, summaries, assessments, actions, currentRoundId: rounds.at(-1)!.id, framework, storage };
}
