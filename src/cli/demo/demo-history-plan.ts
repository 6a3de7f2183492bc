import type { Action, ActionStatus } from '../../domain/actions/action';
import { answeringOrganisations } from '../../domain/assessment/answered-by';
import type { Rating } from '../../domain/assessment/framework';
import type { Framework } from '../../domain/assessment/framework';
import type { RatingInput } from '../../domain/assessment/assessment-service';
import { londonDate } from '../../domain/clock';
import { isWorkingDay, onOrBeforeWorkingDay, workingDaysAfter, workingDaysBefore } from '../../domain/calendar/working-days';
import type { Attendance } from '../../domain/meetings/meeting';
import { londonTimeToInstant } from '../../domain/meetings/meeting-time';
import type { Actor, Member } from '../../domain/partnership/member';
import type { Organisation } from '../../domain/partnership/organisation';
import { seededDice } from './seeded-dice';

/** Every demo history run draws from this seed: the same "today" always gives the same history. */
export const DEMO_HISTORY_SEED = 2017;

/**
 * Who wrote what the demo's own people did not: rounds, meetings, decisions and the returns of
 * organisations with no demo lead. A Prevent Officer by role (so the services allow it), named so
 * that every card and the audit log say it is demo data.
 */
export const DEMO_SEED_ACTOR: Actor = { aadObjectId: 'cli:seed-demo', name: 'Demo seed', role: 'prevent-officer' };

/** Every free text the demo writes starts so, for anyone reading a card or an export. */
export const DEMO_TEXT_PREFIX = 'Demo data: ';

export type DemoEvent =
  | {
      readonly kind: 'update';
      readonly at: Date;
      readonly actor: Actor;
      readonly actionId: string;
      readonly status: ActionStatus;
      readonly note: string;
      readonly revisedDate?: string;
      readonly nonce: string;
    }
  | { readonly kind: 'start-round'; readonly at: Date; readonly name: string; readonly closesOn: string }
  | {
      readonly kind: 'return';
      readonly at: Date;
      readonly actor: Actor;
      readonly roundName: string;
      readonly organisationId: string;
      readonly ratings: readonly RatingInput[];
      readonly nonce: string;
    }
  | { readonly kind: 'schedule-meeting'; readonly at: Date; readonly startsAt: Date; readonly location: string }
  | { readonly kind: 'reply'; readonly at: Date; readonly actor: Actor; readonly meetingStartsAt: Date; readonly status: Attendance }
  | { readonly kind: 'decision'; readonly at: Date; readonly meetingStartsAt: Date; readonly itemId: string; readonly text: string };

export interface DemoHistoryInputs {
  readonly now: Date;
  /** The plan as seeded, its dates already moved to this financial year. */
  readonly plan: readonly Action[];
  readonly organisations: readonly Organisation[];
  readonly members: readonly Member[];
  /** The framework the demo partnership uses. */
  readonly framework: Framework;
}

const DAY_MS = 24 * 3600 * 1000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function at(isoDate: string, hour: number, minute = 0): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return londonTimeToInstant(year, month, day, hour, minute);
}

/** "2026/27 Q3": the UK financial year and its quarter (Q1 is April to June). */
export function financialQuarterName(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const start = month >= 4 ? year : year - 1;
  const quarter = Math.floor(((month + 8) % 12) / 3) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')} Q${quarter}`;
}

const NOTES: Record<ActionStatus, readonly string[]> = {
  'not-started': ['planned with partners; work starts next month.', 'not started yet: waiting for the lead officer to be confirmed.'],
  'on-track': [
    'under way as the plan sets out; on track for its timescale.',
    'progress reported to the Prevent Officer; on track.',
    'first sessions held and feedback gathered; on track.',
  ],
  'at-risk': ['capacity is stretched this quarter; may slip without support from partners.', 'depends on partners confirming dates; at risk of slipping.'],
  'off-track': ['behind the timescale; a revised date is proposed to the Steering Group.'],
  complete: ['delivered as planned; evidence held by the lead organisation.', 'complete and reported to the Steering Group.'],
};

const DETAILS: Record<Rating, readonly string[]> = {
  'not-yet-started': ['not yet in place; planned for this year.', 'not started: agreed as a priority for next quarter.'],
  developing: ['partly in place; being extended across teams.', 'in draft; to be agreed by the senior lead.', 'in place in some services, not yet all.'],
  achieving: ['in place and reviewed this year.', 'in place; evidence held by the organisation.', 'embedded and reported to the Steering Group.'],
};

/** The decisions the Group recorded at its last meeting, under standing items of the SOP (seed 000 section 4). */
const DECISIONS: readonly { itemId: string; text: string }[] = [
  { itemId: 'action-plan', text: 'action plan reviewed; owners of actions off track to give the Prevent Officer a revised date before the next meeting.' },
  { itemId: 'referral-data', text: 'referral data reviewed (numbers only); the Police Prevent Team to present the next quarter by sector.' },
  { itemId: 'training', text: 'partners to confirm to the Prevent Officer the staff trained this quarter and the refreshers due.' },
  { itemId: 'channel-panel', text: "Channel Panel Chair's update noted: caseload and reviews completed, numbers only." },
];

/**
 * The demo partnership's recent history as dated events, oldest first: updates on about two thirds
 * of the actions from their organisations' demo leads over the past five months, two self-assessment
 * rounds (eight and four months ago) with returns from most organisations, last quarter's Steering
 * Group meeting with replies and decisions, and the next one scheduled on a working day. Pure and
 * deterministic: the same inputs give the same events.
 */
export function planDemoHistory(inputs: DemoHistoryInputs): DemoEvent[] {
  const dice = seededDice(DEMO_HISTORY_SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(dice() * list.length)]!;
  const today = londonDate(inputs.now);
  const events: DemoEvent[] = [];
  const leadsOf = (organisationIds: readonly string[]) =>
    inputs.members.filter((m) => m.organisationId && organisationIds.includes(m.organisationId) && (m.role === 'partner-lead' || m.role === 'prevent-officer'));
  const actorOf = (m: Member): Actor => ({ aadObjectId: m.aadObjectId, name: m.name, role: m.role, ...(m.organisationId ? { organisationId: m.organisationId } : {}) });
  const note = (status: ActionStatus) => `${DEMO_TEXT_PREFIX}${pick(NOTES[status])}`;
  const workingDayAt = (isoDate: string, hour: number) => at(onOrBeforeWorkingDay(isoDate), hour, pick([0, 15, 30, 45]));
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(dice() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  // Action updates.
  let offTrack = 0;
  const slipping: number[] = [];
  for (const action of inputs.plan) {
    const leads = leadsOf(action.ownerOrganisationIds);
    if (leads.length === 0) continue;
    const due = action.dueDate;
    const passed = due !== undefined && due < today;
    const roll = dice();
    if (!passed && roll > 0.65) continue;
    const lead = actorOf(pick(leads));
    // Up to three working days in the five months before the last possible day, oldest first.
    const end = passed ? minDate(addDays(due, 14), addDays(today, -1)) : addDays(today, -1);
    const wanted = 1 + Math.floor(dice() * 3);
    const chosen = new Set<string>();
    for (let i = 0; i < wanted; i += 1) chosen.add(onOrBeforeWorkingDay(addDays(end, -Math.floor(dice() * 150))));
    const days = [...chosen].sort();
    const count = days.length;

    let last: { status: ActionStatus; revisedDate?: string };
    const outcome = dice();
    if (passed) {
      last = outcome < 0.7 ? { status: 'complete' } : { status: 'off-track', revisedDate: addDays(today, 30 + Math.floor(dice() * 45)) };
    } else if (outcome < 0.12) {
      last = { status: 'off-track', revisedDate: addDays(due ?? today, 30 + Math.floor(dice() * 60)) };
    } else if (outcome < 0.3) {
      last = { status: 'at-risk' };
    } else {
      last = { status: 'on-track' };
    }
    if (last.status === 'off-track') offTrack += 1;
    if (last.status === 'at-risk') slipping.push(events.length + days.length - 1);
    days.forEach((day, i) => {
      const final = i === days.length - 1;
      const status: ActionStatus = final ? last.status : i === 0 && count === 3 && dice() < 0.5 ? 'not-started' : 'on-track';
      events.push({
        kind: 'update',
        at: workingDayAt(day, 9 + Math.floor(dice() * 8)),
        actor: lead,
        actionId: action.id,
        status,
        note: note(status),
        ...(final && last.revisedDate ? { revisedDate: last.revisedDate } : {}),
        nonce: `demo-update-${action.id}-${i + 1}`,
      });
    });
  }

  // A plan where nothing is off track is not one a Steering Group meets about: an action at risk slips.
  for (const index of slipping.slice(0, Math.max(0, 2 - offTrack))) {
    const update = events[index] as Extract<DemoEvent, { kind: 'update' }>;
    events[index] = { ...update, status: 'off-track', note: note('off-track'), revisedDate: addDays(today, 45) };
  }

  // Two self-assessment rounds, each open four weeks; the second finds most organisations a step on.
  // Only the organisations that answer the framework are asked, so only they return.
  const answering = answeringOrganisations(inputs.framework, inputs.organisations);
  const organisations = [...inputs.organisations];
  const maturity = new Map(answering.map((o) => [o.id, 0.4 + dice() * 0.45]));
  const firstScores = new Map<string, number>();
  const items = inputs.framework.sections.flatMap((s) => s.items.map((item) => ({ section: s.number, itemId: item.id })));
  const ratingOf = (score: number): Rating => (score < 0.33 ? 'not-yet-started' : score < 0.7 ? 'developing' : 'achieving');
  const rounds = [
    { startsDaysAgo: 238, missing: 3 },
    { startsDaysAgo: 115, missing: 2 },
  ];
  rounds.forEach((round, r) => {
    const start = onOrBeforeWorkingDay(addDays(today, -round.startsDaysAgo));
    const name = financialQuarterName(start);
    const closesOn = workingDaysAfter(start, 20);
    events.push({ kind: 'start-round', at: at(start, 9, 30), name, closesOn });
    const shuffled = shuffle(answering);
    const returning = shuffled.slice(round.missing);
    for (const organisation of returning) {
      const lead = leadsOf([organisation.id]).find((m) => m.role === 'partner-lead');
      const ratings = items.map(({ itemId }) => {
        const key = `${organisation.id}|${itemId}`;
        const score = r === 0 ? maturity.get(organisation.id)! + (dice() - 0.5) * 0.5 : (firstScores.get(key) ?? maturity.get(organisation.id)!) + 0.08 + (dice() - 0.5) * 0.3;
        if (r === 0) firstScores.set(key, score);
        const rating = ratingOf(score);
        return { itemId, rating, details: `${DEMO_TEXT_PREFIX}${pick(DETAILS[rating])}` };
      });
      events.push({
        kind: 'return',
        at: workingDayAt(addDays(start, 2 + Math.floor(dice() * 24)), 10 + Math.floor(dice() * 6)),
        actor: lead ? actorOf(lead) : DEMO_SEED_ACTOR,
        roundName: name,
        organisationId: organisation.id,
        ratings,
        nonce: `demo-return-${r + 1}-${organisations.indexOf(organisation) + 1}`,
      });
    }
  });

  // Last quarter's meeting: scheduled five weeks before, replies in the week before, decisions the day after.
  // No venue: none of the seeds names one.
  let held = addDays(today, -70);
  // Nobody holds a Steering Group between Christmas and New Year: the week before instead.
  if (held.slice(5) >= '12-19') held = `${held.slice(0, 4)}-12-18`;
  else if (held.slice(5) <= '01-04') held = `${Number(held.slice(0, 4)) - 1}-12-18`;
  held = onOrBeforeWorkingDay(held);
  const heldAt = at(held, 10);
  events.push({ kind: 'schedule-meeting', at: workingDayAt(addDays(held, -35), 11), startsAt: heldAt, location: '' });
  // The demo leads reply for their organisations; most others' replies the Prevent Officer noted.
  const leadFor = new Map<string, Member>();
  for (const m of inputs.members) if (m.role === 'partner-lead' && m.organisationId && !leadFor.has(m.organisationId)) leadFor.set(m.organisationId, m);
  for (const organisation of organisations) {
    const lead = leadFor.get(organisation.id);
    const roll = dice();
    if (!lead && roll > 0.8) continue;
    events.push({
      kind: 'reply',
      at: workingDayAt(addDays(held, -2 - Math.floor(dice() * 8)), 9 + Math.floor(dice() * 8)),
      actor: lead ? actorOf(lead) : { ...DEMO_SEED_ACTOR, organisationId: organisation.id },
      meetingStartsAt: heldAt,
      status: roll < 0.6 ? 'attending' : roll < 0.72 ? 'deputy' : 'apologies',
    });
  }
  const decidedOn = workingDaysAfter(held, 1);
  DECISIONS.forEach((d, i) => events.push({ kind: 'decision', at: at(decidedOn, 14, i), meetingStartsAt: heldAt, itemId: d.itemId, text: `${DEMO_TEXT_PREFIX}${d.text}` }));

  // The next meeting keeps the quarterly rhythm; scheduled on the last working day before today.
  let next = addDays(held, 13 * 7);
  while (next <= addDays(today, 7)) next = addDays(next, 13 * 7);
  // Nobody holds a Steering Group between Christmas and New Year.
  if (next.slice(5) >= '12-22') next = `${Number(next.slice(0, 4)) + 1}-01-05`;
  else if (next.slice(5) <= '01-04') next = `${next.slice(0, 4)}-01-05`;
  if (!isWorkingDay(next)) next = workingDaysAfter(next, 1);
  events.push({ kind: 'schedule-meeting', at: at(workingDaysBefore(today, 1), 9), startsAt: at(next, 10), location: '' });

  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
