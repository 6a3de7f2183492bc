import { authorise } from '../authorisation';
import { ConflictError, InvalidError } from '../errors';
import { withPersonalChats, type LeadsToAsk } from '../partnership/lead-chats';
import { isPinned } from '../partnership/partnership-channel';
import type { Actor } from '../partnership/member';
import type { ChannelRepository, MemberRepository } from '../ports';
import { defaultQuorum, type AssessmentRound } from './assessment';
import type { AssessmentPage, AssessmentProgress, AssessmentService } from './assessment-service';

/** A framework on the start card, with who answers it ("every specified authority"). */
export type FrameworkChoice = { readonly id: string; readonly title: string; readonly answeredBy: string };

/** The start card's choices: every framework, the one the partnership uses unless told otherwise, and the default quorum. */
export interface StartChoices {
  readonly frameworks: readonly FrameworkChoice[];
  readonly frameworkId: string;
  /** More than half of the organisations that answer the partnership's framework, offered as the round's quorum. */
  readonly quorum: number;
  readonly organisations: number;
}

/** What starting a round leads to; the cards for each are the bot's to choose. */
export type RoundLaunch =
  /** Not started: the form comes back with a line per problem. */
  | { readonly kind: 'not-started'; readonly frameworks: readonly FrameworkChoice[]; readonly problems: readonly string[] }
  | {
      readonly kind: 'started';
      readonly round: AssessmentRound;
      /** Every organisation the round asks (those that answer its framework), with its leads (each with their 1:1 chat, if any) and, when it has any, its first page to rate. */
      readonly requests: readonly (LeadsToAsk & { readonly firstPage?: AssessmentPage })[];
      readonly chaserDates: readonly string[];
      /** The pinned channel and the progress card to post there; absent until the Prevent Officer sets one. */
      readonly channel?: { readonly reference: string; readonly progress: AssessmentProgress };
    };

/**
 * The Prevent Officer's "start self-assessment": the form's choices, then the round opened with
 * everything needed to ask each organisation's leads for their ratings and to post its progress.
 */
export class AssessmentLaunchService {
  constructor(
    private readonly assessments: AssessmentService,
    private readonly members: MemberRepository,
    private readonly channels: ChannelRepository,
    private readonly partnershipFramework: (partnershipId: string) => Promise<string>,
    private readonly reminders: { chaserDates(deadline: string): string[] },
  ) {}

  async startChoices(partnershipId: string, actor: Actor): Promise<StartChoices> {
    authorise(actor, 'start-self-assessment');
    const { frameworkId, organisations } = await this.assessments.answering(partnershipId, await this.partnershipFramework(partnershipId));
    return { frameworks: this.assessments.frameworkChoices(), frameworkId, quorum: defaultQuorum(organisations.length), organisations: organisations.length };
  }

  async start(partnershipId: string, actor: Actor, input: { name: string; frameworkId: string; closesOn: string; quorum?: number | undefined }): Promise<RoundLaunch> {
    let round: AssessmentRound;
    try {
      round = await this.assessments.startRound(partnershipId, actor, input);
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof ConflictError)) throw error;
      const problems = error instanceof InvalidError ? [error.message, ...error.details.map((d) => d.replace(/^[^:]+: /, ''))] : [error.message];
      return { kind: 'not-started', frameworks: this.assessments.frameworkChoices(), problems };
    }
    const [recipients, channel] = await Promise.all([this.assessments.recipients(partnershipId, round), this.channels.get(partnershipId)]);
    const reachable = await withPersonalChats(this.members, partnershipId, recipients);
    // Only organisations with someone to ask get a card, so only their first pages are read.
    const requests = await Promise.all(
      reachable.map(async (request) =>
        request.recipients.length === 0 ? request : { ...request, firstPage: await this.assessments.page(partnershipId, actor, round.id, request.organisation.id, 0) },
      ),
    );
    return {
      kind: 'started',
      round,
      requests,
      chaserDates: this.reminders.chaserDates(round.closesOn),
      ...(isPinned(channel) ? { channel: { reference: channel.reference, progress: await this.assessments.progress(partnershipId, round.id) } } : {}),
    };
  }
}
