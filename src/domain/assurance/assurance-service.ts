import { authorise, isAllowed } from '../authorisation';
import { londonDate } from '../clock';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { requestedDeadline, type UpdateDeadline } from '../chasers/update-deadline';
import { withPersonalChats, type LeadsToAsk } from '../partnership/lead-chats';
import { isPinned } from '../partnership/partnership-channel';
import { leadsOf } from '../partnership/leads';
import type { Actor } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';
import type { AssuranceRepository, ChannelRepository, MemberRepository, OrganisationRepository } from '../ports';
import { screenKnowingPartners } from '../privacy/known-names';
import type { PersonalDataScreen } from '../privacy/personal-data-error';
import { statementYearOf, type AssuranceStatement, type ItemAnswer, type StatementChange, type StatementRecord, type StatementRequest } from './assurance';
import { assuranceAgendaLines, assuranceOutcome, boardReportAssurance, type AssuranceOutcome, type BoardReportAssurance } from './assurance-outcome';
import type { AssuranceAnswer, StatementTemplate } from './statement-template';

export interface AnswerInput {
  readonly itemId: string;
  readonly answer: AssuranceAnswer;
  readonly note: string;
}

/** An organisation's statement card: its answers so far, or last year's to start from. */
export interface StatementForm {
  readonly request: StatementRequest;
  readonly template: StatementTemplate;
  readonly organisation: Organisation;
  readonly values: Readonly<Record<string, { answer?: AssuranceAnswer; note: string }>>;
  /** The earlier year unanswered items were pre-filled from, if any. */
  readonly prefilledFrom?: string;
  readonly etag?: string;
  readonly confirmed?: { readonly at: string; readonly byName: string };
}

/** What a press on the statement card leads to; the card for each is the bot's to choose. */
export type StatementSaveOutcome =
  /** Nothing saved: the card comes back with what was typed and a line per problem. */
  | { readonly kind: 'not-saved'; readonly reason: 'invalid' | 'personal-data' | 'conflict' | 'confirmed'; readonly form: StatementForm; readonly problems: readonly string[] }
  | { readonly kind: 'saved'; readonly form: StatementForm; readonly savedAt: string; readonly confirmed: boolean; readonly duplicate: boolean };

/** The Prevent Officer's request: every organisation with its leads (and, when it has any, its card), and the chaser days. */
export interface StatementLaunch {
  readonly request: StatementRequest;
  /** Why statements are due when they are, for the Prevent Officer's card. */
  readonly deadline: UpdateDeadline;
  /** The pinned channel, where leads the bot cannot reach 1:1 are @mentioned. */
  readonly channel?: string;
  readonly requests: readonly (LeadsToAsk & { readonly form?: StatementForm })[];
  readonly chaserDates: readonly string[];
}

/** "assurance statement(s)": the overview for the Steering Group, one's own organisation's card for a lead. */
export type AssuranceAnswerView =
  /** `mayAnswerFor`: the viewer may open any organisation's statement to answer on its behalf (the Prevent Officer). */
  { readonly kind: 'overview'; readonly outcome: AssuranceOutcome; readonly mayAnswerFor: boolean } | { readonly kind: 'form'; readonly form: StatementForm };

/** Statements are asked for this long before they are due, unless the Prevent Officer says otherwise. */
const DEFAULT_DUE_DAYS = 28;
const DAY_MS = 24 * 3600 * 1000;

const NONE_REQUESTED = 'No annual assurance statements have been requested yet. The Prevent Officer asks for them with "request assurance statements".';

/**
 * Annual assurance statements (SOP 000 §5: each organisation's "annual assurance statement/report to
 * the Prevent Steering Group"). The Prevent Officer asks for a financial year's statements; each
 * organisation's Prevent lead answers every item and confirms, once; the Steering Group sees who has.
 */
export class AssuranceService {
  constructor(
    private readonly assurance: AssuranceRepository,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly template: StatementTemplate,
    private readonly screen: PersonalDataScreen,
    private readonly reminders: { chaserDates(deadline: string): string[] },
    private readonly channels: ChannelRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The statement's items, for anyone writing statements without a card (the demo seed). */
  async templateItems(): Promise<StatementTemplate['items']> {
    return this.template.items;
  }

  /** The financial year whose statements are asked for today ("2026-27"). */
  currentYear(): string {
    return statementYearOf(londonDate(this.now()));
  }

  /**
   * "request assurance statements" (optionally "by 30 January"; Prevent Officer): the year's request,
   * and who to send each card to. Without a date, statements are due four weeks from today.
   */
  async request(partnershipId: string, actor: Actor, text = ''): Promise<StatementLaunch> {
    authorise(actor, 'request-assurance-statements');
    const today = londonDate(this.now());
    const deadline = requestedDeadline(text, this.now()) ?? { dueOn: londonDate(new Date(this.now().getTime() + DEFAULT_DUE_DAYS * DAY_MS)), basis: 'four weeks from today' };
    const { dueOn } = deadline;
    if (dueOn < today) throw new InvalidError('The date statements are due by has already passed.', ['deadline: choose a date from today on']);
    const year = this.currentYear();
    const existing = await this.assurance.getRequest(partnershipId, year);
    if (existing) {
      throw new ConflictError(
        `The ${year} assurance statements were requested on ${londonDate(new Date(existing.requestedAt))} by ${existing.requestedByName}. Say "who has returned their assurance statement" to see where they stand, or "send chasers".`,
      );
    }
    const request: StatementRequest = {
      year,
      templateId: this.template.id,
      dueOn,
      requestedAt: this.now().toISOString(),
      requestedById: actor.aadObjectId,
      requestedByName: actor.name,
    };
    await this.assurance.createRequest(partnershipId, request);
    const [organisations, members, channel] = await Promise.all([this.organisations.list(partnershipId), this.members.list(partnershipId), this.channels.get(partnershipId)]);
    const reachable = await withPersonalChats(
      this.members,
      partnershipId,
      organisations.map((organisation) => ({ organisation, recipients: leadsOf(organisation, members) })),
    );
    // Only organisations with someone to ask get a card, so only their statements are read.
    const requests = await Promise.all(
      reachable.map(async (target) => (target.recipients.length === 0 ? target : { ...target, form: await this.formOf(partnershipId, request, target.organisation, undefined) })),
    );
    return { request, deadline, requests, chaserDates: this.reminders.chaserDates(dueOn), ...(isPinned(channel) ? { channel: channel.reference } : {}) };
  }

  /** "assurance statement(s)": who has returned, for the Steering Group; one's own organisation's card, for a lead. */
  async view(partnershipId: string, actor: Actor): Promise<AssuranceAnswerView> {
    if (isAllowed(actor, 'view-assurance-statements')) {
      const outcome = await this.outcome(partnershipId);
      if (!outcome) throw new NotFoundError(NONE_REQUESTED);
      return { kind: 'overview', outcome, mayAnswerFor: isAllowed(actor, 'answer-assurance-statement') };
    }
    if (!actor.organisationId) authorise(actor, 'view-assurance-statements');
    const request = await this.latestRequest(partnershipId);
    return { kind: 'form', form: await this.form(partnershipId, actor, request.year, actor.organisationId!) };
  }

  /** Who has confirmed, who is part-way, who has not started (Steering Group). */
  async overview(partnershipId: string, actor: Actor): Promise<AssuranceOutcome> {
    authorise(actor, 'view-assurance-statements');
    const outcome = await this.outcome(partnershipId);
    if (!outcome) throw new NotFoundError(NONE_REQUESTED);
    return outcome;
  }

  /** The latest requested year's outcome (or the year given), with no permission check: for the agenda and the board report. */
  async outcome(partnershipId: string, year?: string): Promise<AssuranceOutcome | undefined> {
    const request = year ? await this.assurance.getRequest(partnershipId, year) : (await this.assurance.listRequests(partnershipId))[0];
    if (!request) return undefined;
    const [organisations, statements] = await Promise.all([this.organisations.list(partnershipId), this.assurance.listStatements(partnershipId, request.year)]);
    return assuranceOutcome(this.template, request, organisations, statements);
  }

  /**
   * The board report's assurance content (who returned, items not yet in place) for the latest
   * requested year, or the year given; undefined before any request. For those who may download the report.
   */
  async boardReport(partnershipId: string, actor: Actor, year?: string): Promise<BoardReportAssurance | undefined> {
    authorise(actor, 'board-report');
    const outcome = await this.outcome(partnershipId, year);
    return outcome ? boardReportAssurance(outcome) : undefined;
  }

  /** The generated lines of the agenda's annual assurance item, by the annual item's id. */
  async agendaDetails(partnershipId: string): Promise<Record<string, string[]>> {
    const outcome = await this.outcome(partnershipId);
    return outcome ? { 'assurance-statements': assuranceAgendaLines(outcome) } : {};
  }

  /** An organisation's statement card for a requested year (its lead, or the Prevent Officer). */
  async form(partnershipId: string, actor: Actor, year: string, organisationId: string): Promise<StatementForm> {
    const { request, organisation, record } = await this.context(partnershipId, actor, year, organisationId);
    return this.formOf(partnershipId, request, organisation, record);
  }

  /**
   * One press of Save or Confirm on the statement card. `readAnswers` reads the card's fields for the
   * template's items. Confirming needs every item answered and is final: the receipt replaces the form.
   */
  async save(
    partnershipId: string,
    actor: Actor,
    input: { year: string; organisationId: string; nonce: string; etag?: string | undefined; confirm: boolean },
    readAnswers: (itemIds: readonly string[]) => { answers: AnswerInput[]; problems: string[] },
  ): Promise<StatementSaveOutcome> {
    const { request, organisation, record } = await this.context(partnershipId, actor, input.year, input.organisationId);
    const shown = () => this.formOf(partnershipId, request, organisation, record);
    if (record?.value.confirmedAt) {
      // A retry of the confirming press is the same confirmation; anything else would change a final statement.
      if (record.value.confirmedNonce === input.nonce) return { kind: 'saved', form: await shown(), savedAt: record.value.confirmedAt, confirmed: true, duplicate: true };
      return { kind: 'not-saved', reason: 'confirmed', form: await shown(), problems: [] };
    }
    const { answers, problems } = readAnswers(this.template.items.map((i) => i.id));
    if (problems.length > 0) return { kind: 'not-saved', reason: 'invalid', form: await shown(), problems };
    const findings = await this.screenNotes(partnershipId, answers);
    if (findings.length > 0) return { kind: 'not-saved', reason: 'personal-data', form: await shown(), problems: findings };

    const current: AssuranceStatement = record?.value ?? { year: request.year, organisationId: organisation.id, answers: {} };
    const at = this.now().toISOString();
    const changes: StatementChange['changes'] = [];
    const next = { ...current.answers };
    for (const input_ of answers) {
      const before = current.answers[input_.itemId];
      if (before && before.answer === input_.answer && before.note === input_.note.trim()) continue;
      const after: ItemAnswer = { answer: input_.answer, note: input_.note.trim(), updatedById: actor.aadObjectId, updatedByName: actor.name, updatedAt: at };
      next[input_.itemId] = after;
      changes.push({ itemId: input_.itemId, ...(before ? { before } : {}), after });
    }
    if (input.confirm) {
      const missing = this.template.items.filter((item) => !next[item.id]);
      if (missing.length > 0) {
        const notice = 'Not confirmed: answer every item first (nothing was saved).';
        return { kind: 'not-saved', reason: 'invalid', form: await shown(), problems: [notice, ...missing.map((item) => `${item.text}: choose In place, Partly or Not yet`)] };
      }
    }
    if (changes.length === 0 && !input.confirm && record) return { kind: 'saved', form: await shown(), savedAt: at, confirmed: false, duplicate: false };
    const value: AssuranceStatement = {
      ...current,
      answers: next,
      ...(input.confirm ? { confirmedAt: at, confirmedById: actor.aadObjectId, confirmedByName: actor.name, confirmedNonce: input.nonce } : {}),
    };
    const change: StatementChange = { nonce: input.nonce, byId: actor.aadObjectId, byName: actor.name, at, confirmed: input.confirm, changes };
    let saved: { record: StatementRecord; duplicate: boolean };
    try {
      saved = await this.assurance.saveStatement(partnershipId, value, change, input.nonce, input.etag, { record });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await this.assurance.getStatement(partnershipId, request.year, organisation.id);
      return { kind: 'not-saved', reason: 'conflict', form: await this.formOf(partnershipId, request, organisation, fresh), problems: [] };
    }
    const form = await this.formOf(partnershipId, request, organisation, saved.record);
    const confirmedAt = saved.record.value.confirmedAt;
    return { kind: 'saved', form, savedAt: saved.duplicate ? (confirmedAt ?? at) : at, confirmed: Boolean(confirmedAt), duplicate: saved.duplicate };
  }

  private async screenNotes(partnershipId: string, answers: readonly AnswerInput[]): Promise<string[]> {
    // Notes name partner schools and venues; known as organisations, they are not read as people.
    let partners: Promise<Organisation[]> | undefined;
    const organisations = () => (partners ??= this.organisations.list(partnershipId));
    const screened = await Promise.all(
      answers.map(async (a) => (await screenKnowingPartners(this.screen, a.note, organisations)).map((finding) => `${this.itemLabel(a.itemId)}: ${finding}`)),
    );
    return screened.flat();
  }

  private itemLabel(itemId: string): string {
    const index = this.template.items.findIndex((i) => i.id === itemId);
    return index < 0 ? itemId : `Item ${index + 1}`;
  }

  private async latestRequest(partnershipId: string): Promise<StatementRequest> {
    const request = (await this.assurance.listRequests(partnershipId))[0];
    if (!request) throw new NotFoundError(NONE_REQUESTED);
    return request;
  }

  /** The year's request and the organisation, with the check of who may answer for it, and its statement. */
  private async context(partnershipId: string, actor: Actor, year: string, organisationId: string) {
    const [request, organisation, record] = await Promise.all([
      this.assurance.getRequest(partnershipId, year),
      this.organisations.get(partnershipId, organisationId),
      this.assurance.getStatement(partnershipId, year, organisationId),
    ]);
    if (!request) throw new NotFoundError(`The ${year} assurance statements have not been requested.`);
    if (!organisation) throw new NotFoundError('That organisation is not in the partnership.');
    // The organisation's named Prevent lead answers for it whatever their role; otherwise the table decides.
    if (organisation.preventLeadId !== actor.aadObjectId) {
      authorise(actor, 'answer-assurance-statement', { organisationIds: [organisation.id], organisationName: organisation.name });
    }
    return { request, organisation, record };
  }

  /** The card's values: this year's answers, with last year's for items not yet answered. */
  private async formOf(partnershipId: string, request: StatementRequest, organisation: Organisation, record: StatementRecord | undefined): Promise<StatementForm> {
    const own = record?.value.answers ?? {};
    const previous = this.template.items.every((i) => own[i.id]) ? undefined : await this.previousStatement(partnershipId, request.year, organisation.id);
    const values: Record<string, { answer?: AssuranceAnswer; note: string }> = {};
    let prefilled = false;
    for (const item of this.template.items) {
      const answer = own[item.id] ?? previous?.value.answers[item.id];
      if (!own[item.id] && previous?.value.answers[item.id]) prefilled = true;
      values[item.id] = answer ? { answer: answer.answer, note: answer.note } : { note: '' };
    }
    const confirmed = record?.value.confirmedAt ? { at: record.value.confirmedAt, byName: record.value.confirmedByName ?? '' } : undefined;
    return {
      request,
      template: this.template,
      organisation,
      values,
      ...(prefilled && previous ? { prefilledFrom: previous.year } : {}),
      ...(record?.etag ? { etag: record.etag } : {}),
      ...(confirmed ? { confirmed } : {}),
    };
  }

  /** The organisation's statement of the latest earlier year it has one for. */
  private async previousStatement(partnershipId: string, year: string, organisationId: string): Promise<{ year: string; value: AssuranceStatement } | undefined> {
    const earlier = (await this.assurance.listRequests(partnershipId)).filter((r) => r.year < year);
    for (const candidate of earlier) {
      const found = await this.assurance.getStatement(partnershipId, candidate.year, organisationId);
      if (found) return { year: candidate.year, value: found.value };
    }
    return undefined;
  }
}
