import type { BoardReportContribution, BoardReportContributor } from '../summary/board-report-areas';
import { boardReportAssurance, type AssuranceOutcome, type BoardReportAssurance } from './assurance-outcome';

/**
 * The latest year's annual assurance statements in the board report: what is in place goes under
 * overall compliance, and who has and has not confirmed under engagement with key partners (SOP 4.1
 * asks for both; SOP 5 for the statements).
 */
export function assuranceContributions(assurance: BoardReportAssurance): BoardReportContribution[] {
  return [
    {
      areaId: 'compliance',
      blocks: [
        { kind: 'paragraph', text: `${assurance.heading}: ${assurance.returnedLine}` },
        assurance.itemsNotInPlace.length > 0
          ? { kind: 'bullets', items: assurance.itemsNotInPlace.map((line) => `Not yet in place everywhere: ${line}`) }
          : { kind: 'paragraph', text: 'Every confirmed statement has every item in place.' },
      ],
    },
    {
      areaId: 'engagement',
      blocks: [
        {
          kind: 'paragraph',
          text:
            assurance.notReturned.length === 0
              ? `${assurance.heading}: every organisation asked has confirmed its statement.`
              : `${assurance.heading} not yet confirmed by: ${assurance.notReturned.join(', ')}.`,
        },
      ],
    },
  ];
}

/** Reads the latest year's statements for the report; the report's own permission check has run. */
export function assuranceContributor(source: { outcome(partnershipId: string): Promise<AssuranceOutcome | undefined> }): BoardReportContributor {
  return async (partnershipId) => {
    const outcome = await source.outcome(partnershipId);
    return outcome ? assuranceContributions(boardReportAssurance(outcome)) : [];
  };
}
