import { authorise } from '../authorisation';
import type { Actor } from '../partnership/member';
import type { PartnershipResolver } from '../partnership/partnership-resolver';
import type { BoardReportArea } from './board-report-areas';
import type { ComplianceSummary } from './compliance-summary';
import type { ComplianceSummaryService } from './summary-service';

/** Signs one person's expiring download links to one round's report (src/reports/report-links.ts). */
export interface ReportLinkSigner<Links> {
  offer(partnershipId: string, roundId: string, aadObjectId: string): Links;
}

export interface BoardReportOffer<Links> {
  readonly partnershipName: string;
  readonly summary: ComplianceSummary;
  /** SOP §4.1's seven areas, as the files lay them out. */
  readonly areas: readonly BoardReportArea[];
  readonly links: Links;
}

/**
 * The board report on offer: its headline figures and links to download it. The files themselves are
 * made only when a link is opened, so an offer costs one summary read and keeps nothing.
 */
export class BoardReportService<Links> {
  constructor(
    private readonly summaries: ComplianceSummaryService,
    private readonly partnerships: Pick<PartnershipResolver, 'displayName'>,
    private readonly signer: ReportLinkSigner<Links>,
  ) {}

  /** "report", "board report for 2026/27 Q3": the round the question names, or the latest. */
  async offer(partnershipId: string, actor: Actor, question: string): Promise<BoardReportOffer<Links>> {
    authorise(actor, 'board-report');
    const { roundName } = await this.summaries.readQuestion(partnershipId, question);
    const { summary, areas } = await this.summaries.reportData(partnershipId, actor, roundName);
    const links = this.signer.offer(partnershipId, summary.round.id, actor.aadObjectId);
    return { partnershipName: await this.partnerships.displayName(partnershipId), summary, areas, links };
  }
}
