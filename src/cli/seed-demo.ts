import { seedDemoFigures } from './demo/demo-figures';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import type { Action } from '../domain/actions/action';
import { importPlan, summariseImport } from '../domain/actions/plan-import';
import { InvalidError } from '../domain/errors';
import { guidanceSchema } from '../domain/guidance/guidance';
import { memberSchema, type Member } from '../domain/partnership/member';
import { organisationSchema, type Organisation } from '../domain/partnership/organisation';
import { partnershipSchema } from '../domain/partnership/partnership';
import type { ActionRepository, ChangeAuthor, GuidanceRepository, MemberRepository, OrganisationRepository, PartnershipRepository } from '../domain/ports';
import { sameContent as same } from '../domain/same-content';
import { parseOrThrow } from '../domain/validation';
import { PROJECT_ROOT } from '../project-root';
import { readPlanFile } from '../plan-files/plan-file-reader';
import { openTableRepositories } from '../composition/open-table-repositories';
import { loadFrameworks } from '../storage/files/framework-files';
import { demoYearOffset, movePlanDates } from './demo/demo-year';
import { seedDemoHistory, type DemoHistoryOutcome } from './demo/demo-history';
import { seedDemoAssurance, type DemoAssuranceResult } from './demo/demo-assurance';
import { seedDemoPriorities, type DemoPrioritiesOutcome } from './demo/demo-priorities';
import type { ServiceRepositories } from '../composition/create-services';

export const DEMO_DIRECTORY = path.join(PROJECT_ROOT, 'src', 'data', 'demo');
export const DEMO_PLAN_FILE = path.join(DEMO_DIRECTORY, 'warwickshire-action-plan.csv');
const SEED_AUTHOR: ChangeAuthor = { id: 'cli:seed-demo', name: 'Demo seed' };

export type SeedOutcome = 'created' | 'updated' | 'unchanged';

export interface DemoRepositories {
  partnerships: PartnershipRepository;
  guidance: GuidanceRepository;
  /** Optional: a caller without these repositories seeds the partnership and guidance only. */
  organisations?: OrganisationRepository;
  members?: MemberRepository;
  actions?: ActionRepository;
}

export interface SeedDemoOptions {
  /**
   * "Today" for the demo: the 2017-18 plan's due dates move by whole years to the UK financial year
   * holding it (see demo-year.ts). Without it the plan keeps its 2017-18 dates.
   */
  readonly now?: Date;
}

export interface SeedDemoResult {
  partnershipId: string;
  partnership: SeedOutcome;
  guidance: SeedOutcome;
  /** Present when the repository was given: "created" when none existed, "updated" when any changed. */
  organisations?: SeedOutcome;
  members?: SeedOutcome;
  actions?: SeedOutcome;
}

function readDemoFile(name: string): unknown {
  return JSON.parse(readFileSync(path.join(DEMO_DIRECTORY, name), 'utf8'));
}

/** The shipped demo organisations (Appendix A of seed 002 plus Warwickshire CAVA), validated. */
export function demoOrganisations(): Organisation[] {
  const raw = readDemoFile('warwickshire-organisations.json');
  if (!Array.isArray(raw)) throw new InvalidError('demo organisations are not valid', ['(root): expected a list']);
  return raw.map((o, i) => parseOrThrow(organisationSchema, o, `demo organisation ${i + 1}`));
}

/** The shipped demo members (the playground's mock users), checked against the organisations. */
export function demoMembers(organisations: readonly Organisation[]): Member[] {
  const raw = readDemoFile('warwickshire-members.json');
  if (!Array.isArray(raw)) throw new InvalidError('demo members are not valid', ['(root): expected a list']);
  const members = raw.map((m, i) => parseOrThrow(memberSchema, m, `demo member ${i + 1}`));
  const known = new Set(organisations.map((o) => o.id));
  const unknown = members.filter((m) => m.organisationId !== undefined && !known.has(m.organisationId));
  if (unknown.length > 0) {
    throw new InvalidError(
      'demo members are not valid',
      unknown.map((m) => `${m.name}: no organisation "${m.organisationId}"`),
    );
  }
  return members;
}

/**
 * The shipped 2017-18 plan, imported against the demo organisations; throws listing every problem.
 * Actions whose Who names a role no seed places in an organisation (the Strategy Group chair, the
 * ECINS Project Manager) are imported with their owner left for the Prevent Officer to set.
 */
export async function demoPlan(organisations: readonly Organisation[]): Promise<Action[]> {
  const result = importPlan(await readPlanFile(DEMO_PLAN_FILE), organisations, undefined, { leaveUnmatchedOwners: true });
  if (result.problems.length > 0) {
    throw new InvalidError(`the demo plan ${path.basename(DEMO_PLAN_FILE)} does not import cleanly`, summariseImport(result).split('\n').slice(1));
  }
  return result.actions;
}

function outcomeOf(existing: number, changed: number): SeedOutcome {
  if (changed === 0) return 'unchanged';
  return existing === 0 ? 'created' : 'updated';
}

/** Saves each record that differs from what is stored; one outcome for the lot. */
async function seedRecords<T>(records: readonly T[], stored: (record: T) => Promise<T | undefined>, save: (record: T) => Promise<void>): Promise<SeedOutcome> {
  let existing = 0;
  let changed = 0;
  for (const record of records) {
    const current = await stored(record);
    if (current !== undefined) existing += 1;
    if (!same(current, record)) {
      await save(record);
      changed += 1;
    }
  }
  return outcomeOf(existing, changed);
}

/**
 * Loads the Warwickshire demo partnership, its guidance and, when their repositories are given, its
 * organisations, members and 2017-18 action plan. Safe to run on every start: a record that already
 * matches the demo data is left alone, so history only grows when something changed. Plan actions
 * are compared by definition; progress already recorded against them is never touched. Given
 * `now`, the plan's due dates are those of the financial year holding it, so a new financial year
 * moves them once more on the next run.
 */
export async function seedDemo(repositories: DemoRepositories, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const partnership = parseOrThrow(partnershipSchema, readDemoFile('warwickshire-partnership.json'), 'demo partnership');
  const guidance = parseOrThrow(guidanceSchema, readDemoFile('warwickshire-guidance.json'), 'demo guidance');
  const partnershipId = partnership.id;

  const result: SeedDemoResult = {
    partnershipId,
    partnership: await seedRecords(
      [partnership],
      () => repositories.partnerships.get(partnershipId),
      (p) => repositories.partnerships.save(p, SEED_AUTHOR),
    ),
    guidance: await seedRecords(
      [guidance],
      () => repositories.guidance.get(partnershipId),
      (g) => repositories.guidance.save(partnershipId, g, SEED_AUTHOR),
    ),
  };

  const { organisations, members, actions } = repositories;
  if (!organisations && !members && !actions) return result;

  // Read and check every demo file before writing any of them.
  const demoOrgs = demoOrganisations();
  const demoPeople = members ? demoMembers(demoOrgs) : [];
  const plan = actions ? movePlanDates(await demoPlan(demoOrgs), options.now ? demoYearOffset(options.now) : 0) : [];

  if (organisations) {
    result.organisations = await seedRecords(
      demoOrgs,
      (o) => organisations.get(partnershipId, o.id),
      (o) => organisations.save(partnershipId, o, SEED_AUTHOR),
    );
  }
  if (members) {
    result.members = await seedRecords(
      demoPeople,
      (m) => members.get(partnershipId, m.aadObjectId),
      (m) => members.save(partnershipId, m, SEED_AUTHOR),
    );
  }
  if (actions) {
    const stored = new Map((await actions.list(partnershipId)).map((record) => [record.action.id, record.action]));
    // The plan file says nothing about priorities: links made since (by the demo or a person) stay.
    const linked = plan.map((action) => {
      const priorityIds = stored.get(action.id)?.priorityIds;
      return priorityIds ? { ...action, priorityIds } : action;
    });
    const changed = linked.filter((action) => !same(stored.get(action.id), action));
    if (changed.length > 0) await actions.savePlan(partnershipId, changed, SEED_AUTHOR);
    result.actions = outcomeOf(plan.filter((a) => stored.has(a.id)).length, changed.length);
  }
  return result;
}

/**
 * The demo as a newcomer should meet it (`npm start`, and `npm run seed` in local mode): the plan as
 * this financial year's, and a few months of made-up history behind it, seeded once (demo-history.ts).
 */
export async function seedLiveDemo(
  repositories: DemoRepositories & ServiceRepositories,
  options: { readonly now: Date; readonly frameworksDirectory?: string },
): Promise<SeedDemoResult & { history: DemoHistoryOutcome; assurance: DemoAssuranceResult['assurance']; priorities: DemoPrioritiesOutcome }> {
  const seeded = await seedDemo(repositories, { now: options.now });
  const frameworks = await loadFrameworks(options.frameworksDirectory);
  // Figures first: the next meeting the history schedules builds its agenda from them.
  await seedDemoFigures(repositories, { partnershipId: seeded.partnershipId, now: options.now, frameworks });
  const { history } = await seedDemoHistory(repositories, { partnershipId: seeded.partnershipId, now: options.now, frameworks });
  const { assurance } = await seedDemoAssurance(repositories, { partnershipId: seeded.partnershipId, now: options.now, frameworks });
  const priorities = await seedDemoPriorities(repositories, { partnershipId: seeded.partnershipId, now: options.now, frameworks });
  return { ...seeded, history, assurance, priorities };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const repositories = await openTableRepositories(config);
  // Only a local run gets the made-up history: a real deployment's storage holds nothing invented.
  const outcome =
    config.mode === 'local'
      ? await seedLiveDemo(repositories, { now: new Date(), ...(config.frameworksDirectory ? { frameworksDirectory: config.frameworksDirectory } : {}) })
      : await seedDemo(repositories);
  const parts = [`partnership ${outcome.partnership}`, `guidance ${outcome.guidance}`];
  if (outcome.organisations) parts.push(`organisations ${outcome.organisations}`);
  if (outcome.members) parts.push(`members ${outcome.members}`);
  if (outcome.actions) parts.push(`action plan ${outcome.actions}`);
  if ('history' in outcome) parts.push(`demo history ${outcome.history}`);
  if ('assurance' in outcome) parts.push(`demo assurance statements ${String(outcome.assurance)}`);
  if ('priorities' in outcome) parts.push(`demo priorities ${outcome.priorities}`);
  console.log(`demo partnership "${outcome.partnershipId}": ${parts.join(', ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const details = error instanceof InvalidError ? error.details.map((d) => `\n  ${d}`).join('') : '';
    console.error(error instanceof ConfigError ? error.message : `seed failed: ${(error as Error).message}${details}`);
    process.exit(1);
  });
}
