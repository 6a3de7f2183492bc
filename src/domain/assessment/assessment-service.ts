import { londonDate } from '../clock';
import { authorise, isAllowed, ownOrganisation } from '../authorisation';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../errors';
import type { Actor, Member } from '../partnership/member';
import { leadsOf } from '../partnership/leads';
import type { Organisation } from '../partnership/organisation';
import type { AssessmentRepository, MemberRepository, OrganisationRepository } from '../ports';
import { screenKnowingPartners } from '../privacy/known-names';
import { PersonalDataError, type PersonalDataScreen } from '../privacy/personal-data-error';
import { answeredByLabel, answeringOrganisations, NotAnsweringError } from './answered-by';
import { askedOrganisations, defaultQuorum, type AssessmentRound, type ItemRating, type OrganisationReturn, type RatingChange, type ReturnRecord } from './assessment';
import { getFramework, sameFramework, type FrameworkRegistry } from './framework-catalogue';
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

/** What a press on a page of ratings leads to; the card for each is the bot's to choose. */
export type PageSaveOutcome =
  /** Nothing saved: the page comes back with what was typed and a line per problem. */
  | { readonly kind: 'not-saved'; readonly reason: 'invalid' | 'personal-data' | 'conflict'; readonly page: AssessmentPage; readonly problems: readonly string[] }
  /** Saved, and another page to show (Next, Back, or a submit refused for unrated items). */
  | { readonly kind: 'page'; readonly page: AssessmentPage; readonly notice?: string; readonly problems?: readonly string[] }
  | { readonly kind: 'receipt'; readonly page: AssessmentPage; readonly savedAt: string; readonly submitted: boolean; readonly duplicate: boolean };

type RoundContext = Awaited<ReturnType<AssessmentService['context']>>;

export interface AssessmentProgress {
  readonly round: AssessmentRound;
  readonly returned: number;
  readonly total: number;
  readonly waitingFor: readonly string[];
}

/** The round's progress as one person sees it: with their own organisation's return when they answer for one. */
export interface AssessmentProgressView {
  readonly progress: AssessmentProgress;
  readonly own?: { readonly organisationName: string; readonly state: 'returned' | 'in progress' | 'not started' };
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

  /** Every framework on offer, each with who answers it ("every specified authority"). */
  frameworkChoices(): { id: string; title: string; answeredBy: string }[] {
    return [...this.frameworks.values()].map((f) => ({ id: f.id, title: f.title, answeredBy: answeredByLabel(f) }));
  }

  /**
   * The partnership's organisations that answer a framework (those a round of it asks), and the
   * framework's own id: a partnership set up with an old id still preselects the framework it names.
   */
  async answering(partnershipId: string, frameworkId: string): Promise<{ frameworkId: string; organisations: Organisation[] }> {
    const framework = getFramework(this.frameworks, frameworkId);
    return { frameworkId: framework.id, organisations: answeringOrganisations(framework, await this.organisations.list(partnershipId)) };
  }

  /**
   * Opens a round (Prevent Officer only), asking the organisations that answer its framework. Its
   * quorum (organisations that must return before the score is final) is the one given, or more than
   * half of those asked; it cannot be more than are asked.
   */
  async startRound(partnershipId: string, actor: Actor, input: { name: string; frameworkId: string; closesOn: string; quorum?: number | undefined }): Promise<AssessmentRound> {
    authorise(actor, 'start-self-assessment');
    const framework = getFramework(this.frameworks, input.frameworkId);
    const today = londonDate(this.now());
    if (input.closesOn < today) throw new InvalidError('The closing date has already passed.', ['closesOn: choose a date from today on']);
    const id = roundIdFor(input.name);
    if (!id) throw new InvalidError('Give the round a name, such as "2026/27 Q3".', ['name']);
    const asked = answeringOrganisations(framework, await this.organisations.list(partnershipId));
    if (asked.length === 0) {
      throw new InvalidError(`No organisation of the partnership answers ${framework.title}: it is answered by ${answeredByLabel(framework)}.`, [
        'frameworkId: choose another framework, or add the organisation that answers it to the partnership',
      ]);
    }
    if (input.quorum !== undefined && input.quorum > asked.length) {
      const who = asked.length === 1 ? 'the one organisation that answers' : `the ${asked.length} organisations that answer`;
      throw new InvalidError(`The quorum cannot be more than ${who} ${framework.title}.`, [`quorum: choose 1 to ${asked.length}`]);
    }
    const round: AssessmentRound = {
      id,
      name: input.name.trim(),
      // The framework's own id, even when chosen by an old one, so later rounds compare like with like.
      frameworkId: framework.id,
      closesOn: input.closesOn,
      quorum: input.quorum ?? defaultQuorum(asked.length),
      organisationIds: asked.map((o) => o.id),
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

  /** Who to send the round's rating cards to: each asked organisation's named Prevent lead and partner leads. */
  async recipients(partnershipId: string, round: AssessmentRound): Promise<{ organisation: Organisation; recipients: Member[] }[]> {
    const [organisations, members] = await Promise.all([this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    return askedOrganisations(round, organisations).map((organisation) => ({
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
    await this.assertAsked(partnershipId, round, organisationId);
    return this.firstIncompletePage(partnershipId, actor, round.id, organisationId);
  }

  /** An organisation's page to carry on from in a round (a chaser's button): the first benchmark not yet fully rated. */
  async firstIncompletePage(partnershipId: string, actor: Actor, roundId: string, organisationId: string): Promise<AssessmentPage> {
    const first = await this.page(partnershipId, actor, roundId, organisationId, 0);
    const resumeAt = first.framework.sections.findIndex((s) => first.incompleteSections.includes(s.number));
    return resumeAt > 0 ? this.page(partnershipId, actor, roundId, organisationId, resumeAt) : first;
  }

  async page(partnershipId: string, actor: Actor, roundId: string, organisationId: string, index: number): Promise<AssessmentPage> {
    const [context, record] = await this.roundAndReturn(partnershipId, actor, roundId, organisationId);
    return this.pageOf(partnershipId, context, record, index);
  }

  /**
   * One press of Save, Next, Back or Submit on a page of ratings: the page's ratings saved, then the
   * page to show. `readRatings` reads the card's fields for the page's items. The return is read once,
   * alongside the round, and the page shown after the save is built from what was written.
   */
  async savePageAndShow(
    partnershipId: string,
    actor: Actor,
    input: { roundId: string; organisationId: string; index: number; sectionNumber: number; nonce: string; etag?: string; then: 'stay' | 'next' | 'back' | 'submit' },
    readRatings: (itemIds: readonly string[]) => { ratings: RatingInput[]; problems: string[] },
  ): Promise<PageSaveOutcome> {
    const [context, record] = await this.roundAndReturn(partnershipId, actor, input.roundId, input.organisationId);
    const shown = () => this.pageOf(partnershipId, context, record, input.index);
    const section = context.framework.sections[input.index];
    if (!section || section.number !== input.sectionNumber) throw new InvalidError('That card does not match this benchmark.');
    const { ratings, problems } = readRatings(section.items.map((item) => item.id));
    if (problems.length > 0) return { kind: 'not-saved', reason: 'invalid', page: await shown(), problems };

    let saved: { record: ReturnRecord; duplicate: boolean; changed: number };
    try {
      saved = await this.saveRatings(partnershipId, actor, context, record, { ...input, ratings });
    } catch (error) {
      if (error instanceof PersonalDataError) return { kind: 'not-saved', reason: 'personal-data', page: await shown(), problems: error.findings };
      if (!(error instanceof ConflictError)) throw error;
      // Someone else's save is shown, with what this person typed over it.
      const fresh = await this.assessments.getReturn(partnershipId, input.roundId, input.organisationId);
      return { kind: 'not-saved', reason: 'conflict', page: await this.pageOf(partnershipId, context, fresh, input.index), problems: [] };
    }

    if (input.then === 'next' || input.then === 'back') {
      return { kind: 'page', page: await this.pageOf(partnershipId, context, saved.record, input.index + (input.then === 'next' ? 1 : -1)) };
    }
    if (input.then === 'submit') {
      try {
        const submitted = await this.submitReturn(partnershipId, actor, context, saved.record, { nonce: `${input.nonce}-submit`, etag: saved.record.etag });
        const page = await this.pageOf(partnershipId, context, submitted.record, input.index);
        return { kind: 'receipt', page, savedAt: submitted.record.value.submittedAt ?? this.now().toISOString(), submitted: true, duplicate: submitted.duplicate };
      } catch (error) {
        if (!(error instanceof InvalidError)) throw error;
        return {
          kind: 'page',
          page: await this.pageOf(partnershipId, context, saved.record, input.index),
          notice: `${error.message} This page is saved.`,
          problems: error.details,
        };
      }
    }
    return {
      kind: 'receipt',
      page: await this.pageOf(partnershipId, context, saved.record, input.index),
      savedAt: this.now().toISOString(),
      submitted: false,
      duplicate: saved.duplicate,
    };
  }

  /** Saves one benchmark's ratings for an organisation; unchanged ratings are not written again. */
  async savePage(
    partnershipId: string,
    actor: Actor,
    input: { roundId: string; organisationId: string; sectionNumber: number; ratings: readonly RatingInput[]; nonce: string; etag?: string },
  ): Promise<{ record: ReturnRecord; duplicate: boolean; changed: number }> {
    const [context, record] = await this.roundAndReturn(partnershipId, actor, input.roundId, input.organisationId);
    return this.saveRatings(partnershipId, actor, context, record, input);
  }

  private async saveRatings(
    partnershipId: string,
    actor: Actor,
    context: RoundContext,
    record: ReturnRecord | undefined,
    input: { roundId: string; organisationId: string; sectionNumber: number; ratings: readonly RatingInput[]; nonce: string; etag?: string },
  ): Promise<{ record: ReturnRecord; duplicate: boolean; changed: number }> {
    const section = context.framework.sections.find((s) => s.number === input.sectionNumber);
    if (!section) throw new InvalidError(`There is no benchmark ${input.sectionNumber} in this framework.`);
    const itemIds = new Set(section.items.map((i) => i.id));
    const stray = input.ratings.filter((r) => !itemIds.has(r.itemId));
    if (stray.length > 0)
      throw new InvalidError(
        'That card does not match this benchmark.',
        stray.map((r) => `${r.itemId}: not an item of benchmark ${section.number}`),
      );
    // Details name partner schools and venues; known as organisations, they are not read as people.
    let partners: Promise<Organisation[]> | undefined;
    const organisations = () => (partners ??= this.organisations.list(partnershipId));
    const screened = await Promise.all(
      input.ratings.map(async (r) => (await screenKnowingPartners(this.screen, r.details, organisations)).map((finding) => `${r.itemId}: ${finding}`)),
    );
    const findings = screened.flat();
    if (findings.length > 0) throw new PersonalDataError(findings, 'The supporting details');

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
    const saved = await this.assessments.saveReturn(partnershipId, { ...current, ratings }, changes, input.nonce, input.etag, { record });
    return { ...saved, changed: changes.length };
  }

  /** Marks the organisation's return complete; every item must be rated first. */
  async submit(
    partnershipId: string,
    actor: Actor,
    input: { roundId: string; organisationId: string; nonce: string; etag?: string },
  ): Promise<{ record: ReturnRecord; duplicate: boolean }> {
    const [context, record] = await this.roundAndReturn(partnershipId, actor, input.roundId, input.organisationId);
    return this.submitReturn(partnershipId, actor, context, record, input);
  }

  private async submitReturn(
    partnershipId: string,
    actor: Actor,
    { framework }: RoundContext,
    record: ReturnRecord | undefined,
    input: { nonce: string; etag?: string },
  ): Promise<{ record: ReturnRecord; duplicate: boolean }> {
    const ratings = record?.value.ratings ?? {};
    const missing = framework.sections.filter((s) => s.items.some((i) => !ratings[i.id]));
    if (!record || missing.length > 0) {
      throw new InvalidError(
        'Not submitted: some items are not rated yet.',
        missing.map(
          (s) =>
            `Benchmark ${s.number} (${s.title}): ${s.items
              .filter((i) => !ratings[i.id])
              .map((i) => i.id)
              .join(', ')}`,
        ),
      );
    }
    const submitted: OrganisationReturn = { ...record.value, submittedAt: this.now().toISOString(), submittedById: actor.aadObjectId, submittedByName: actor.name };
    return this.assessments.saveReturn(partnershipId, submitted, [], input.nonce, input.etag, { record });
  }

  /** A page of the return as it stands; last year's answers are looked up only for items this round has not answered. */
  private async pageOf(partnershipId: string, { round, framework, organisation }: RoundContext, record: ReturnRecord | undefined, index: number): Promise<AssessmentPage> {
    const clamped = Math.min(Math.max(index, 0), framework.sections.length - 1);
    const section = framework.sections[clamped]!;
    const own = record?.value.ratings ?? {};
    const previous = section.items.every((item) => own[item.id]) ? undefined : await this.previousReturn(partnershipId, round, organisation.id);
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

  async progress(partnershipId: string, roundId: string): Promise<AssessmentProgress> {
    return (await this.progressAndReturns(partnershipId, roundId)).progress;
  }

  /**
   * The channel's progress card as one person sees it (the card's refresh): a partner lead also sees
   * where their own organisation's return stands. Asked for by Teams when the card is shown, so it only reads.
   */
  async progressView(partnershipId: string, actor: Actor, roundId: string): Promise<AssessmentProgressView> {
    const { progress, organisations, returns } = await this.progressAndReturns(partnershipId, roundId);
    const organisationId = actor.organisationId;
    if (!organisationId || !isAllowed(actor, 'view-organisation', ownOrganisation(actor))) return { progress };
    const own = returns.find((r) => r.organisationId === organisationId);
    // An organisation the round does not ask sees the partnership's progress, not a return of its own.
    if (!organisations.some((o) => o.id === organisationId)) return { progress };
    const organisationName = organisations.find((o) => o.id === organisationId)?.name ?? organisationId;
    return { progress, own: { organisationName, state: own?.submittedAt ? 'returned' : own ? 'in progress' : 'not started' } };
  }

  private async progressAndReturns(partnershipId: string, roundId: string) {
    const round = await this.assessments.getRound(partnershipId, roundId);
    if (!round) throw new NotFoundError('That self-assessment round no longer exists.');
    const [everyOrganisation, returns] = await Promise.all([this.organisations.list(partnershipId), this.assessments.listReturns(partnershipId, roundId)]);
    const organisations = askedOrganisations(round, everyOrganisation);
    const returned = new Set(returns.filter((r) => r.submittedAt).map((r) => r.organisationId));
    const progress: AssessmentProgress = {
      round,
      returned: organisations.filter((o) => returned.has(o.id)).length,
      total: organisations.length,
      waitingFor: organisations.filter((o) => !returned.has(o.id)).map((o) => o.name),
    };
    return { progress, organisations, returns };
  }

  async recordChannelCard(partnershipId: string, roundId: string, activityId: string): Promise<void> {
    await this.assessments.setRoundChannelCard(partnershipId, roundId, activityId);
  }

  /** The round (with the permission check) and the organisation's return, read side by side: what every page press starts from. */
  private roundAndReturn(partnershipId: string, actor: Actor, roundId: string, organisationId: string): Promise<[RoundContext, ReturnRecord | undefined]> {
    return Promise.all([this.context(partnershipId, actor, roundId, organisationId), this.assessments.getReturn(partnershipId, roundId, organisationId)]);
  }

  /** Only an organisation's members (and the Prevent Officer) may rate for it, while the round is open. */
  private async context(partnershipId: string, actor: Actor, roundId: string, organisationId: string) {
    const round = await this.assessments.getRound(partnershipId, roundId);
    if (!round) throw new NotFoundError('That self-assessment round no longer exists.');
    const organisation = await this.organisations.get(partnershipId, organisationId);
    if (!organisation) throw new NotFoundError('That organisation is not in the partnership.');
    authorise(actor, 'rate-for-organisation', { organisationIds: [organisationId], organisationName: organisation.name });
    const framework = getFramework(this.frameworks, round.frameworkId);
    if (!askedOrganisations(round, [organisation]).length) throw new NotAnsweringError(organisation.name, round.name, framework);
    if (round.closesOn < londonDate(this.now())) throw new ForbiddenError(`The ${round.name} self-assessment closed on ${round.closesOn}; it can no longer be changed.`);
    return { round, framework, organisation };
  }

  /** Refuses an organisation the round does not ask, before any page is read. */
  private async assertAsked(partnershipId: string, round: AssessmentRound, organisationId: string): Promise<void> {
    if (!round.organisationIds || round.organisationIds.includes(organisationId)) return;
    const organisation = await this.organisations.get(partnershipId, organisationId);
    throw new NotAnsweringError(organisation?.name ?? 'Your organisation', round.name, getFramework(this.frameworks, round.frameworkId));
  }

  /** The organisation's return in the latest earlier round of the same framework. */
  private async previousReturn(partnershipId: string, round: AssessmentRound, organisationId: string) {
    const earlier = (await this.assessments.listRounds(partnershipId)).filter(
      (r) => sameFramework(this.frameworks, r.frameworkId, round.frameworkId) && r.startedAt < round.startedAt,
    );
    for (const candidate of earlier) {
      const found = await this.assessments.getReturn(partnershipId, candidate.id, organisationId);
      if (found) return { value: found.value, roundName: candidate.name };
    }
    return undefined;
  }
}
