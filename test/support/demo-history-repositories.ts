import { MemoryActionRepository } from '../../src/storage/memory/memory-action-repository';
import { MemoryAssessmentRepository } from '../../src/storage/memory/memory-assessment-repository';
import { MemoryAssuranceRepository } from '../../src/storage/memory/memory-assurance-repository';
import { MemoryFiguresRepository } from '../../src/storage/memory/memory-figures-repository';
import { MemoryGuidanceRepository } from '../../src/storage/memory/memory-guidance-repository';
import { MemoryMeetingRepository } from '../../src/storage/memory/memory-meeting-repository';
import { MemoryMemberRepository } from '../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../src/storage/memory/memory-organisation-repository';
import { MemoryOutboxRepository } from '../../src/storage/memory/memory-outbox-repository';
import { MemoryPartnershipRepository } from '../../src/storage/memory/memory-partnership-repository';
import { MemoryPriorityRepository } from '../../src/storage/memory/memory-priority-repository';
import { MemoryChannelRepository, MemoryUpdateRoundRepository } from '../../src/storage/memory/memory-round-and-channel-repositories';
import { MemoryUnrecognisedMessageCounter } from '../../src/storage/memory/memory-unrecognised-message-counter';

/** Every repository the live demo seed writes to, in memory. */
export function memoryDemoRepositories() {
  return {
    partnerships: new MemoryPartnershipRepository(),
    guidance: new MemoryGuidanceRepository(),
    organisations: new MemoryOrganisationRepository(),
    members: new MemoryMemberRepository(),
    actions: new MemoryActionRepository(),
    assessments: new MemoryAssessmentRepository(),
    meetings: new MemoryMeetingRepository(),
    updateRounds: new MemoryUpdateRoundRepository(),
    channels: new MemoryChannelRepository(),
    outbox: new MemoryOutboxRepository(),
    unrecognised: new MemoryUnrecognisedMessageCounter(),
    assurance: new MemoryAssuranceRepository(),
    figures: new MemoryFiguresRepository(),
    priorities: new MemoryPriorityRepository(),
  };
}
