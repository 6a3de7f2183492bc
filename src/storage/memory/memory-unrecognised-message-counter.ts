import type { UnrecognisedMessageCounter } from '../../domain/ports';

export class MemoryUnrecognisedMessageCounter implements UnrecognisedMessageCounter {
  private readonly counts = new Map<string, Map<string, number>>();

  async count(partnershipId: string, day: string): Promise<void> {
    const days = this.counts.get(partnershipId) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + 1);
    this.counts.set(partnershipId, days);
  }

  async countsBetween(partnershipId: string, from: string, to: string): Promise<{ day: string; count: number }[]> {
    return [...(this.counts.get(partnershipId) ?? [])]
      .filter(([day]) => day >= from && day <= to)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, count]) => ({ day, count }));
  }
}
