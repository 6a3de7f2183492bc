import { londonDate } from '../clock';
import { authorise, ownOrganisation } from '../authorisation';
import { ForbiddenError, InvalidError, NotFoundError } from '../errors';
import type { Actor, Member } from '../partnership/member';
import { leadsOf } from '../partnership/leads';
import type { Organisation } from '../partnership/organisation';
import type { AssessmentRepository, MemberRepository, OrganisationRepository } from '../ports';
import { screenKnowingPartners } from '../privacy/known-names';
import { PersonalDataError, type PersonalDataScreen } from '../privacy/personal-data-error';
import type { AssessmentRound, ItemRating, OrganisationReturn, RatingChange, ReturnRecord } from './assessment';
import { getFramework, type FrameworkRegistry } from './framework-catalogue';
import type { Framework, FrameworkSection, Rating } from './framework';

export interface RatingInput {
  readonly itemId: string;
  readonly rating: Rating;
  readonly details: string;
}

/** What a rating card shows for one benchmark: the answers so far, or last round's to start from. */
export interface AssessmentPage {
  readonly round: AssessmentRound;
  readonly framework: Framework;
  readonly organisation: Organisation;
  readonly section: FrameworkSection;
  /** 0-based position of the section in the framework. */
  readonly index: number;
  readonly total: number;
  readonly values: Readonly<Record<string, { rating?: Rating; details: string }>>;
  /** The earlier round this page's unanswered items were pre-filled from, if any. */
  readonly prefilledFrom?: string;
  readonly etag?: string;
  readonly submitted: boolean;
  /** Sections (by number) with an unrated item in this round's own answers. */
  readonly incompleteSections: readonly number[];
}

export interface AssessmentProgress {
  readonly round: AssessmentRound;
  readonly returned: number;
  readonly total: number;
  readonly waitingFor: readonly string[];
}

/** "2026/27 Q3" -> "2026-27-q3". */
export function roundIdFor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export class AssessmentService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly frameworks: FrameworkRegistry,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly screen: PersonalDataScreen,
    private readonly now: () => Date = () => new Date(),
  ) {}

  frameworkChoices(): { id: string; title: string }[] {
    return [...this.frameworks.values()].map((f) => ({ id: f.id, title: f.title }));
  }

  /** Opens a round (Prevent Officer only). */
  async startRound(partnershipId: string, actor: Actor, input: { name: string; frameworkId: string; closesOn: string }): Promise<AssessmentRound> {
    authorise(actor, 'start-self-assessment');
    getFramework(this.frameworks, input.frameworkId);
    const today = londonDate(this.now());
    if (input.closesOn < today) throw new InvalidError('The closing date has already passed.', ['closesOn: choose a date from today on']);
    const id = roundIdFor(input.name);
    if (!id) throw new InvalidError('Give the round a name, such as "2026/27 Q3".', ['name']);
    const round: AssessmentRound = {
      id,
      name: input.name.trim(),
      frameworkId: input.frameworkId,
      closesOn: input.closesOn,
      startedAt: this.now().toISOString(),
      startedById: actor.aadObjectId,
      startedByName: actor.name,
    };
    await this.assessments.createRound(partnershipId, round);
    return round;
  }

  /** The newest round still open, if any. */
  async openRound(partnershipId: string): Promise<AssessmentRound | undefined> {
    const today = londonDate(this.now());
    return (await this.assessments.listRounds(partnershipId)).find((r) => r.closesOn >= today);
  }

  /** Who to send rating cards to: each organisation's named Prevent lead and partner leads. */
  async recipients(partnershipId: string): Promise<{ organisation: Organisation; recipients: Member[] }[]> {
    const [organisations, members] = await Promise.all([this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    return organisations.map((organisation) => ({
      organisation,
      recipients: leadsOf(organisation, members),
    }));
  }

  /** The actor's own organisation's page to carry on from: the first benchmark not yet fully rated. */
  async resume(partnershipId: string, actor: Actor): Promise<AssessmentPage> {
    const round = await this.openRound(partnershipId);
    if (!round) throw new NotFoundError('No self-assessment round is open at the moment. The Prevent Officer starts one with "start self-assessment".');
    authorise(actor, 'complete-self-assessment', ownOrganisation(actor));
    const organisationId = actor.organisationId!; // authorise refused anyone without one
    const first = await this.page(partnershipId, actor, round.id, organisationId, 0);
    const resumeAt = first.framework.sections.findIndex((s) => first.incompleteSections.includes(s.number));
    return resumeAt > 0 ? this.page(partnershipId, actor, round.id, organisationId, resumeAt) : first;
  }

  async page(partnershipId: string, actor: Actor, roundId: string, organisationId: string, index: number): Promise<AssessmentPage> {
    const { round, framework, organisation } = await this.context(partnershipId, actor, roundId, organisationId);
    const clamped = Math.min(Math.max(index, 0), framework.sections.length - 1);
    const section = framework.sections[clamped]!;
    const record = await this.assessments.getReturn(partnershipId, roundId, organisationId);
    const own = record?.value.ratings ?? {};
    const previous = await this.previousReturn(partnershipId, round, organisationId);
    const values: Record<string, { rating?: Rating; details: string }> = {};
    let prefilled = false;
    for (const item of section.items) {
      const answer = own[item.id] ?? previous?.value.ratings[item.id];
      if (!own[item.id] && previous?.value.ratings[item.id]) prefilled = true;
      values[item.id] = answer ? { rating: answer.rating, details: answer.details } : { details: '' };
    }
    return {
      round,
      framework,
      organisation,
      section,
      index: clamped,
      total: framework.sections.length,
      values,
      ...(prefilled && previous ? { prefilledFrom: previous.roundName } : {}),
      ...(record?.etag ? { etag: record.etag } : {}),
      submitted: Boolean(record?.value.submittedAt),
      incompleteSections: framework.sections.filter((s) => s.items.some((i) => !own[i.id])).map((s) => s.number),
    };
  }

  /** Saves one benchmark's answers (only what changed is written, each change kept in history). */
  async savePage(
    partnershipId: string,
    actor: Actor,
    input: { roundId: string; organisationId: string; sectionNumber: number; ratings: readonly RatingInput[]; nonce: string; etag?: string },
  ): Promise<{ record: ReturnRecord; duplicate: boolean; changed: number }> {
    const { framework } = await this.context(partnershipId, actor, input.roundId, input.organisationId);
    const section = framework.sections.find((s) => s.number === input.sectionNumber);
    if (!section) throw new InvalidError(`There is no benchmark ${input.sectionNumber} in this framework.`);
    const itemIds = new Set(section.items.map((i) => i.id));
    const stray = input.ratings.filter((r) => !itemIds.has(r.itemId));
    if (stray.length > 0) throw new InvalidError('That card does not match this benchmark.', stray.map((r) => `${r.itemId}: not an item of benchmark ${section.number}`));
    // Details name partner schools and venues; known as organisations, they are not read as people.
    let partners: Promise<Organisation[]> | undefined;
    const organisations = () => (partners ??= this.organisations.list(partnershipId));
    const screened = await Promise.all(
      input.ratings.map(async (r) => (await screenKnowingPartners(this.screen, r.details, organisations)).map((finding) => `${r.itemId}: ${finding}`)),
    );
    const findings = screened.flat();
    if (findings.length > 0) throw new PersonalDataError(findings, 'The supporting details');

    const record = await this.assessments.getReturn(partnershipId, input.roundId, input.organisationId);
    const current: OrganisationReturn = record?.value ?? { roundId: input.roundId, organisationId: input.organisationId, ratings: {} };
    const at = this.now().toISOString();
    const changes: RatingChange[] = [];
    for (const input_ of input.ratings) {
      const before = current.ratings[input_.itemId];
      if (before && before.rating === input_.rating && before.details === input_.details.trim()) continue;
      const after: ItemRating = { rating: input_.rating, details: input_.details.trim(), updatedById: actor.aadObjectId, updatedByName: actor.name, updatedAt: at };
      changes.push({ itemId: input_.itemId, ...(before ? { before } : {}), after });
    }
    if (changes.length === 0 && record) return { record, duplicate: false, changed: 0 };
    // The repository decides conflicts: the nonce first (a repeat is not a conflict), then the ETag.
    const ratings = { ...current.ratings };
    for (const change of changes) ratings[change.itemId] = change.after;
    const saved = await this.assessments.saveReturn(partnershipId, { ...current, ratings }, changes, input.nonce, input.etag);
    return { ...saved, changed: changes.length };
  }

  /** Marks the organisation's return complete; every item must be rated first. */
  async submit(partnershipId: string, actor: Actor, input: { roundId: string; organisationId: string; nonce: string; etag?: string }): Promise<{ record: ReturnRecord; duplicate: boolean }> {
    const { framework } = await this.context(partnershipId, actor, input.roundId, input.organisationId);
    const record = await this.assessments.getReturn(partnershipId, input.roundId, input.organisationId);
    const ratings = record?.value.ratings ?? {};
    const missing = framework.sections.filter((s) => s.items.some((i) => !ratings[i.id]));
    if (!record || missing.length > 0) {
      throw new InvalidError(
        'Not submitted: some items are not rated yet.',
        missing.map((s) => `Benchmark ${s.number} (${s.title}): ${s.items.filter((i) => !ratings[i.id]).map((i) => i.id).join(', ')}`),
      );
    }
    const submitted: OrganisationReturn = { ...record.value, submittedAt: this.now().toISOString(), submittedById: actor.aadObjectId, submittedByName: actor.name };
    return this.assessments.saveReturn(partnershipId, submitted, [], input.nonce, input.etag);
  }

  async progress(partnershipId: string, roundId: string): Promise<AssessmentProgress> {
    const round = await this.assessments.getRound(partnershipId, roundId);
    if (!round) throw new NotFoundError('That self-assessment round no longer exists.');
    const [organisations, returns] = await Promise.all([this.organisations.list(partnershipId), this.assessments.listReturns(partnershipId, roundId)]);
    const returned = new Set(returns.filter((r) => r.submittedAt).map((r) => r.organisationId));
    return {
      round,
      returned: organisations.filter((o) => returned.has(o.id)).length,
      total: organisations.length,
      waitingFor: organisations.filter((o) => !returned.has(o.id)).map((o) => o.name),
    };
  }

  async recordChannelCard(partnershipId: string, roundId: string, activityId: string): Promise<void> {
    await this.assessments.setRoundChannelCard(partnershipId, roundId, activityId);
  }

  /** Only an organisation's members (and the Prevent Officer) may rate for it, while the round is open. */
  private async context(partnershipId: string, actor: Actor, roundId: string, organisationId: string) {
    const round = await this.assessments.getRound(partnershipId, roundId);
    if (!round) throw new NotFoundError('That self-assessment round no longer exists.');
    const organisation = await this.organisations.get(partnershipId, organisationId);
    if (!organisation) throw new NotFoundError('That organisation is not in the partnership.');
    authorise(actor, 'rate-for-organisation', { organisationIds: [organisationId], organisationName: organisation.name });
    if (round.closesOn < londonDate(this.now())) throw new ForbiddenError(`The ${round.name} self-assessment closed on ${round.closesOn}; it can no longer be changed.`);
    return { round, framework: getFramework(this.frameworks, round.frameworkId), organisation };
  }

  /** The organisation's return in the latest earlier round of the same framework. */
  private async previousReturn(partnershipId: string, round: AssessmentRound, organisationId: string) {
    const earlier = (await this.assessments.listRounds(partnershipId)).filter((r) => r.frameworkId === round.frameworkId && r.startedAt < round.startedAt);
    for (const candidate of earlier) {
      const found = await this.assessments.getReturn(partnershipId, candidate.id, organisationId);
      if (found) return { value: found.value, roundName: candidate.name };
    }
    return undefined;
  }
}
