import type { Actor } from '../../../../src/domain/partnership/member';
import { PartnershipResolver } from '../../../../src/domain/partnership/partnership-resolver';
import { BoardReportService } from '../../../../src/domain/summary/board-report-service';
import { ComplianceSummaryService } from '../../../../src/domain/summary/summary-service';
import { MemoryActionRepository } from '../../../../src/storage/memory/memory-action-repository';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryMeetingRepository } from '../../../../src/storage/memory/memory-meeting-repository';
import { MemoryMemberRepository } from '../../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { MemoryPartnershipRepository } from '../../../../src/storage/memory/memory-partnership-repository';
import { FRAMEWORK, round } from '../../../support/summary-fixtures';

const P = 'warwickshire';
const officer: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'alpha' };
const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const policeLead: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'bravo' };
const staff: Actor = { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' };
const NOW = new Date('2026-11-22T10:00:00Z');

async function world() {
  const assessments = new MemoryAssessmentRepository();
  await assessments.createRound(P, round('2025-26-q3', '2025-10-01T09:00:00.000Z'));
  await assessments.createRound(P, round('2026-27-q3', '2026-10-01T09:00:00.000Z'));
  const summaries = new ComplianceSummaryService(
    assessments,
    new Map([[FRAMEWORK.id, FRAMEWORK]]),
    new MemoryOrganisationRepository(),
    new MemoryMemberRepository(),
    new MemoryActionRepository(),
    new MemoryMeetingRepository(),
    () => NOW,
  );
  const signed: string[][] = [];
  const signer = {
    offer: (partnershipId: string, roundId: string, aadObjectId: string) => {
      signed.push([partnershipId, roundId, aadObjectId]);
      return { urls: { docx: `https://bot.example/${roundId}.docx` } };
    },
  };
  // No partnership row: a single-partnership deployment is named generically.
  const service = new BoardReportService(summaries, new PartnershipResolver(new MemoryPartnershipRepository(), P), signer);
  return { service, signed };
}

describe('BoardReportService.offer', () => {
  it("gives the latest round's summary, the partnership's name and links signed for the person asking", async () => {
    const { service, signed } = await world();
    const offer = await service.offer(P, officer, 'board report');
    expect(offer.summary.round.name).toBe('2026/27 Q3');
    expect(offer.partnershipName).toBe('your Prevent partnership');
    expect(offer.links).toEqual({ urls: { docx: 'https://bot.example/2026-27-q3.docx' } });
    expect(signed).toEqual([[P, '2026-27-q3', 'aad-officer']]);
  });

  it('offers the round the question names', async () => {
    const { service, signed } = await world();
    const offer = await service.offer(P, chair, 'report for 2025/26 Q3');
    expect(offer.summary.round.id).toBe('2025-26-q3');
    expect(signed).toEqual([[P, '2025-26-q3', 'aad-chair']]);
  });

  it('is refused to partner leads and staff, and signs no link for them', async () => {
    const { service, signed } = await world();
    for (const person of [policeLead, staff]) {
      await expect(service.offer(P, person, 'board report')).rejects.toThrow('The board report is for the Prevent Officer and the chair of the Steering Group.');
    }
    expect(signed).toEqual([]);
  });
});
