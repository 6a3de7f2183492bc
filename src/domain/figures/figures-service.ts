import type { UpdateDeadlines } from '../actions/update-request-service';
import { authorise, isAllowed } from '../authorisation';
import type { UpdateDeadline } from '../chasers/update-deadline';
import { londonDate } from '../clock';
import { InvalidError, NotFoundError } from '../errors';
import { leadsOf } from '../partnership/leads';
import { withPersonalChats, type LeadsToAsk } from '../partnership/lead-chats';
import type { Actor } from '../partnership/member';
import type { Organisation } from '../partnership/organisation';
import type { FiguresRepository, MemberRepository, OrganisationRepository, PartnershipRepository } from '../ports';
import { screenKnowingPartners } from '../privacy/known-names';
import { PersonalDataError, type PersonalDataScreen } from '../privacy/personal-data-error';
import { describeZodIssues, safeParseInput } from '../validation';
import { figuresContent, type FiguresContent, type FiguresSnapshot } from './figures-content';
import { figuresSchema, RETURN_KIND_TITLES, type Figures, type FiguresRecord, type FiguresRequest, type FiguresReturn, type ReturnKind } from './figures';
import { figuresProviders, kindsOwedBy, type FiguresProviders } from './figures-providers';
import { compareQuarters, lastCompleteQuarter, previousQuarter, quarterIdSchema, type QuarterId } from './quarter';

/** Which return a card is about. */
export interface ReturnRef {
  readonly quarter: QuarterId;
  readonly kind: ReturnKind;
  readonly organisationId: string;
}

/** What a figures card shows: the return as it stands and, to start from, last quarter's. */
export interface FiguresForm extends ReturnRef {
  readonly organisation: Organisation;
  readonly current?: FiguresRecord;
  readonly previous?: Figures;
}

/** What a lead typed on the card, after the card payload passed its schema. */
export interface FiguresSubmission extends ReturnRef {
  /** The figures as the card sent them: checked here against the domain schema. */
  readonly figures: unknown;
  readonly nonce: string;
  /** The version the card was made from; absent for a first return. */
  readonly etag?: string;
}

/** One organisation asked for figures: the returns it owes and its leads with their 1:1 chats. */
export type FiguresTarget = LeadsToAsk & { readonly kinds: readonly ReturnKind[] };

export interface FiguresRequested {
  readonly request: FiguresRequest;
  readonly deadline: UpdateDeadline;
  readonly chaserDates: readonly string[];
  readonly targets: readonly FiguresTarget[];
  readonly providers: FiguresProviders;
}

/** "quarterly figures": the latest quarter, the trend, and (for the Prevent Officer) who gives what. */
export interface FiguresOverview {
  readonly content: FiguresContent;
  readonly providers: FiguresProviders;
  readonly canRequest: boolean;
}

/** Figures a request is still waiting for, by organisation. */
export interface FiguresOwed {
  readonly request: FiguresRequest;
  readonly owing: ReadonlyMap<string, readonly ReturnKind[]>;
}

/**
 * The quarterly figures: who is asked for which return, taking returns (checked, screened,
 * idempotent and audited like every write), and the figures as they may be shown.
 */
export class FiguresService {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly organisations: OrganisationRepository,
    private readonly members: MemberRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly screen: PersonalDataScreen,
    private readonly deadlines: UpdateDeadlines,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Who returns referral and Channel figures: named on the partnership, or worked out from sectors. */
  async providers(partnershipId: string, organisations?: readonly Organisation[]): Promise<FiguresProviders> {
    const [partnership, list] = await Promise.all([this.partnerships.get(partnershipId), organisations ?? this.organisations.list(partnershipId)]);
    return figuresProviders(partnership, list);
  }

  /** Every return and who should give them: what the agenda, summary and report are worked out from. */
  async snapshot(partnershipId: string): Promise<FiguresSnapshot> {
    const [records, organisations] = await Promise.all([this.figures.list(partnershipId), this.organisations.list(partnershipId)]);
    return { returns: records.map((r) => r.value), organisations, providers: await this.providers(partnershipId, organisations) };
  }

  /** The last complete quarter: the one a return is asked for now. */
  currentQuarter(): QuarterId {
    return lastCompleteQuarter(londonDate(this.now()));
  }

  /**
   * The latest quarter's figures and the trend, suppressed, for the chair's summary and the board
   * report (whose services have already checked who is asking); undefined before any figures are returned.
   */
  async content(partnershipId: string): Promise<FiguresContent | undefined> {
    const snapshot = await this.snapshot(partnershipId);
    // A partnership that has never returned figures has no figures section, rather than one that only says so.
    return snapshot.returns.length > 0 ? figuresContent(snapshot, this.currentQuarter()) : undefined;
  }

  /** "quarterly figures" (anyone with a role): the latest quarter's figures, suppressed, and the four-quarter trend. */
  async overview(partnershipId: string, actor: Actor): Promise<FiguresOverview> {
    authorise(actor, 'view-figures');
    const snapshot = await this.snapshot(partnershipId);
    return { content: figuresContent(snapshot, this.currentQuarter()), providers: snapshot.providers, canRequest: isAllowed(actor, 'request-figures') };
  }

  /** The card for one return; refused for anyone who may not give it. */
  async openForm(partnershipId: string, actor: Actor, ref: ReturnRef): Promise<FiguresForm> {
    const organisation = await this.checkMaySubmit(partnershipId, actor, ref);
    const [current, previous] = await Promise.all([
      this.figures.get(partnershipId, ref.quarter, ref.kind, ref.organisationId),
      this.figures.get(partnershipId, previousQuarter(ref.quarter), ref.kind, ref.organisationId),
    ]);
    return { ...ref, organisation, ...(current ? { current } : {}), ...(previous ? { previous: previous.value.figures } : {}) };
  }

  /**
   * The returns an organisation gives for a quarter (by default the actor's own organisation and the
   * last complete quarter), if the actor may give them; none otherwise.
   */
  async returnsFor(partnershipId: string, actor: Actor, organisationId = actor.organisationId, quarter = this.currentQuarter()): Promise<ReturnRef[]> {
    if (!organisationId || !isAllowed(actor, 'submit-figures', { organisationIds: [organisationId] })) return [];
    const organisations = await this.organisations.list(partnershipId);
    if (!organisations.some((o) => o.id === organisationId)) return [];
    const providers = await this.providers(partnershipId, organisations);
    return kindsOwedBy(organisationId, providers).map((kind) => ({ quarter, kind, organisationId }));
  }

  async submit(partnershipId: string, actor: Actor, submission: FiguresSubmission): Promise<{ record: FiguresRecord; duplicate: boolean }> {
    const organisation = await this.checkMaySubmit(partnershipId, actor, submission);
    const parsed = safeParseInput(figuresSchema, submission.figures);
    if (!parsed.success)
      throw new InvalidError(
        'Those figures do not add up. Nothing was saved.',
        describeZodIssues(parsed.error).map((p) => p.replace(/^[^:]+: /, '')),
      );
    const figures = parsed.data as Figures;
    if (figures.kind !== submission.kind) throw new InvalidError(`That card is for ${RETURN_KIND_TITLES[submission.kind]} figures. Nothing was saved.`);
    if (figures.kind === 'channel' && figures.issuesOfConcern) {
      // Issues of concern are about the process, never a case: partner names are fine, a person's details are not.
      const findings = await screenKnowingPartners(this.screen, figures.issuesOfConcern, () => this.organisations.list(partnershipId));
      if (findings.length > 0) throw new PersonalDataError(findings, 'The issues of concern');
    }
    const value: FiguresReturn = {
      quarter: submission.quarter,
      organisationId: organisation.id,
      figures,
      submittedById: actor.aadObjectId,
      submittedByName: actor.name,
      submittedAt: this.now().toISOString(),
      nonce: submission.nonce,
    };
    const current = await this.figures.get(partnershipId, submission.quarter, submission.kind, organisation.id);
    return this.figures.record(partnershipId, value, submission.etag, { record: current });
  }

  /** Every write of one return, newest first (anyone with a role may see the numbers). */
  async history(partnershipId: string, actor: Actor, ref: ReturnRef): Promise<FiguresReturn[]> {
    authorise(actor, 'view-figures');
    return this.figures.history(partnershipId, ref.quarter, ref.kind, ref.organisationId);
  }

  /**
   * "request figures" (Prevent Officer): asks for the last complete quarter's returns, due by the
   * date the text names (or the default), and says who to ask and how to reach them.
   */
  async requestFigures(partnershipId: string, actor: Actor, text: string): Promise<FiguresRequested> {
    authorise(actor, 'request-figures');
    const deadline = await this.deadlines.updateDeadline(partnershipId, text);
    const request: FiguresRequest = {
      quarter: this.currentQuarter(),
      requestedAt: this.now().toISOString(),
      requestedById: actor.aadObjectId,
      requestedByName: actor.name,
      dueOn: deadline.dueOn,
    };
    await this.figures.saveRequest(partnershipId, request);
    const [organisations, members] = await Promise.all([this.organisations.list(partnershipId), this.members.list(partnershipId)]);
    const providers = await this.providers(partnershipId, organisations);
    const targets = organisations.map((organisation) => ({ organisation, kinds: kindsOwedBy(organisation.id, providers), recipients: leadsOf(organisation, members) }));
    return {
      request,
      deadline,
      chaserDates: this.deadlines.chaserDates(deadline.dueOn),
      targets: await withPersonalChats(this.members, partnershipId, targets),
      providers,
    };
  }

  /** The open request's returns not yet given, by organisation; undefined when none is open (or it is past its date). */
  async owed(partnershipId: string): Promise<FiguresOwed | undefined> {
    const request = await this.figures.currentRequest(partnershipId);
    if (!request || request.dueOn < londonDate(this.now())) return undefined;
    const [records, organisations] = await Promise.all([this.figures.list(partnershipId), this.organisations.list(partnershipId)]);
    const providers = await this.providers(partnershipId, organisations);
    const given = new Set(records.filter((r) => r.value.quarter === request.quarter).map((r) => `${r.value.organisationId}|${r.value.figures.kind}`));
    const owing = new Map<string, ReturnKind[]>();
    for (const organisation of organisations) {
      const kinds = kindsOwedBy(organisation.id, providers).filter((kind) => !given.has(`${organisation.id}|${kind}`));
      if (kinds.length > 0) owing.set(organisation.id, kinds);
    }
    return { request, owing };
  }

  /** The organisation, once the actor may give this return for it (and it is one the organisation gives). */
  private async checkMaySubmit(partnershipId: string, actor: Actor, ref: ReturnRef): Promise<Organisation> {
    if (!quarterIdSchema.safeParse(ref.quarter).success) throw new InvalidError('That card names no quarter the bot knows. Nothing was saved.');
    const organisations = await this.organisations.list(partnershipId);
    const organisation = organisations.find((o) => o.id === ref.organisationId);
    if (!organisation) throw new NotFoundError('That organisation is not in the partnership.');
    authorise(actor, 'submit-figures', { organisationIds: [organisation.id], organisationName: organisation.name });
    if (compareQuarters(ref.quarter, this.currentQuarter()) > 0) throw new InvalidError(`Figures for ${ref.quarter} can be returned once the quarter has ended.`);
    const providers = await this.providers(partnershipId, organisations);
    if (!kindsOwedBy(organisation.id, providers).includes(ref.kind)) {
      const giver = ref.kind === 'referrals' ? providers.referrals : providers.channel;
      throw new InvalidError(`${RETURN_KIND_TITLES[ref.kind]} figures are returned by ${giver?.name ?? 'the organisation the partnership names'}, not ${organisation.name}.`);
    }
    return organisation;
  }
}
