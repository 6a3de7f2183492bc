import type { TableClient } from '@azure/data-tables';
import { guidanceSchema, type Guidance } from '../../domain/guidance/guidance';
import type { ChangeAuthor, GuidanceRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { encodeKey } from './key-encoding';
import { readDocument, writeWithHistory } from './versioned-document';

const CURRENT = 'current';

/** Guidance per partnership: a current row and a newest-first history row per change, written together. */
export class GuidanceTableRepository implements GuidanceRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string): Promise<Guidance | undefined> {
    const document = await readDocument(this.table, encodeKey(partnershipId), CURRENT, 'read guidance');
    return document === undefined ? undefined : parseOrThrow(guidanceSchema, document, `stored guidance for "${partnershipId}"`);
  }

  async save(partnershipId: string, guidance: Guidance, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(guidanceSchema, guidance, 'guidance');
    await writeWithHistory(this.table, encodeKey(partnershipId), CURRENT, valid, author, 'save guidance');
  }
}
