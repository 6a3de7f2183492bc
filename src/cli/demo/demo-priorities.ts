import { createDomainServices, type ServiceRepositories } from '../../composition/create-services';
import type { FrameworkRegistry } from '../../domain/assessment/framework-catalogue';
import { londonDate } from '../../domain/clock';
import { financialYearOf, financialYearStart, previousFinancialYear } from '../../domain/priorities/priority';
import { DEMO_SEED_ACTOR, DEMO_TEXT_PREFIX } from './demo-history-plan';

/** A demo priority and the actions of the 2017-18 plan that address it, linked by theme. */
interface DemoPriority {
  readonly title: string;
  readonly description: string;
  readonly source: string;
  readonly actionIds: readonly string[];
}

/**
 * This year's made-up Situational Assessment priorities. Every action of the demo plan but 2.2 (the
 * webpage) and 6.5 (the newsletter) addresses one, and P7 has none, so both call-outs show.
 */
const THIS_YEAR: readonly DemoPriority[] = [
  {
    title: 'Online radicalisation and harmful content',
    description: 'Young people drawn in through online spaces and social media.',
    source: 'CTLP (demo)',
    actionIds: ['1.2', '1.5', '4.2', '6.6', '6.7', '6.8'],
  },
  {
    title: 'Awareness and training of frontline staff',
    description: 'Staff across the specified authorities recognise and refer concerns.',
    source: 'Situational Assessment (demo)',
    actionIds: ['1.1', '2.6', '3.1', '3.2', '3.3', '3.5'],
  },
  {
    title: 'Safe education settings',
    description: 'Schools and colleges confident in their Prevent duty.',
    source: 'Situational Assessment (demo)',
    actionIds: ['4.1', '4.3', '4.4', '4.5'],
  },
  {
    title: 'Channel and multi-agency support',
    description: 'Timely, well-recorded support through the Channel panel.',
    source: 'Situational Assessment (demo)',
    actionIds: ['5.1', '5.2', '5.3', '5.4'],
  },
  { title: 'Community engagement and cohesion', description: 'Communities, faith groups and venues as partners.', source: 'CTLP (demo)', actionIds: ['1.3', '1.4', '6.1', '6.4'] },
  {
    title: 'Partnership governance and assurance',
    description: 'Leads nominated, the ToR reviewed and the Board kept informed.',
    source: 'Situational Assessment (demo)',
    actionIds: ['2.1', '2.3', '2.4', '2.5', '6.2', '6.3'],
  },
  { title: 'Mixed, unclear and unstable ideologies', description: 'A rising share of referrals with no single ideology.', source: 'CTLP (demo)', actionIds: [] },
];

const LAST_YEAR: readonly Omit<DemoPriority, 'actionIds'>[] = [
  { title: 'Online radicalisation', description: 'Online spaces as the main route in.', source: 'CTLP (demo)' },
  { title: 'Training reach across the partnership', description: 'WRAP and e-learning take-up in every sector.', source: 'Situational Assessment (demo)' },
  { title: 'Extreme right-wing activity', description: 'Stickering and leafleting reported in two districts.', source: 'CTLP (demo)' },
  { title: 'Channel panel practice', description: 'Panel membership and case recording.', source: 'Situational Assessment (demo)' },
];

export type DemoPrioritiesOutcome = 'created' | 'kept';

/** A day some weeks before a financial year starts: the Steering Group's March meeting agreed it. */
function agreedBefore(year: string): string {
  return `${year.slice(0, 4)}-03-12`;
}

/**
 * Gives the demo partnership last year's and this year's priorities, each agreed before its year
 * started, and links the plan's actions to this year's by theme. Written through PriorityService
 * with its clock at each step's day, so every write is validated, screened and audited. Seeded once:
 * a partnership that has any register already is left alone.
 */
export async function seedDemoPriorities(
  repositories: ServiceRepositories,
  options: { readonly partnershipId: string; readonly now: Date; readonly frameworks: FrameworkRegistry },
): Promise<DemoPrioritiesOutcome> {
  const { partnershipId } = options;
  if ((await repositories.priorities.list(partnershipId)).length > 0) return 'kept';
  let clock = options.now;
  const { priorities } = createDomainServices(repositories, { defaultPartnershipId: partnershipId, frameworks: options.frameworks, now: () => clock });
  const thisYear = financialYearOf(londonDate(options.now));
  const lastYear = previousFinancialYear(thisYear);

  const register = async (year: string, list: readonly Omit<DemoPriority, 'actionIds'>[]) => {
    // Drafted in February, agreed at the March meeting, both before the year starts on 1 April.
    clock = new Date(`${year.slice(0, 4)}-02-20T10:00:00Z`);
    let etag = '';
    for (const [index, priority] of list.entries()) {
      const saved = await priorities.save(partnershipId, DEMO_SEED_ACTOR, {
        financialYear: year,
        title: priority.title,
        description: `${DEMO_TEXT_PREFIX}${priority.description}`,
        source: priority.source,
        retired: false,
        nonce: `demo-priority-${year}-${index + 1}`,
        etag,
      });
      etag = saved.record.etag;
    }
    clock = new Date(`${agreedBefore(year)}T12:00:00Z`);
    await priorities.agree(partnershipId, DEMO_SEED_ACTOR, { financialYear: year, agreedOn: agreedBefore(year), nonce: `demo-priorities-agreed-${year}`, etag });
  };
  await register(lastYear, LAST_YEAR);
  await register(thisYear, THIS_YEAR);
  if (agreedBefore(thisYear) >= financialYearStart(thisYear)) throw new Error('the demo priorities must be agreed before their year starts');

  clock = options.now;
  const plan = new Map((await repositories.actions.list(partnershipId)).map((record) => [record.action.id, record]));
  const byAction = new Map<string, string[]>();
  THIS_YEAR.forEach((priority, index) => {
    for (const actionId of priority.actionIds) byAction.set(actionId, [...(byAction.get(actionId) ?? []), `P${index + 1}`]);
  });
  for (const [actionId, priorityIds] of byAction) {
    const record = plan.get(actionId);
    if (record) await priorities.link(partnershipId, DEMO_SEED_ACTOR, { actionId, priorityIds, etag: record.etag });
  }
  return 'created';
}
