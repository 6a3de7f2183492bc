import { createDomainServices, type ServiceRepositories } from '../../composition/create-services';
import { statementYearOf } from '../../domain/assurance/assurance';
import type { AnswerInput } from '../../domain/assurance/assurance-service';
import type { AssuranceAnswer } from '../../domain/assurance/statement-template';
import type { FrameworkRegistry } from '../../domain/assessment/framework-catalogue';
import { onOrBeforeWorkingDay } from '../../domain/calendar/working-days';
import { londonDate } from '../../domain/clock';
import { leadsOf } from '../../domain/partnership/leads';
import type { Actor } from '../../domain/partnership/member';
import { addDays, at, DEMO_SEED_ACTOR, DEMO_TEXT_PREFIX } from './demo-history-plan';
import { seededDice } from './seeded-dice';

/** Fixed, so every `npm start` on the same day writes the same statements. */
export const DEMO_ASSURANCE_SEED = 2024;

const NOTES: Record<AssuranceAnswer, readonly string[]> = {
  'in-place': ['checked by the Prevent lead against the SOP.', 'evidence held by the safeguarding lead.', 'reviewed at the internal safeguarding board this year.'],
  partly: ['in place for most teams; the rest by the end of the quarter.', 'started; to be completed before the next Steering Group meeting.'],
  'not-yet': ['planned for next quarter.', 'waiting for the new training plan to be agreed.'],
};

export interface DemoAssuranceResult {
  readonly assurance: 'created' | 'kept';
  /** Statements written: last year's and this year's. */
  readonly statements: number;
}

/**
 * The demo partnership's annual assurance statements: last financial year's, asked for in January and
 * returned by most organisations (one left part-way, two not started), and this year's, asked for
 * nine days ago with a few back. Written through the same service the bot uses, its clock set to each
 * event's time, so every write is checked, screened and audited. Left alone once any year was requested.
 */
export async function seedDemoAssurance(
  repositories: ServiceRepositories,
  options: { readonly partnershipId: string; readonly now: Date; readonly frameworks: FrameworkRegistry },
): Promise<DemoAssuranceResult> {
  const { partnershipId, now } = options;
  if ((await repositories.assurance.listRequests(partnershipId)).length > 0) return { assurance: 'kept', statements: 0 };
  const dice = seededDice(DEMO_ASSURANCE_SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(dice() * list.length)]!;
  let clock = now;
  const { assurance } = createDomainServices(repositories, { defaultPartnershipId: partnershipId, frameworks: options.frameworks, now: () => clock });
  const [organisations, members] = await Promise.all([repositories.organisations.list(partnershipId), repositories.members.list(partnershipId)]);
  const template = (await assurance.templateItems()).map((item) => item.id);
  const today = londonDate(now);
  const year = statementYearOf(today);
  const startYear = Number(year.slice(0, 4));
  const maturity = new Map(organisations.map((o) => [o.id, 0.35 + dice() * 0.6]));
  let written = 0;

  const answersFor = (organisationId: string, lift: number): AnswerInput[] =>
    template.map((itemId) => {
      const score = maturity.get(organisationId)! + lift + (dice() - 0.5) * 0.6;
      const answer: AssuranceAnswer = score < 0.3 ? 'not-yet' : score < 0.55 ? 'partly' : 'in-place';
      return { itemId, answer, note: `${DEMO_TEXT_PREFIX}${pick(NOTES[answer])}` };
    });
  const actorFor = (organisationId: string): Actor => {
    const organisation = organisations.find((o) => o.id === organisationId)!;
    const lead = leadsOf(organisation, members).find((m) => m.role === 'partner-lead');
    return lead ? { aadObjectId: lead.aadObjectId, name: lead.name, role: lead.role, organisationId } : DEMO_SEED_ACTOR;
  };
  const shuffled = () => {
    const out = [...organisations];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(dice() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  /** One year: the request on `requestDay`, then each return `daysLater` with a confirmation or a part-way save. */
  async function seedYear(
    statementYear: string,
    requestDay: string,
    returns: readonly { organisationId: string; daysLater: number; confirm: boolean }[],
    lift: number,
  ): Promise<void> {
    clock = at(requestDay, 9, 30);
    await assurance.request(partnershipId, DEMO_SEED_ACTOR);
    const ordered = [...returns].sort((a, b) => a.daysLater - b.daysLater);
    for (const [index, ret] of ordered.entries()) {
      clock = at(onOrBeforeWorkingDay(addDays(requestDay, ret.daysLater)), 10 + (index % 6), 15);
      if (clock.getTime() >= now.getTime()) continue;
      const all = answersFor(ret.organisationId, lift);
      const answers = ret.confirm ? all : all.slice(0, Math.ceil(all.length / 2));
      await assurance.save(
        partnershipId,
        actorFor(ret.organisationId),
        { year: statementYear, organisationId: ret.organisationId, nonce: `demo-assurance-${statementYear}-${index + 1}`, confirm: ret.confirm },
        () => ({ answers, problems: [] }),
      );
      written += 1;
    }
  }

  // Last year's, asked for in January of its last quarter: all but three confirmed, one of those part-way.
  const lastYear = `${startYear - 1}-${String(startYear % 100).padStart(2, '0')}`;
  const last = shuffled();
  await seedYear(
    lastYear,
    onOrBeforeWorkingDay(`${startYear}-01-07`),
    last.slice(2).map((o, i) => ({ organisationId: o.id, daysLater: 2 + Math.floor(dice() * 30), confirm: i > 0 })),
    0,
  );

  // This year's, asked for nine days ago (never before the year began): a few back already.
  const requestDay = onOrBeforeWorkingDay(addDays(today, -9));
  if (statementYearOf(requestDay) === year) {
    const first = shuffled().slice(0, 4);
    await seedYear(
      year,
      requestDay,
      first.map((o, i) => ({ organisationId: o.id, daysLater: 1 + Math.floor(dice() * 7), confirm: i < 3 })),
      0.15,
    );
  }
  return { assurance: 'created', statements: written };
}
